import Graphics
import WenshuLayout

/// A laid-out page as the drawing operations that paint it, in order; the same for PDF and
/// PNG. Fills go first (they sit under the text), then text and pictures in order, then every
/// rule of the page in one stroke per line width, joined where they continue one another (a
/// table's column rules become one line per column, not one per row), then watermarks. So a
/// page of a member list is a few drawing operations and its PDF carries a few numbers per
/// row, not forty. Made where the page is laid out; drawing it only calls Cairo.
struct PageDrawing: Sendable {
  enum Step: Sendable {
    case fill(Rect, Color)
    case glyphs(GlyphRun)
    case text(TextBlock, at: Point)
    case picture(Picture, in: Rect)
    case rules([(Point, Point)], width: Double)
    case watermark(TextBlock, center: Point, angle: Double, color: Color, opacity: Double)
  }
  let size: Size
  private(set) var steps: [Step] = []

  init(_ page: Page) {
    size = page.size
    for case .box(let rect, let color) in page.items { steps.append(.fill(rect, color)) }
    var rules = Rules()
    var glyphRun: [(GlyphLine, Point)] = []
    var glyphColor = Color.black
    func flushGlyphs() {
      if !glyphRun.isEmpty { steps.append(.glyphs(GlyphRun(glyphRun, color: glyphColor))) }
      glyphRun.removeAll(keepingCapacity: true)
    }
    for item in page.items {
      switch item {
      case .glyphs(let line, let origin, let color):
        if color != glyphColor {
          flushGlyphs()
          glyphColor = color
        }
        glyphRun.append((line, origin))
      case .text(let block, let origin):
        flushGlyphs()
        steps.append(.text(block, at: origin))
      case .line(let a, let b, let width): rules.add(a, b, width: width)
      case .box, .watermark: break
      case .picture(let picture, let rect): steps.append(.picture(picture, in: rect))
      }
    }
    flushGlyphs()
    for (width, segments) in rules.joined() { steps.append(.rules(segments, width: width)) }
    for case .watermark(let text, let center, let angle, let color, let opacity) in page.items {
      steps.append(.watermark(text, center: center, angle: angle, color: color, opacity: opacity))
    }
  }
}

extension Canvas {
  func draw(_ page: Page) { draw(PageDrawing(page)) }

  func draw(_ drawing: PageDrawing) {
    for step in drawing.steps {
      switch step {
      case .fill(let rect, let color): fill(rect, color: color)
      case .glyphs(let run): draw(run)
      case .text(let block, let origin): draw(block, at: origin)
      case .picture(let picture, let rect): draw(picture, in: rect)
      case .rules(let segments, let width): strokeLines(segments, width: width)
      case .watermark(let text, let center, let angle, let color, let opacity):
        draw(text, center: center, angle: angle, color: color, opacity: opacity)
      }
    }
  }
}

/// A page's rules, gathered to be stroked together. Horizontal and vertical rules on one
/// line that touch or overlap become one (a cell's border drawn by both its rows, a column
/// rule continued row after row); others are kept as they are.
private struct Rules {
  /// Rules along one line: horizontal ones by their y, vertical ones by their x, in 1/100 pt.
  private struct Line: Hashable {
    let width: Int
    let vertical: Bool
    let position: Int
  }
  private var spans: [Line: [(from: Int, to: Int)]] = [:]
  private var slanted: [Double: [(Point, Point)]] = [:]

  mutating func add(_ a: Point, _ b: Point, width: Double) {
    let (ax, ay, bx, by) = (Self.hundredths(a.x), Self.hundredths(a.y), Self.hundredths(b.x), Self.hundredths(b.y))
    let w = Self.hundredths(width)
    if ay == by {
      spans[Line(width: w, vertical: false, position: ay), default: []].append((min(ax, bx), max(ax, bx)))
    } else if ax == bx {
      spans[Line(width: w, vertical: true, position: ax), default: []].append((min(ay, by), max(ay, by)))
    } else {
      slanted[width, default: []].append((a, b))
    }
  }

  /// The segments to stroke, by line width (thinnest first), each line's spans merged.
  func joined() -> [(Double, [(Point, Point)])] {
    var byWidth = slanted
    for (line, list) in spans.sorted(by: { ($0.key.vertical ? 1 : 0, $0.key.position) < ($1.key.vertical ? 1 : 0, $1.key.position) }) {
      let width = Double(line.width) / 100
      let at = Double(line.position) / 100
      var merged: [(from: Int, to: Int)] = []
      for span in list.sorted(by: { $0.from < $1.from }) {
        if let last = merged.last, span.from <= last.to {
          merged[merged.count - 1].to = max(last.to, span.to)
        } else {
          merged.append(span)
        }
      }
      for span in merged {
        let (from, to) = (Double(span.from) / 100, Double(span.to) / 100)
        byWidth[width, default: []].append(
          line.vertical ? (Point(x: at, y: from), Point(x: at, y: to)) : (Point(x: from, y: at), Point(x: to, y: at)))
      }
    }
    return byWidth.sorted { $0.key < $1.key }
  }

  private static func hundredths(_ v: Double) -> Int { Int((v * 100).rounded()) }
}
