import Foundation
import Graphics
import WenshuLayout
import WenshuSigning

/// Signs the verification code a layout prints, with the office's current code key: the
/// layout's facts (number, unit, amounts), the page count, and what the renderer knows itself —
/// the document, the office, the print date and a digest of the data.
struct OfficeCodeIssuer: CodeIssuer {
  let document: String
  let office: String
  let key: CodeKey
  let printed: String
  let digest: String

  func code(for facts: CodeFacts) throws(RenderError) -> String {
    let stated = VerificationFacts(
      document: document, number: facts.number, office: office, unit: facts.unit, amounts: facts.amounts,
      pages: facts.pages, printed: printed, digest: digest, account: facts.account)
    do { return try VerificationCode.issue(stated, key: key) } catch {
      throw RenderError("cannot sign the verification code: \(error)")
    }
  }
}

extension DocumentRenderer {
  /// The issuer for a document of `office`, or nil when there is no code key for it (the
  /// verification QR is then left out).
  func codeIssuer(document: String, office: String?, data: DataValue) -> OfficeCodeIssuer? {
    guard let office, let key = signingKeys?.codes.current[office] else { return nil }
    return OfficeCodeIssuer(
      document: document, office: office, key: key, printed: Self.day(printDate()),
      digest: Self.digest(of: data))
  }

  /// The first 16 bytes of SHA-256 over the data as read (written back compactly, keys in
  /// their order), hex: ties the code to the data without holding it.
  static func digest(of data: DataValue) -> String {
    VerificationFacts.digest(of: Array(JSONWriter.write(data, pretty: false).utf8))
  }

  /// A date as the offices write it on paper, in China's time zone: `2026-12-07`.
  static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
  }
}

extension DocumentRenderer {
  /// What to tell the operator when the layout prints a verification code but there is no
  /// code key for the office: the document is printed without the code (it takes no room).
  public func missingCodeNote(_ prepared: PreparedDocument, data: DataValue) -> String? {
    missingCodeNote(prepared, office: Self.office(of: data))
  }

  /// The same, for a caller that handed its data over to `prepare` and kept only its office.
  public func missingCodeNote(_ prepared: PreparedDocument, office: String?) -> String? {
    guard prepared.layoutPrintsVerificationCode, !prepared.hasVerificationCode else { return nil }
    let office = office ?? "-"
    let folder = signingKeys.map { " in \($0.folder.path)" } ?? " (no --signing-keys)"
    return "printed without its verification QR: no code key \(office).ed25519\(folder)"
  }
}
