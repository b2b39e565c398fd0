import Graphics
import WenshuLayout

/// A laid-out page as the drawing operations that paint it, in the page's paint order; the
/// same for PDF and PNG. Neighbouring items are merged, never reordered across anything
/// they could overlap: consecutive glyph lines of one colour become one glyph run, and the
/// rules among a run of text and rules (a table's rows) are joined — a column's rule
/// continued row after row becomes one line — and stroked at the end of that run, before
/// the next fill, picture or group is painted. (Rules and text do not overlap there: cell
/// text sits inside its padding.) So a page of a member list is a handful of drawing
/// operations. Made where the page is laid out; drawing it only calls Cairo.
struct PageDrawing: Sendable {
  indirect enum Step: Sendable {
    case fill(Rect, Color)
    case glyphs(GlyphRun)
    case picture(Picture, in: Rect)
    case rules([(Point, Point)], width: Double)
    case group(Transform, opacity: Double, steps: [Step])
  }
  let size: Size
  let steps: [Step]

  init(_ page: Page, fonts: FontTable) {
    size = page.size
    steps = Self.steps(page.items, fonts)
  }

  static func steps(_ items: [PageItem], _ fonts: FontTable) -> [Step] {
    var steps: [Step] = []
    var rules = Rules()
    var glyphRun: [(GlyphLine, Point)] = []
    var glyphColor = Color.black
    func flushGlyphs() {
      if !glyphRun.isEmpty { steps.append(.glyphs(GlyphRun(glyphRun, color: glyphColor, fonts: fonts))) }
      glyphRun.removeAll(keepingCapacity: true)
    }
    func flush() {
      flushGlyphs()
      for (width, segments) in rules.joined() { steps.append(.rules(segments, width: width)) }
      rules = Rules()
    }
    for item in items {
      switch item {
      case .glyphs(let line, let origin, let color):
        if color != glyphColor {
          flushGlyphs()
          glyphColor = color
        }
        glyphRun.append((line, origin))
      case .rule(let a, let b, let width): rules.add(a, b, width: width)
      case .box(let rect, let color):
        flush()
        steps.append(.fill(rect, color))
      case .picture(let picture, let rect):
        flush()
        steps.append(.picture(picture, in: rect))
      case .group(let group):
        flush()
        steps.append(.group(group.transform, opacity: group.opacity, steps: Self.steps(group.items, fonts)))
      }
    }
    flush()
    return steps
  }
}

extension Canvas {
  func draw(_ drawing: PageDrawing) { draw(drawing.steps, opacity: 1) }

  private func draw(_ steps: [PageDrawing.Step], opacity: Double) {
    for step in steps {
      switch step {
      case .fill(let rect, let color): fill(rect, color: color, opacity: opacity)
      case .glyphs(let run): draw(run, opacity: opacity)
      case .picture(let picture, let rect): draw(picture, in: rect, opacity: opacity)
      case .rules(let segments, let width): strokeLines(segments, width: width, opacity: opacity)
      case .group(let transform, let groupOpacity, let inner):
        transformed(transform) { $0.draw(inner, opacity: opacity * groupOpacity) }
      }
    }
  }
}

/// A run's rules, gathered to be stroked together. Horizontal and vertical rules on one
/// line that touch or overlap become one (a cell's border drawn by both its rows, a column
/// rule continued row after row); others are kept as they are.
struct Rules {
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
    for (line, list) in spans.sorted(by: {
      ($0.key.vertical ? 1 : 0, $0.key.position) < ($1.key.vertical ? 1 : 0, $1.key.position)
    }) {
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
