import Graphics
import WenshuLayout

/// Writes laid-out pages in one output format. A writer reads only pages, the font table
/// their glyph lines name faces in, and the document's `DocumentInfo`; whatever objects its
/// output library needs (Cairo's fonts and image surfaces for PDF and PNG) it makes itself.
/// Pages come in order, each once.
public protocol PageWriter: AnyObject {
  /// Adds `page`, whose glyphs name their faces in `fonts`.
  func write(_ page: Page, fonts: FontTable) throws(RenderError)
}

/// Pages → one PDF in memory.
public final class PDFPageWriter: PageWriter {
  private let pdf: PDFWriter
  public private(set) var pageCount = 0

  public init(info: DocumentInfo) { pdf = PDFWriter(info: info) }

  public func write(_ page: Page, fonts: FontTable) {
    write(PageDrawing(page, fonts: fonts))
  }

  /// Draws a page already turned into drawing operations (on the thread that laid it out).
  func write(_ drawing: PageDrawing) {
    pdf.addPage(size: drawing.size) { $0.draw(drawing) }
    pageCount += 1
  }

  /// Closes the document and returns its bytes.
  public func finish() throws(RenderError) -> [UInt8] { try pdf.finish() }
}

/// Pages → one PNG each, on white, at `dpi`.
public final class PNGPageWriter: PageWriter {
  private let dpi: Double
  /// Each page written, as PNG bytes.
  public private(set) var images: [[UInt8]] = []

  public init(dpi: Double) { self.dpi = dpi }

  public func write(_ page: Page, fonts: FontTable) throws(RenderError) {
    let drawing = PageDrawing(page, fonts: fonts)
    images.append(try RasterImage.png(size: page.size, dpi: dpi) { $0.draw(drawing) })
  }
}
