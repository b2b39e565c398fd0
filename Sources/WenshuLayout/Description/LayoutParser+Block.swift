import Graphics
import Yams

/// A block: the keys every kind takes (`when`, `id`, `style`, spacing, `keepWithPrevious`),
/// then its kind's own parsing, which lives with the kind's description in `Blocks/`.
extension LayoutParser {
  func blocks(_ node: Node, styles: [String: TextStyle]) throws(LayoutError) -> [Block] {
    guard case .sequence(let seq) = node else {
      throw LayoutError(file: file, line: node.line, message: "expected a list of blocks")
    }
    return try seq.map { n throws(LayoutError) in try block(n, styles: styles) }
  }

  static let blockKinds = [
    "title", "heading", "paragraph", "text", "fields", "table", "list", "signatures", "spacer",
    "pageBreak", "group", "each", "image", "qr", "form",
  ]

  func block(_ node: Node, styles: [String: TextStyle]) throws(LayoutError) -> Block {
    if let name = node.string {
      guard name == "pageBreak" else {
        throw LayoutError(
          file: file, line: node.line,
          message: "unknown element '\(name)'\(Suggestion.didYouMean(name, among: ["pageBreak"]))")
      }
      return Block(kind: .pageBreak, line: node.line, spaceBefore: 0, spaceAfter: 0)
    }
    var f = try YAMLFields(node, what: "a block", file: file)
    guard let kind = f.keys.first(where: Self.blockKinds.contains) else {
      let key = f.keys.first ?? "?"
      throw f.error(
        "unknown element '\(key)'\(Suggestion.didYouMean(key, among: Self.blockKinds)) (elements: \(Self.blockKinds.joined(separator: ", ")))"
      )
    }
    let value = f.take(kind)!
    let when = try f.take("when").map(condition)
    let id = try f.take("id").map { n throws(LayoutError) in
      guard let s = n.string, !s.isEmpty else { throw f.error("id is a name", at: n) }
      return s
    }
    // `style:` is written beside the element for every kind that sets text; fields, lists
    // and tables also take it inside (as they always did), but not both.
    let styleNode = f.take("style")
    if let styleNode, ["spacer", "pageBreak", "group", "each", "image", "qr"].contains(kind) {
      throw f.error("style does not apply to \(kind)", at: styleNode)
    }
    let keepWithPrevious = try f.take("keepWithPrevious").map(bool) ?? false
    let spaceBefore = try f.take("spaceBefore").map(length) ?? 0
    let spaceAfter = try f.take("spaceAfter").map(length) ?? (kind == "spacer" || kind == "pageBreak" ? 0 : 4)
    func styleName(default d: String) throws(LayoutError) -> String {
      guard let n = styleNode else { return d }
      guard let s = n.string, styles[s] != nil else {
        throw f.error(
          "unknown style '\(n.string ?? "")'\(Suggestion.didYouMean(n.string ?? "", among: styles.keys.sorted())) (styles: \(styles.keys.sorted().joined(separator: ", ")))",
          at: n)
      }
      return s
    }
    let result: Block.Kind
    switch kind {
    case "title", "heading", "paragraph", "text":
      let style = try styleName(default: ["title": "title", "heading": "heading"][kind] ?? "body")
      result = .text(try textElement(value, kind: kind, beside: &f, style: style, styles: styles))
    case "fields": result = .fields(try fieldGrid(value, styles: styles, style: styleNode))
    case "form": result = .form(try formGrid(value, styles: styles, style: styleNode))
    case "table": result = .table(try table(value, styles: styles, style: styleNode))
    case "list": result = .list(try bulletList(value, styles: styles, style: styleNode))
    case "signatures": result = .signatures(try signatureBlock(value, style: try styleName(default: "body")))
    case "spacer": result = .spacer(try length(value))
    case "pageBreak": result = .pageBreak
    case "group": result = .group(try blocks(value, styles: styles))
    case "each": result = .each(try each(value, styles: styles))
    case "image": result = .image(try image(value))
    case "qr": result = .qr(try qrBlock(value))
    default: fatalError("unreachable: \(kind)")
    }
    try f.finish()
    var block = Block(
      kind: result, line: node.line, spaceBefore: spaceBefore, spaceAfter: spaceAfter, when: when, id: id)
    block.keepWithPrevious = keepWithPrevious
    return block
  }
}
