/// The data fields a layout reads, for help texts and schemas.
public enum LayoutFields {
  /// Top-level keys referenced anywhere in the layout, sorted: every template a block reads
  /// in the data around it (`Block.templateUses`), the arrays its rows come from, the
  /// running header and footer (the first page's too), the metadata, the watermark and the
  /// checks. What a row reads are the fields of its item, not top-level keys.
  public static func topLevel(_ layout: LayoutDescription) -> [String] {
    var keys = Set<String>()
    func key(_ path: DataPath?) { if case .key(let k)? = path?.components.first { keys.insert(k) } }
    func add(_ t: Template) { t.fields.flatMap(\.paths).forEach(key) }
    func walk(_ blocks: [Block]) {
      for block in blocks {
        for use in block.templateUses where use.scope != .item { add(use.template) }
        key(block.itemArray)
        // An each's blocks read one item's fields.
        if case .group = block.kind { walk(block.innerBlocks) }
      }
    }
    for blocks in [
      layout.header, layout.footer, layout.firstPageHeader ?? [], layout.firstPageFooter ?? [], layout.body,
    ] {
      walk(blocks)
    }
    let m = layout.metadata
    ([m.title, m.author, m.subject, m.created, m.filename] + [m.reference].compactMap { $0 }).forEach(add)
    if let w = layout.watermark { add(w.text) }
    for check in layout.checks {
      // A check run per row reads the row's fields: its array is the top-level field.
      if let each = check.each {
        key(each)
        continue
      }
      add(check.value)
      add(check.equals)
      if case .key(let k)? = check.oneOf?.list.components.first { keys.insert(k) }
      for written in check.rule?.inputs.values.sorted() ?? [] {
        if let p = try? DataPath(parsing: written), case .key(let k)? = p.components.first { keys.insert(k) }
      }
      check.when?.templates.forEach(add)
    }
    return keys.sorted()
  }
}
