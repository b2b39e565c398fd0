import Graphics

/// The contract between layout and output: a page is a size and a list of positioned
/// values — glyph runs, rules, fills, pictures and groups — **in paint order**: what comes
/// later is painted over what comes before (a seal over the table it stamps, the 预览 mark
/// over everything). Renderers (PDF, PNG) read only this, never the layout description,
/// the data or Pango; a page holds nothing that ties it to a thread.
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
  /// Items drawn moved to `origin`, turned by `angle` degrees about it, at `opacity`.
  case group(ItemGroup)

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
          items: g.items, origin: Point(x: g.origin.x + dx, y: g.origin.y + dy), angle: g.angle, opacity: g.opacity))
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

/// A transformed group of items: the watermark across a page, a turned seal.
public struct ItemGroup: Sendable {
  public var items: [PageItem]
  public var origin: Point
  public var angle: Double
  public var opacity: Double
  public init(items: [PageItem], origin: Point, angle: Double = 0, opacity: Double = 1) {
    self.items = items
    self.origin = origin
    self.angle = angle
    self.opacity = opacity
  }
}

/// A laid-out document: its pages and what goes into the PDF's document information.
public struct LaidOutDocument: Sendable {
  public var pages: [Page]
  public var metadata: PDFMetadata
  /// Problems the layout accepts but the caller should hear of (e.g. a tax number that fails its check).
  public var warnings: [DataProblem] = []
  /// The file name for a download, without extension.
  public var filename: String = "document"

  public init(pages: [Page], metadata: PDFMetadata, warnings: [DataProblem] = [], filename: String = "document") {
    self.pages = pages
    self.metadata = metadata
    self.warnings = warnings
    self.filename = filename
  }
}
