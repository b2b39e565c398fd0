import Graphics

/// The contract between layout and output: a page is a size and a list of positioned
/// items. Renderers (PDF, PNG) read only this, never the layout description or the data.
public struct Page: Sendable {
  public var size: Size
  public var items: [PageItem]
  public init(size: Size, items: [PageItem] = []) {
    self.size = size
    self.items = items
  }
}

public enum PageItem: Sendable {
  /// Shaped text with its top-left corner at the point.
  case text(TextBlock, at: Point)
  /// A line of glyphs (table cells), with its top-left corner and colour.
  case glyphs(GlyphLine, at: Point, color: Color)
  case line(from: Point, to: Point, width: Double)
  case box(Rect, fill: Color)
  case picture(Picture, in: Rect)
  case watermark(TextBlock, center: Point, angle: Double, color: Color, opacity: Double)

  func offset(dx: Double, dy: Double) -> PageItem {
    switch self {
    case .text(let t, let p): .text(t, at: Point(x: p.x + dx, y: p.y + dy))
    case .glyphs(let g, let p, let c): .glyphs(g, at: Point(x: p.x + dx, y: p.y + dy), color: c)
    case .line(let a, let b, let w):
      .line(from: Point(x: a.x + dx, y: a.y + dy), to: Point(x: b.x + dx, y: b.y + dy), width: w)
    case .box(let r, let fill):
      .box(Rect(x: r.minX + dx, y: r.minY + dy, width: r.size.width, height: r.size.height), fill: fill)
    case .picture(let p, let r):
      .picture(p, in: Rect(x: r.minX + dx, y: r.minY + dy, width: r.size.width, height: r.size.height))
    case .watermark(let t, let c, let a, let color, let o):
      .watermark(t, center: Point(x: c.x + dx, y: c.y + dy), angle: a, color: color, opacity: o)
    }
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
