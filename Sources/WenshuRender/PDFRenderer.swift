import Graphics
import WenshuLayout

/// Laid-out pages → PDF bytes.
public enum PDFRenderer {
  public static func render(_ document: LaidOutDocument) throws(RenderError) -> [UInt8] {
    let writer = PDFWriter(metadata: document.metadata)
    for page in document.pages {
      writer.addPage(size: page.size) { $0.draw(page) }
    }
    return try writer.finish()
  }

  /// Streams a prepared document: each page is drawn as soon as it is laid out and then
  /// let go, so memory does not grow with the number of pages.
  public static func render(_ document: PreparedDocument) throws(RenderFailure) -> [UInt8] {
    let writer = PDFWriter(metadata: document.metadata)
    try document.forEachPage { page in
      writer.addPage(size: page.size) { $0.draw(page) }
    }
    do { return try writer.finish() } catch { throw .output(error.message) }
  }
}

/// One laid-out page → PNG bytes, for previews.
public enum PNGRenderer {
  public static func render(_ page: Page, dpi: Double) throws -> [UInt8] {
    try RasterImage.png(size: page.size, dpi: dpi) { $0.draw(page) }
  }
}
