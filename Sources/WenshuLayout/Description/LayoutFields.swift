/// The data fields a layout reads, for help texts and schemas.
public enum LayoutFields {
  /// Top-level keys read anywhere in the layout, sorted: every template the layout walk
  /// visits (`LayoutWalk`: every block's, the running header and footer, the metadata, the
  /// watermark, the checks), the arrays rows come from, a check's `in:` list and a named
  /// rule's inputs. Inside an item (a table's rows, an each's blocks) a path is the item's
  /// field when the item declares it under `data:`, else the data's around it; without
  /// `data:`, what an item reads is taken for the item's.
  public static func topLevel(_ layout: LayoutDescription) -> [String] {
    var keys = Set<String>()
    /// The items' declarations around a read, innermost last; nil: not known, so every
    /// field is taken for the item's.
    typealias Items = [DataSchema?]
    func read(_ path: DataPath?, in items: Items) {
      guard let path, path.variable == nil, case .key(let k)? = path.components.first else { return }
      if items.contains(where: { $0 == nil || $0?.field(k) != nil }) { return }
      keys.insert(k)
    }
    let walk = LayoutWalk<Items>(
      root: { _ in [] },
      enter: { array, items, _, _ in
        read(array, in: items)
        let known = items.compactMap { $0 }
        guard let root = layout.schema, known.count == items.count,
          case .array(let item, _, _)? = DataSchema.declaration(of: array, in: [root] + known)
        else { return items + [nil] }
        return items + [item]
      },
      visit: { site, items in
        for path in site.use.template.fields.flatMap(\.paths) { read(path, in: items) }
      },
      check: { check, items in
        read(check.oneOf?.list, in: items)
        for written in check.rule?.inputs.values.sorted() ?? [] { read(try? DataPath(parsing: written), in: []) }
      })
    try? walk.walk(layout)
    return keys.sorted()
  }
}
