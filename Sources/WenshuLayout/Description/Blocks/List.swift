import Graphics
import Yams

public struct BulletList: Sendable {
  public enum Source: Sendable {
    case fixed([Template])
    case bound(DataPath, item: Template)
  }
  public var source: Source
  /// `•`, or a template such as `{@index}.` for numbered lists.
  public var marker: Template
  public var style: String
  /// Per fixed item, when it is shown (nil: always).
  public var itemConditions: [Condition?] = []
  /// For a bound list: which items are shown, judged in each item's scope.
  public var itemWhen: Condition? = nil
}

extension BulletList {
  static let templateLocations = ["list.items", "list.items.when", "list.marker", "list.item", "list.when"]
  /// A fixed list's items and marker know `{@index}`; a bound list's read each item, and so
  /// does its `when:`; a fixed item's `when:` reads the data around the list.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    switch source {
    case .fixed(let texts):
      uses.add(texts, .fixedItem, placed: true, at: "list.items")
      uses.add([marker], .fixedItem, placed: true, at: "list.marker")
      uses.add(itemConditions.flatMap { $0?.templates ?? [] }, .block, placed: false, at: "list.items.when")
    case .bound(_, let item):
      uses.add([item], .item, placed: true, at: "list.item")
      uses.add([marker], .item, placed: true, at: "list.marker")
      uses.add(itemWhen?.templates ?? [], .item, placed: false, at: "list.when")
    }
    return uses
  }
}

extension LayoutParser {
  /// `list: { items | from + item, marker, when, style }`.
  func bulletList(_ value: Node, styles: [String: TextStyle], style outer: Node?) throws(LayoutError) -> BulletList {
    var l = try YAMLFields(value, what: "list", file: file)
    let source: BulletList.Source
    var itemConditions: [Condition?] = []
    var itemWhen: Condition?
    if let items = l.take("items") {
      guard case .sequence(let seq) = items else { throw l.error("items is a list of texts", at: items) }
      var texts: [Template] = []
      for n in seq {
        // An item is a text, or { text, when } for one shown only when the data says so.
        guard case .mapping = n else {
          texts.append(try template(n))
          itemConditions.append(nil)
          continue
        }
        var i = try YAMLFields(n, what: "a list item", file: file)
        texts.append(try template(required(i.take("text"), in: i, key: "text")))
        itemConditions.append(try i.take("when").map(condition))
        try i.finish()
      }
      source = .fixed(texts)
    } else if let from = l.take("from") {
      let item = try l.take("item").map(template)
      let itemField = try FieldReference(parsing: "@item", at: from, file: file)
      source = .bound(try path(from), item: item ?? Template(parts: [.field(itemField)]))
      itemWhen = try l.take("when").map(condition)
    } else {
      throw l.error("a list needs items (fixed texts) or from (a path to an array)")
    }
    let marker = try l.take("marker").map(template) ?? Template(literal: "•")
    let style = try innerStyle(l.take("style"), outer: outer, in: l, styles: styles) ?? "body"
    try l.finish()
    var list = BulletList(source: source, marker: marker, style: style)
    list.itemConditions = itemConditions
    list.itemWhen = itemWhen
    return list
  }
}
