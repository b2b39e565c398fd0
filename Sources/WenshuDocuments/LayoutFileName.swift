import WenshuLayout

/// The catalogue's naming rule: a layout file is `<document>[.<variant>][.<office>].yaml`, so
/// the folder listing says which file prints what. The name must agree with the file's own
/// `document:`, `variant:` and `offices:`.
enum LayoutFileName {
  /// Throws naming the part of the file name that disagrees with the layout.
  static func check(_ path: String, against layout: LayoutDescription) throws(LayoutError) {
    let base = String(path.split(separator: "/").last ?? "")
    var parts = base.hasSuffix(".yaml") ? base.dropLast(5).split(separator: ".").map(String.init) : []
    func refuse(_ what: String) -> LayoutError {
      let expected =
        [layout.document] + (layout.variant == "default" ? [] : [layout.variant])
        + (layout.offices.isEmpty ? [] : [layout.offices.count == 1 ? layout.offices[0] : "<one of its offices>"])
      return LayoutError(
        file: path, line: 1,
        message:
          "\(what); a layout file is named <document>[.<variant>][.<office>].yaml: \(expected.joined(separator: ".")).yaml"
      )
    }
    guard !parts.isEmpty, parts.removeFirst() == layout.document else {
      throw refuse("the file name does not start with its document '\(layout.document)'")
    }
    if !layout.offices.isEmpty {
      guard let office = parts.popLast(), layout.offices.contains(office) else {
        throw refuse("the file name does not end with one of its offices (\(layout.offices.joined(separator: ", ")))")
      }
    }
    if layout.variant != "default" {
      guard parts.popLast() == layout.variant else {
        throw refuse("the file name does not name its variant '\(layout.variant)'")
      }
    }
    guard parts.isEmpty else {
      throw refuse(
        "the file name has '\(parts.joined(separator: "."))', which is neither its variant (\(layout.variant)) nor an office of its offices: [\(layout.offices.joined(separator: ", "))]"
      )
    }
  }

  /// Whether two layouts of one document would both answer for some office: same variant,
  /// and office lists that share an office or are both “any office”.
  static func overlap(_ a: LayoutDescription, _ b: LayoutDescription) -> Bool {
    a.variant == b.variant
      && (a.offices.isEmpty && b.offices.isEmpty || !Set(a.offices).isDisjoint(with: b.offices))
  }
}
