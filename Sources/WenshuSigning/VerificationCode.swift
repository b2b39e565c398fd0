import Crypto
import Foundation
import SwiftASN1

/// The signed code printed as a QR: `WS1:` + Base45 of a COSE_Sign1 (RFC 9052, tag 18) whose
/// payload is the `VerificationFacts` and whose protected header names the algorithm (EdDSA)
/// and the key id. Ed25519 signatures are deterministic, so the same facts under the same key
/// always give the same code (golden files stay put).
public enum VerificationCode {
  public static let prefix = "WS1:"

  /// The code for `facts`, signed with the office's current key.
  public static func issue(_ facts: VerificationFacts, key: CodeKey) throws(CodeError) -> String {
    guard let privateKey = key.privateKey else { throw .unknownKey(key.id) }
    let protected = CBOR.map([(.int(1), .int(-8)), (.int(4), .bytes(key.kid))]).encoded
    let payload = facts.cbor.encoded
    let signature: Data
    do { signature = try privateKey.signature(for: toBeSigned(protected: protected, payload: payload)) } catch {
      throw .malformed("cannot sign: \(error)")
    }
    let cose = CBOR.tagged(18, .array([.bytes(protected), .map([]), .bytes(payload), .bytes(Array(signature))]))
    return prefix + Base45.encode(cose.encoded)
  }

  /// The facts of a code whose signature checks out under one of `keys` (current or retired)
  /// belonging to the office the facts name.
  public static func verify(_ text: String, keys: CodeKeyRing) throws(CodeError) -> Verified {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix(prefix) else { throw .malformed("it does not start with \(prefix)") }
    guard trimmed.utf8.count < 4096 else { throw .malformed("too long") }
    let cose = try CBOR.decode(try Base45.decode(String(trimmed.dropFirst(prefix.count))))
    guard case .tagged(18, .array(let parts)) = cose, parts.count == 4, case .bytes(let protected) = parts[0],
      case .bytes(let payload) = parts[2], case .bytes(let signature) = parts[3]
    else { throw .malformed("not a COSE_Sign1") }
    let header = try CBOR.decode(protected)
    guard header[1] == CBOR.int(-8), case .bytes(let kid)? = header[4] else {
      throw .malformed("not an EdDSA signature with a key id")
    }
    let id = CodeKey.hex(kid)
    guard let key = keys.key(id: id) else { throw .unknownKey(id) }
    guard key.publicKey.isValidSignature(signature, for: toBeSigned(protected: protected, payload: payload)) else {
      throw .badSignature
    }
    let facts = try VerificationFacts(try CBOR.decode(payload))
    guard facts.office == key.office else { throw .wrongOffice(claimed: facts.office, key: key.office) }
    return Verified(facts: facts, keyID: id, retired: key.privateKey == nil && !keys.isCurrent(id))
  }

  /// Sig_structure (RFC 9052 §4.4): what the signature covers.
  static func toBeSigned(protected: [UInt8], payload: [UInt8]) -> [UInt8] {
    CBOR.array([.text("Signature1"), .bytes(protected), .bytes([]), .bytes(payload)]).encoded
  }

  public struct Verified: Equatable, Sendable, Codable {
    public var facts: VerificationFacts
    public var keyID: String
    /// Signed with a key since retired: still genuine, issued before the rotation.
    public var retired: Bool
  }
}

/// An office's Ed25519 key for verification codes. `kid` is the first 8 bytes of SHA-256 of the
/// raw public key, so a key id never changes and a retired key keeps its id.
public struct CodeKey: Sendable {
  public let office: String
  let privateKey: Curve25519.Signing.PrivateKey?
  public let publicKey: Curve25519.Signing.PublicKey

  init(office: String, privateKey: Curve25519.Signing.PrivateKey) {
    (self.office, self.privateKey, publicKey) = (office, privateKey, privateKey.publicKey)
  }
  init(office: String, publicKey: Curve25519.Signing.PublicKey) {
    (self.office, self.privateKey, self.publicKey) = (office, nil, publicKey)
  }

  var kid: [UInt8] { Array(SHA256.hash(data: publicKey.rawRepresentation).prefix(8)) }
  public var id: String { Self.hex(kid) }
  static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  /// PKCS#8 (`openssl genpkey -algorithm ed25519`) and SubjectPublicKeyInfo PEM: fixed DER
  /// prefixes before the 32 raw key bytes (RFC 8410).
  static let privatePrefix: [UInt8] = [
    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  ]
  static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

  static func raw(_ pem: String, prefix: [UInt8], what: String) throws(SigningError) -> [UInt8] {
    guard let document = try? PEMDocument(pemString: pem), document.derBytes.count == prefix.count + 32,
      document.derBytes.starts(with: prefix)
    else { throw .unreadable("not an Ed25519 \(what) key in PEM") }
    return Array(document.derBytes.dropFirst(prefix.count))
  }

  /// The public key as SubjectPublicKeyInfo PEM: what `/v1/keys` publishes and `retired/` keeps.
  public var publicPEM: String {
    PEMDocument(type: "PUBLIC KEY", derBytes: Self.publicPrefix + Array(publicKey.rawRepresentation)).pemString
  }
}
