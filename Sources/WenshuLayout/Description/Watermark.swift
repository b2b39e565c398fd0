import Graphics
import Yams

/// Text drawn across every page, e.g. 预览 on a preview, so it can never pass for the original.
public struct Watermark: Sendable {
  public var text: Template
  public var size: Double
  public var color: Color
  public var angle: Double
  public var opacity: Double
  /// The caller's serif (set in bold): a face the pages already embed, so the mark adds no
  /// font to the PDF.
  public var family: String
  /// The layout line of `text`, named by a problem in it.
  public var line = 1
}

extension LayoutParser {
  func parseWatermark(_ node: Node) throws(LayoutError) -> Watermark {
    var f = try YAMLFields(node, what: "watermark", file: file)
    let textLine = node["text"]?.line ?? node.line
    var w = Watermark(
      text: try template(required(f.take("text"), in: f, key: "text")),
      size: try f.take("size").map(length) ?? 110,
      color: try f.take("color").map { n throws(LayoutError) in
        guard let s = n.string, let c = Color(hex: s) else { throw f.error("color is #rrggbb", at: n) }
        return c
      } ?? Color(red: 0.8, green: 0.1, blue: 0.1),
      angle: try f.take("angle").map { n throws(LayoutError) in
        guard let a = n.float, (-180...180).contains(a) else { throw f.error("angle is degrees, -180 to 180", at: n) }
        return a
      } ?? -35,
      opacity: try f.take("opacity").map { n throws(LayoutError) in
        guard let o = n.float, (0...1).contains(o) else { throw f.error("opacity is from 0 to 1", at: n) }
        return o
      } ?? 0.18,
      family: fontFamilies.serif)
    w.line = textLine
    try f.finish()
    return w
  }
}
