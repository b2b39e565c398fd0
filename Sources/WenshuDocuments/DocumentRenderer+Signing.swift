import Foundation
import WenshuLayout
import WenshuRender
import WenshuSigning

extension DocumentRenderer {
  /// The office a document's data names (`"office": "qingdao"`, or an object's `id`): whose key signs it.
  public static func office(of data: DataValue) -> String? { OfficeProfile.named(in: data) }

  /// The PDF signed by its office's key (PAdES B-B), the signature's widget over the seal where
  /// the layout places one. A document without an office, or an office without a key, is refused:
  /// asking for a signature and getting none would be worse than an error.
  public func renderSigned(
    document: String, data: DataValue, keys: SigningKeys, date: Date = Date(),
    cancellation: RenderCancellation? = nil
  ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
    let identity = try identity(office: Self.office(of: data), keys: keys)
    let prepared = try prepare(document: document, data: data, cancellation: cancellation)
    return (try signedPDF(prepared, identity: identity, date: date), prepared.warnings)
  }

  /// The prepared document's PDF signed by the key of `office` (the data's): for a caller that
  /// prepared the document itself (the command line, which also writes workbooks).
  public func signedPDF(_ prepared: PreparedDocument, office: String?, keys: SigningKeys) throws(RenderFailure)
    -> [UInt8]
  {
    try signedPDF(prepared, identity: identity(office: office, keys: keys))
  }

  /// The key that signs for `office`; a document naming no office, or an office without a key, is refused.
  func identity(office: String?, keys: SigningKeys) throws(RenderFailure) -> SigningIdentity {
    guard let office else {
      throw .data([DataProblem(path: "office", message: "签名需要办事处 (a signed document must name its office)")])
    }
    do { return try keys.identity(office: office) } catch { throw .output(error.description) }
  }

  /// Draws the prepared document, noting where its seal lands, and signs the PDF.
  func signedPDF(
    _ prepared: PreparedDocument, identity: SigningIdentity, date: Date = Date()
  ) throws(RenderFailure) -> [UInt8] {
    var seal: SignaturePlacement?
    let pdf = try PDFRenderer.render(prepared) { index, page in
      if let found = SealPlacement.placement(page: index, of: page) { seal = found }
    }
    do {
      return try PDFSigner.sign(pdf, with: identity, placement: seal, date: date)
    } catch {
      throw .output(error.description)
    }
  }
}
