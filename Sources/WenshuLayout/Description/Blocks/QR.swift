import Graphics
import Yams

public struct QRBlock: Sendable {
  /// The text the code holds; empty for a verification code, which the caller signs.
  public var value: Template
  public var size: Double
  public var alignment: TextStyle.Alignment
  public var caption: Template?
  /// A signed verification code instead of `value`: the facts the layout names.
  public var verification: VerificationFields?

}

/// The data a verification code states, as the layout names it (`qr: { verification: … }`):
/// the document's number, the unit it is issued to, the amounts printed and, on a document that
/// asks for a payment, the account it is to be paid into (so a copied code cannot vouch for
/// a page whose account was changed). The caller adds
/// what it knows itself (document, office, date, digest) and signs; without a signer the
/// block is left out.
public struct VerificationFields: Sendable {
  public var number: Template
  public var unit: Template
  public var amounts: [Template]
  public var account: Template?
}

extension QRBlock {
  static let templateLocations = [
    "qr.value", "qr.caption", "qr.verification.number", "qr.verification.unit", "qr.verification.amounts",
    "qr.verification.account",
  ]
  /// What the code holds (or the facts a verification code states) and its caption.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    uses.add(verification == nil ? [value] : [], .block, placed: true, at: "qr.value")
    uses.add(caption.map { [$0] } ?? [], .block, placed: true, at: "qr.caption")
    if let v = verification {
      uses.add([v.number], .block, placed: true, at: "qr.verification.number")
      uses.add([v.unit], .block, placed: true, at: "qr.verification.unit")
      uses.add(v.amounts, .block, placed: true, at: "qr.verification.amounts")
      uses.add(v.account.map { [$0] } ?? [], .block, placed: true, at: "qr.verification.account")
    }
    return uses
  }
}

extension LayoutParser {
  /// `qr: { value | verification, size, align, caption }`.
  func qrBlock(_ value: Node) throws(LayoutError) -> QRBlock {
    var q = try YAMLFields(value, what: "qr", file: file)
    let verification = try q.take("verification").map(verificationFields)
    let text =
      verification == nil ? try template(required(q.take("value"), in: q, key: "value")) : Template(parts: [])
    if verification != nil, q.take("value") != nil {
      throw q.error("a qr holds either 'value' or a 'verification' code, not both")
    }
    let qr = QRBlock(
      value: text, size: try q.take("size").map(length) ?? 72,
      alignment: try q.take("align").map(alignment) ?? .left,
      caption: try q.take("caption").map(template), verification: verification)
    try q.finish()
    return qr
  }

  /// `verification: { number: "{number}", unit: "{unit.name}", amounts: ["{total | figures}"],
  /// account: "{office.account.number}" }` (the account optional)
  func verificationFields(_ node: Node) throws(LayoutError) -> VerificationFields {
    var v = try YAMLFields(node, what: "verification", file: file)
    let number = try template(required(v.take("number"), in: v, key: "number"))
    let unit = try template(required(v.take("unit"), in: v, key: "unit"))
    var amounts: [Template] = []
    if let list = v.take("amounts") {
      guard case .sequence(let seq) = list else { throw v.error("amounts is a list of texts", at: list) }
      amounts = try seq.map { n throws(LayoutError) in try template(n) }
    }
    let account = try v.take("account").map(template)
    try v.finish()
    return VerificationFields(number: number, unit: unit, amounts: amounts, account: account)
  }
}
