import Foundation
import Graphics
import WenshuLayout

/// Laid-out pages → PDF bytes.
public enum PDFRenderer {
  public static func render(_ document: LaidOutDocument) throws(RenderError) -> [UInt8] {
    let writer = PDFPageWriter(info: document.info)
    for page in document.pages { writer.write(page, fonts: document.fonts) }
    return try writer.finish()
  }

  /// Streams a prepared document: each page is drawn as soon as it is laid out and then
  /// let go, so memory does not grow with the number of pages. A document of more than one
  /// page is laid out on this thread and drawn on another, side by side: in a long member
  /// list, laying out and Cairo's PDF output are each about half the work.
  /// `seeing` is shown each page (0-based index) on this thread before it is drawn: how a caller
  /// learns where things landed (a seal for a signature) without holding the pages.
  public static func render(
    _ document: PreparedDocument, seeing: (Int, Page) -> Void = { _, _ in }
  ) throws(RenderFailure) -> [UInt8] {
    let writer = PDFPageWriter(info: document.info)
    if document.pageCount > 1 {
      try drawAlongside(document, into: writer, seeing: seeing)
    } else {
      try document.forEachPage { page in
        seeing(0, page)
        writer.write(page, fonts: document.fonts)
      }
    }
    do { return try writer.finish() } catch { throw .output(error.message) }
  }

  /// Lays the pages out here, and turns each into drawing operations, while a drawing thread
  /// draws them into `writer` (Cairo's part: the PDF's operators, font subsets, compression).
  private static func drawAlongside(
    _ document: PreparedDocument, into writer: PDFPageWriter, seeing: (Int, Page) -> Void
  ) throws(RenderFailure) {
    let fonts = document.fonts
    let target = Lent(writer)
    try Alongside.write(
      document, thread: "wenshu-draw",
      prepare: { index, page in
        seeing(index, page)
        return PageDrawing(page, fonts: fonts)
      },
      write: { target.value.write($0) })
  }
}

/// One laid-out page → PNG bytes, for previews.
public enum PNGRenderer {
  public static func render(_ page: Page, fonts: FontTable, dpi: Double) throws(RenderError) -> [UInt8] {
    let writer = PNGPageWriter(dpi: dpi)
    try writer.write(page, fonts: fonts)
    return writer.images[0]
  }
}
