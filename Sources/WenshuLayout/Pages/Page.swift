import Graphics

/// The contract between layout and output: a page is a size and a list of positioned
/// values — glyph lines, rules, fills, pictures and groups — **in paint order**: what comes
/// later is painted over what comes before (a seal over the table it stamps, the 预览 mark
/// over everything). Writers (PDF, PNG, any other) read only this, the document's
/// `FontTable` (glyphs name their face by id) and `DocumentInfo`: never the layout
/// description, the data, Pango or a C object; a page holds nothing that ties it to a thread.
public struct Page: Sendable {
  public var size: Size
  public var items: [PageItem]
  public init(size: Size, items: [PageItem] = []) {
    self.size = size
    self.items = items
  }
}

public indirect enum PageItem: Sendable {
  /// A line of glyphs with its top-left corner, in a colour.
  case glyphs(GlyphLine, at: Point, color: Color)
  /// A straight rule (table borders, signature lines).
  case rule(from: Point, to: Point, width: Double)
  /// A filled rectangle (a shaded header row).
  case box(Rect, fill: Color)
  case picture(Picture, in: Rect)
  /// Items drawn moved and turned by the group's transform, at its opacity.
  case group(ItemGroup)

  /// Where the item is placed: a glyph line's or a fill's or a picture's top-left corner, a
  /// rule's start, a group's origin.
  public var position: Point {
    switch self {
    case .glyphs(_, let at, _): at
    case .rule(let from, _, _): from
    case .box(let rect, _), .picture(_, let rect): rect.origin
    case .group(let g): g.transform.origin
    }
  }

  public func offset(dx: Double, dy: Double) -> PageItem {
    switch self {
    case .glyphs(let g, let p, let c): .glyphs(g, at: Point(x: p.x + dx, y: p.y + dy), color: c)
    case .rule(let a, let b, let w):
      .rule(from: Point(x: a.x + dx, y: a.y + dy), to: Point(x: b.x + dx, y: b.y + dy), width: w)
    case .box(let r, let fill):
      .box(Rect(x: r.minX + dx, y: r.minY + dy, width: r.size.width, height: r.size.height), fill: fill)
    case .picture(let p, let r):
      .picture(p, in: Rect(x: r.minX + dx, y: r.minY + dy, width: r.size.width, height: r.size.height))
    case .group(let g):
      .group(
        ItemGroup(
          items: g.items, origin: Point(x: g.origin.x + dx, y: g.origin.y + dy), angle: g.angle, opacity: g.opacity,
          bounds: g.bounds))
    }
  }

  /// The text the item draws, for tests and checks (a group's, in order).
  public var text: String {
    switch self {
    case .glyphs(let line, _, _): line.text
    case .group(let g): g.items.map(\.text).joined()
    default: ""
    }
  }
}

/// A transformed group of items: the watermark across a page, a turned seal. Its items are
/// placed in the group's own coordinates, which `transform` maps onto the page.
public struct ItemGroup: Sendable {
  public var items: [PageItem]
  public var transform: Transform
  /// The rectangle the items cover in the group's own coordinates (the watermark's is
  /// centred on its origin): what a writer that places groups as boxes, as OFD does, needs.
  public var bounds: Rect
  public var opacity: Double
  public var origin: Point {
    get { transform.origin }
    set { transform.origin = newValue }
  }
  public var angle: Double {
    get { transform.angle }
    set { transform.angle = newValue }
  }
  /// `bounds`: when not given, the rectangle `items` cover.
  public init(items: [PageItem], origin: Point, angle: Double = 0, opacity: Double = 1, bounds: Rect? = nil) {
    self.items = items
    self.transform = Transform(origin: origin, angle: angle)
    self.opacity = opacity
    self.bounds = bounds ?? Self.covered(by: items)
  }

  /// The smallest rectangle holding every item (an inner group by its bounds, unturned).
  static func covered(by items: [PageItem]) -> Rect {
    guard !items.isEmpty else { return Rect(x: 0, y: 0, width: 0, height: 0) }
    var (minX, minY) = (Double.infinity, Double.infinity)
    var (maxX, maxY) = (-Double.infinity, -Double.infinity)
    func cover(_ a: Point, _ b: Point) {
      minX = min(minX, a.x, b.x)
      minY = min(minY, a.y, b.y)
      maxX = max(maxX, a.x, b.x)
      maxY = max(maxY, a.y, b.y)
    }
    for item in items {
      switch item {
      case .glyphs(let line, let at, _): cover(at, Point(x: at.x + line.width, y: at.y + line.height))
      case .rule(let a, let b, _): cover(a, b)
      case .box(let r, _), .picture(_, let r): cover(r.origin, Point(x: r.maxX, y: r.maxY))
      case .group(let g):
        let b = g.bounds
        cover(
          Point(x: g.origin.x + b.minX, y: g.origin.y + b.minY), Point(x: g.origin.x + b.maxX, y: g.origin.y + b.maxY))
      }
    }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }
}

/// A laid-out document: its pages, the faces its glyphs name, and what it says about itself.
public struct LaidOutDocument: Sendable {
  public var pages: [Page]
  public var info: DocumentInfo
  /// The faces the pages' glyph lines name by id.
  public var fonts: FontTable
  /// Problems the layout accepts but the caller should hear of (e.g. a tax number that fails its check).
  public var warnings: [DataProblem] = []
  /// The file name for a download, without extension.
  public var filename: String = "document"

  public init(
    pages: [Page], info: DocumentInfo, fonts: FontTable, warnings: [DataProblem] = [], filename: String = "document"
  ) {
    self.pages = pages
    self.info = info
    self.fonts = fonts
    self.warnings = warnings
    self.filename = filename
  }
}
