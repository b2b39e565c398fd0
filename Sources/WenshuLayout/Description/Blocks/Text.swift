import Graphics
import Yams

/// Title, heading, paragraph or a plain line of text.
public struct TextElement: Sendable {
  public var template: Template
  public var style: String
  /// First-line indent in points (Chinese paragraphs indent two characters).
  public var firstLineIndent: Double
  /// Keeps this text on the same page as the block after it (headings).
  public var keepWithNext: Bool
}

extension TextElement {
  static let templateLocations = ["text"]
  /// Filled where the text lands, so `{@page}` is known.
  var templateUses: [TemplateUse] { [TemplateUse(template, .block, placed: true, at: "text")] }
}

extension LayoutParser {
  /// `title:`, `heading:`, `paragraph:` or `text:`, with `indent:` and `keepWithNext:` beside it.
  func textElement(
    _ value: Node, kind: String, beside f: inout YAMLFields, style: String, styles: [String: TextStyle]
  ) throws(LayoutError) -> TextElement {
    let indent = try f.take("indent").map(length) ?? (kind == "paragraph" ? 2 * styles[style]!.size : 0)
    let keep = try f.take("keepWithNext").map { n throws(LayoutError) in try bool(n) } ?? (kind == "heading")
    return TextElement(template: try template(value), style: style, firstLineIndent: indent, keepWithNext: keep)
  }
}
