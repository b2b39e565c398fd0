import Graphics
import WenshuLayout

/// One PDF made of several documents, each laid out and drawn page by page as it is added,
/// so a batch holds one page at a time, never every document's pages (a batch's combined PDF).
public final class PDFBook {
  private let writer: PDFPageWriter
  public var pageCount: Int { writer.pageCount }

  public init(info: DocumentInfo) { writer = PDFPageWriter(info: info) }

  public func append(_ document: PreparedDocument) throws(RenderFailure) {
    try document.forEachPage { writer.write($0, fonts: document.fonts) }
  }

  public func finish() throws(RenderFailure) -> [UInt8] {
    do { return try writer.finish() } catch { throw .output(error.message) }
  }
}
