import Crypto
import Foundation

/// What a verification code on paper proves, in CBOR under small integer keys (so the code
/// stays small enough for a 25–35 mm QR): the document kind, its number, the issuing office,
/// the unit, the amounts as printed, the page count, the print date, a digest of the data and,
/// on a payment notice, the account the payment goes to.
public struct VerificationFacts: Equatable, Sendable, Codable {
  public var document: String
  public var number: String
  public var office: String
  public var unit: String
  public var amounts: [String]
  public var pages: Int
  /// The print date, `YYYY-MM-DD`.
  public var printed: String
  /// The first 16 bytes of SHA-256 over the printed data (as the service read it), hex.
  public var digest: String
  /// The account a payment is to go to (a payment notice's), as printed.
  public var account: String?

  public init(
    document: String, number: String, office: String, unit: String, amounts: [String], pages: Int, printed: String,
    digest: String, account: String? = nil
  ) {
    (self.document, self.number, self.office, self.unit) = (document, number, office, unit)
    (self.amounts, self.pages, self.printed, self.digest) = (amounts, pages, printed, digest)
    self.account = account
  }

  var cbor: CBOR {
    .map(
      [
        (.int(1), .text(document)), (.int(2), .text(number)), (.int(3), .text(office)), (.int(4), .text(unit)),
        (.int(5), .array(amounts.map { .text($0) })), (.int(6), .int(pages)), (.int(7), .text(printed)),
        (.int(8), .bytes(Self.bytes(hex: digest))),
      ] + (account.map { [(.int(9), .text($0))] } ?? []))
  }

  init(_ value: CBOR) throws(CodeError) {
    func text(_ key: Int) throws(CodeError) -> String {
      guard case .text(let t)? = value[key] else { throw .malformed("field \(key) missing") }
      return t
    }
    guard case .array(let amounts)? = value[5], case .unsigned(let pages)? = value[6], pages < 100_000,
      case .bytes(let digest)? = value[8]
    else { throw .malformed("amounts, pages or digest missing") }
    self.init(
      document: try text(1), number: try text(2), office: try text(3), unit: try text(4),
      amounts: try amounts.map { (a) throws(CodeError) -> String in
        guard case .text(let t) = a else { throw .malformed("an amount that is not text") }
        return t
      },
      pages: Int(pages), printed: try text(7), digest: digest.map { String(format: "%02x", $0) }.joined(),
      account: try value[9].map { (a) throws(CodeError) -> String in
        guard case .text(let t) = a else { throw .malformed("an account that is not text") }
        return t
      })
  }

  /// The digest a code states of `data`: the first 16 bytes of its SHA-256, hex.
  public static func digest(of data: [UInt8]) -> String {
    SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined()
  }

  static func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
      guard let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { break }
      out.append(value)
    }
    return out
  }
}
