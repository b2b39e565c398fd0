import Graphics
import Yams

/// Label–value pairs in N columns.
public struct FieldGrid: Sendable {
  public var columns: Int
  public var items: [(label: Template, value: Template, when: Condition?)]
  public var style: String
  public var labelStyle: String
}

extension FieldGrid {
  static let templateLocations = ["fields.label", "fields.value", "fields.when"]
  /// Filled where the block lands, conditions too (a fields block is made again per page).
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    for item in items {
      uses.add([item.label], .block, placed: true, at: "fields.label")
      uses.add([item.value], .block, placed: true, at: "fields.value")
      uses.add(item.when?.templates ?? [], .block, placed: true, at: "fields.when")
    }
    return uses
  }
}

extension LayoutParser {
  func fieldGrid(_ node: Node, styles: [String: TextStyle], style outer: Node?) throws(LayoutError) -> FieldGrid {
    var f = try YAMLFields(node, what: "fields", file: file)
    let columns = try f.take("columns").map { n throws(LayoutError) in try int(n, 1...6) } ?? 1
    guard let itemsNode = f.take("items"), case .sequence(let seq) = itemsNode else {
      throw f.error("fields need items: a list of {label, value}\(f.misspelling(of: "items"))")
    }
    var items: [(label: Template, value: Template, when: Condition?)] = []
    for n in seq {
      var i = try YAMLFields(n, what: "a field", file: file)
      let label = try template(required(i.take("label"), in: i, key: "label"))
      let value = try template(required(i.take("value"), in: i, key: "value"))
      let when = try i.take("when").map(condition)
      try i.finish()
      items.append((label, value, when))
    }
    let style = try innerStyle(f.take("style"), outer: outer, in: f, styles: styles) ?? "body"
    try f.finish()
    return FieldGrid(columns: columns, items: items, style: style, labelStyle: "label")
  }
}
