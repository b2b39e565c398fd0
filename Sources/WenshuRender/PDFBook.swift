import Graphics
import WenshuLayout

/// One PDF made of several documents, each laid out and drawn page by page as it is added,
/// so a batch holds one page at a time, never every document's pages (a batch's combined PDF).
public final class PDFBook {
  private let writer: PDFWriter
  public private(set) var pageCount = 0

  public init(metadata: PDFMetadata) { writer = PDFWriter(metadata: metadata) }

  public func append(_ document: PreparedDocument) throws(RenderFailure) {
    try document.forEachPage { page in
      writer.addPage(size: page.size) { $0.draw(page) }
      pageCount += 1
    }
  }

  public func finish() throws(RenderFailure) -> [UInt8] {
    do { return try writer.finish() } catch { throw .output(error.message) }
  }
}
