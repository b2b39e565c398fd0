import Graphics
import Yams

/// Places to sign or stamp: labels laid out in columns, each with room below it.
public struct SignatureBlock: Sendable {
  public var columns: Int
  public var items: [Template]
  public var height: Double
  public var style: String
}

extension SignatureBlock {
  static let templateLocations = ["signatures.items"]
  /// The labels, filled where the block lands.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    uses.add(items, .block, placed: true, at: "signatures.items")
    return uses
  }
}

extension LayoutParser {
  /// `signatures: { items, columns, height }` in `style`.
  func signatureBlock(_ value: Node, style: String) throws(LayoutError) -> SignatureBlock {
    var s = try YAMLFields(value, what: "signatures", file: file)
    guard let itemsNode = s.take("items"), case .sequence(let seq) = itemsNode else {
      throw s.error("signatures need items: a list of labels\(s.misspelling(of: "items"))")
    }
    let columns = try s.take("columns").map { n throws(LayoutError) in try int(n, 1...6) } ?? 2
    let height = try s.take("height").map(length) ?? 42
    try s.finish()
    return SignatureBlock(
      columns: columns, items: try seq.map { n throws(LayoutError) in try template(n) }, height: height, style: style)
  }
}
