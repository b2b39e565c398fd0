import Graphics
import WenshuLayout

extension Canvas {
  /// Draws a laid-out page; the same code serves PDF and PNG. Fills go first (they sit
  /// under the text), then text and pictures in order, then every rule of the page in one
  /// stroke per line width (duplicates between adjacent rows dropped), so a page of a
  /// member list is a few hundred drawing operations, not thousands.
  func draw(_ page: Page) {
    for case .box(let rect, let color) in page.items { fill(rect, color: color) }
    var rules: [Double: [(Point, Point)]] = [:]
    var seen: Set<Segment> = []
    var glyphRun: [(GlyphLine, Point)] = []
    var glyphColor = Color.black
    for item in page.items {
      if case .glyphs(let line, let origin, let color) = item {
        if color != glyphColor {
          draw(glyphRun, color: glyphColor)
          glyphRun.removeAll(keepingCapacity: true)
          glyphColor = color
        }
        glyphRun.append((line, origin))
        continue
      }
      if case .text = item {
        draw(glyphRun, color: glyphColor)
        glyphRun.removeAll(keepingCapacity: true)
      }
      switch item {
      case .glyphs: break
      case .text(let block, let origin): draw(block, at: origin)
      case .line(let a, let b, let width):
        if seen.insert(Segment(a, b, width)).inserted { rules[width, default: []].append((a, b)) }
      case .box: break
      case .picture(let picture, let rect): draw(picture, in: rect)
      case .watermark: break
      }
    }
    draw(glyphRun, color: glyphColor)
    for (width, segments) in rules.sorted(by: { $0.key < $1.key }) { strokeLines(segments, width: width) }
    for case .watermark(let text, let center, let angle, let color, let opacity) in page.items {
      draw(text, center: center, angle: angle, color: color, opacity: opacity)
    }
  }
}

/// A rule's ends rounded to 1/100 pt, to find the same rule drawn by two adjacent rows.
private struct Segment: Hashable {
  let x1, y1, x2, y2, width: Int
  init(_ a: Point, _ b: Point, _ w: Double) {
    x1 = Int((a.x * 100).rounded())
    y1 = Int((a.y * 100).rounded())
    x2 = Int((b.x * 100).rounded())
    y2 = Int((b.y * 100).rounded())
    width = Int((w * 100).rounded())
  }
}
