import Graphics
import Yams

/// The blocks once per item of an array (one certificate per member).
public struct Each: Sendable {
  public var from: DataPath
  /// Which items are used, judged in each item's scope.
  public var when: Condition?
  /// Each item starts on a new page.
  public var pageBreak: Bool
  public var blocks: [Block]
}

extension Each {
  static let templateLocations = ["each.when"]
  /// Its condition is judged in each item; its blocks answer for themselves, read by the
  /// layout walk in the item's scope.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    uses.add(when?.templates ?? [], .item, placed: false, at: "each.when")
    return uses
  }
}

extension LayoutParser {
  /// `each: { from, when, pageBreak, blocks }`.
  func each(_ value: Node, styles: [String: TextStyle]) throws(LayoutError) -> Each {
    var e = try YAMLFields(value, what: "each", file: file)
    let from = try path(required(e.take("from"), in: e, key: "from"))
    let itemWhen = try e.take("when").map(condition)
    let pageBreak = try e.take("pageBreak").map(bool) ?? true
    let inner = try blocks(required(e.take("blocks"), in: e, key: "blocks"), styles: styles)
    try e.finish()
    return Each(from: from, when: itemWhen, pageBreak: pageBreak, blocks: inner)
  }
}
