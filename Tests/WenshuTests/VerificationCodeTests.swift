import Crypto
import Foundation
import Testing

@testable import WenshuSigning

/// The signed code for paper: COSE_Sign1 (Ed25519) in CBOR, Base45 text for a QR.
@Suite("verification codes")
struct VerificationCodeTests {
  static let facts = VerificationFacts(
    document: "payment-notice", number: "QD2025030100001", office: "qingdao", unit: "青岛市某某机械有限公司",
    amounts: ["1,280.00"], pages: 1, printed: "2025-03-01", digest: "00112233445566778899aabbccddeeff")

  static func key(_ office: String) -> CodeKey { CodeKey(office: office, privateKey: .init()) }

  @Test("a code verifies to the facts it was issued with, and the same facts and key give the same code")
  func roundTrip() throws {
    let key = Self.key("qingdao")
    let code = try VerificationCode.issue(Self.facts, key: key)
    let verified = try VerificationCode.verify(code, keys: CodeKeyRing(current: [key]))
    #expect(verified.facts == Self.facts)
    #expect(verified.keyID == key.id && !verified.retired)
    #expect(try VerificationCode.issue(Self.facts, key: key) == code)
  }

  @Test("a code is short enough for a QR of version 12 at level M in alphanumeric mode (412 characters)")
  func fitsAQR() throws {
    let code = try VerificationCode.issue(Self.facts, key: Self.key("qingdao"))
    #expect(code.count <= 412, "\(code.count) characters")
  }

  @Test("a changed fact (the amount) is refused: the signature no longer matches")
  func tamperedPayloadRefused() throws {
    let key = Self.key("qingdao")
    let code = try VerificationCode.issue(Self.facts, key: key)
    let cose = try CBOR.decode(try Base45.decode(String(code.dropFirst(4))))
    guard case .tagged(18, .array(var parts)) = cose else { Issue.record("not COSE"); return }
    var altered = Self.facts
    altered.amounts = ["9,280.00"]
    parts[2] = .bytes(altered.cbor.encoded)
    let forged = "WS1:" + Base45.encode(CBOR.tagged(18, .array(parts)).encoded)
    #expect(throws: CodeError.badSignature) { try VerificationCode.verify(forged, keys: CodeKeyRing(current: [key])) }
  }

  @Test("a code naming Qingdao but signed with Henan's key is refused; an unknown key too")
  func otherOfficeRefused() throws {
    let (qingdao, henan) = (Self.key("qingdao"), Self.key("henan"))
    let forged = try VerificationCode.issue(Self.facts, key: henan)
    #expect(throws: CodeError.wrongOffice(claimed: "qingdao", key: "henan")) {
      try VerificationCode.verify(forged, keys: CodeKeyRing(current: [qingdao, henan]))
    }
    #expect(throws: CodeError.unknownKey(henan.id)) {
      try VerificationCode.verify(forged, keys: CodeKeyRing(current: [qingdao]))
    }
  }

  @Test("after a key rotation, a code from the old key verifies (marked retired) while its public key is kept")
  func rotation() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-codes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("retired"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func openssl(_ arguments: [String]) throws {
      let result = try run("openssl", arguments)
      try #require(result.status == 0, "\(result.stderr)")
    }
    let keyFile = folder.appendingPathComponent("qingdao.ed25519").path
    try openssl(["genpkey", "-algorithm", "ed25519", "-out", keyFile])
    let old = try CodeKeyRing(folder: folder)
    let code = try VerificationCode.issue(Self.facts, key: try #require(old.current["qingdao"]))
    // Rotate: keep the old public half, make a new key.
    try openssl([
      "pkey", "-in", keyFile, "-pubout", "-out", folder.appendingPathComponent("retired/qingdao.1.pub").path,
    ])
    try FileManager.default.removeItem(atPath: keyFile)
    try openssl(["genpkey", "-algorithm", "ed25519", "-out", keyFile])
    let rotated = try CodeKeyRing(folder: folder)
    #expect(rotated.current["qingdao"]?.id != old.current["qingdao"]?.id)
    let verified = try VerificationCode.verify(code, keys: rotated)
    #expect(verified.retired && verified.facts == Self.facts)
    #expect(rotated.published.map(\.status) == ["current", "retired"])
    // Without the retired public key the old code is unknown.
    try FileManager.default.removeItem(at: folder.appendingPathComponent("retired/qingdao.1.pub"))
    #expect(throws: CodeError.self) { try VerificationCode.verify(code, keys: try CodeKeyRing(folder: folder)) }
  }

  @Test("CBOR reading refuses trailing bytes, early ends and deep nesting")
  func cborRefusesOddInput() {
    #expect(throws: CodeError.self) { try CBOR.decode([0x01, 0x02]) }
    #expect(throws: CodeError.self) { try CBOR.decode([0x62, 0x41]) }
    #expect(throws: CodeError.self) { try CBOR.decode([UInt8](repeating: 0x81, count: 40) + [0x00]) }
    #expect(throws: CodeError.self) { try Base45.decode("GGW") }
    #expect((try? CBOR.decode(CBOR.int(-500).encoded)) == .int(-500))
    #expect(Base45.encode(Array("AB".utf8)) == "BB8")  // RFC 9285 §4.1
    #expect((try? Base45.decode("BB8")) == Array("AB".utf8))
  }
}
