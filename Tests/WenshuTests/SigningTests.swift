import Foundation
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuSigning

/// Signed PDFs (PAdES B-B) checked from outside: Poppler's `pdfsig` is the judge here;
/// `scripts/signature-check` adds pyHanko over every sample.
@Suite("signed PDFs")
struct SigningTests {
  /// A throw-away CA and office keys, made once per run (`scripts/make-signing-keys`).
  static let pki: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-pki-\(UUID().uuidString)")
    let script = Fixtures.root.appendingPathComponent("scripts/make-signing-keys").path
    let made = try? run(script, [folder.path])
    precondition(made?.status == 0, "scripts/make-signing-keys failed: \(made?.stderr ?? "")")
    return folder
  }()
  static var keys: SigningKeys { get throws { try SigningKeys(folder: pki.appendingPathComponent("keys")) } }

  func signed(_ document: String, _ sample: String) throws -> [UInt8] {
    try Fixtures.withRenderer { renderer in
      let data = try renderer.parse(document: document, json: try Fixtures.sample(document, sample))
      return try renderer.renderSigned(
        document: document, data: data, keys: try Self.keys, date: Date(timeIntervalSince1970: 1_740_787_200)
      ).pdf
    }
  }

  func unsigned(_ document: String, _ sample: String) throws -> [UInt8] {
    try Fixtures.withRenderer { try $0.renderPDF(document: document, json: try Fixtures.sample(document, sample)) }
  }

  func pdfsig(_ pdf: [UInt8]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try run("pdfsig", [file.path])
    return String(decoding: result.stdout, as: UTF8.self) + result.stderr
  }

  static func byteRange(_ pdf: [UInt8]) throws -> [Int] {
    let text = String(decoding: pdf, as: UTF8.self)
    let match = try #require(text.firstMatch(of: #/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/#))
    return [Int(match.1)!, Int(match.2)!, Int(match.3)!, Int(match.4)!]
  }

  @Test("a signed payment notice (P-256) is judged valid by pdfsig, and covers the whole document")
  func signedIsValid() throws {
    let report = try pdfsig(try signed("payment-notice", "qingdao"))
    #expect(report.contains("Signature Validation: Signature is Valid"), "\(report)")
    #expect(report.contains("Total document signed"), "\(report)")
    #expect(report.contains("ETSI.CAdES.detached"), "\(report)")
  }

  @Test("an RSA-2048 key (Guangdong's in the test keys) signs validly too")
  func rsaSigns() throws {
    let report = try pdfsig(try signed("policy", "shenzhen-6"))
    #expect(report.contains("Signature Validation: Signature is Valid"), "\(report)")
    #expect(report.contains("Total document signed"), "\(report)")
  }

  @Test("one flipped byte anywhere in the signed range makes pdfsig say invalid")
  func flippedByteIsDetected() throws {
    let pdf = try signed("payment-notice", "qingdao")
    let range = try Self.byteRange(pdf)
    for at in [range[1] / 3, range[1] - 10, range[2] + 5] {
      var tampered = pdf
      tampered[at] ^= 0x01
      let report = try pdfsig(tampered)
      #expect(!report.contains("Signature is Valid"), "byte \(at) flipped, still valid: \(report)")
    }
  }

  @Test("the signature is an incremental update: the unsigned PDF's bytes come first, unchanged")
  func incrementalUpdate() throws {
    let plain = try unsigned("payment-notice", "qingdao")
    let pdf = try signed("payment-notice", "qingdao")
    #expect(pdf.count > plain.count)
    #expect(Array(pdf.prefix(plain.count)) == plain)
    let range = try Self.byteRange(pdf)
    #expect(range[0] == 0 && range[2] + range[3] == pdf.count)
    // Between the two ranges is exactly the hex string of /Contents.
    #expect(pdf[range[1]] == UInt8(ascii: "<") && pdf[range[2] - 1] == UInt8(ascii: ">"))
  }

  @Test("the signature's widget sits on the seal picture; without a seal it is invisible")
  func widgetOnTheSeal() throws {
    let withSeal = String(decoding: try signed("invoice-preview", "qingdao-union"), as: UTF8.self)
    let rect = try #require(withSeal.firstMatch(of: #/\/FT \/Sig[^>]*\/Rect \[([\d. ]+)\]/#))
    let values = rect.1.split(separator: " ").compactMap { Double($0) }
    #expect(values.count == 4 && values[2] - values[0] > 50 && values[3] - values[1] > 50, "\(rect.1)")
    // The seal is 26 mm wide in the layout.
    #expect(abs((values[2] - values[0]) - 26 / 25.4 * 72) < 1, "\(rect.1)")
    let withoutSeal = String(decoding: try signed("payment-notice", "qingdao"), as: UTF8.self)
    #expect(withoutSeal.contains("/Rect [0 0 0 0]"))
  }

  @Test("a private key that is not the certificate's is refused when the keys are read")
  func mismatchedKeyRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-keys-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let keys = Self.pki.appendingPathComponent("keys")
    try FileManager.default.copyItem(
      at: keys.appendingPathComponent("qingdao.pem"), to: folder.appendingPathComponent("qingdao.pem"))
    try FileManager.default.copyItem(
      at: keys.appendingPathComponent("henan.key"), to: folder.appendingPathComponent("qingdao.key"))
    #expect(throws: SigningError.self) { try SigningKeys(folder: folder) }
    let chain = try String(contentsOf: keys.appendingPathComponent("qingdao.pem"), encoding: .utf8)
    let other = try String(contentsOf: keys.appendingPathComponent("henan.key"), encoding: .utf8)
    #expect(throws: SigningError.mismatch) { try SigningIdentity(chainPEM: chain, keyPEM: other) }
  }

  @Test("a certificate chain without its key file is an error naming the missing file")
  func missingKeyNamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-keys-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: Self.pki.appendingPathComponent("keys/qingdao.pem"), to: folder.appendingPathComponent("qingdao.pem"))
    do {
      _ = try SigningKeys(folder: folder)
      Issue.record("a lone certificate chain was accepted")
    } catch {
      #expect(error.description.contains("qingdao.key"), "\(error)")
    }
  }

  @Test("wenshu print --sign: signs with the office's key; refuses without keys (64) or for an office without one (78)")
  func printSigns() throws {
    let cli = CLITests()
    let sample = Fixtures.root.appendingPathComponent("samples/payment-notice/qingdao.json").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: out) }
    let keys = Self.pki.appendingPathComponent("keys").path
    let signed = try cli.wenshu(["print", "payment-notice", sample, "--signing-keys", keys, "--sign", "-o", out.path])
    #expect(signed.status == 0, "\(signed.stderr)")
    let report = try pdfsig(Array(try Data(contentsOf: out)))
    #expect(report.contains("Signature is Valid") && report.contains("Total document signed"), "\(report)")

    let noKeys = try cli.wenshu(["print", "payment-notice", sample, "--sign", "-o", out.path])
    #expect(noKeys.status == 64 && noKeys.stderr.contains("--signing-keys"), "\(noKeys.stderr)")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-keys-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in ["henan.pem", "henan.key"] {
      try FileManager.default.copyItem(
        atPath: Self.pki.appendingPathComponent("keys/\(file)").path, toPath: folder.appendingPathComponent(file).path)
    }
    let noOffice = try cli.wenshu(["print", "payment-notice", sample, "--signing-keys", folder.path, "--sign"])
    #expect(noOffice.status == 78 && noOffice.stderr.contains("qingdao.key"), "\(noOffice.stderr)")
  }
}
