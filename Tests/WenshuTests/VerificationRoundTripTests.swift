import Foundation
import Graphics
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuRender
import WenshuSigning

/// The code on paper, end to end: every sample whose layout prints one is printed with a code
/// key, its pages rasterised at 300 dpi by pdftoppm, the QR read back by zbarimg and verified.
@Suite("verification codes on paper")
struct VerificationRoundTripTests {
  /// A folder with Ed25519 code keys for the offices of the samples (made once per run).
  static let keys: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-code-keys-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for office in ["qingdao", "guangdong", "henan", "shanghai"] {
      let made = try? run(
        "openssl",
        ["genpkey", "-algorithm", "ed25519", "-out", folder.appendingPathComponent("\(office).ed25519").path])
      precondition(made?.status == 0, "openssl genpkey failed: \(made?.stderr ?? "")")
    }
    return folder
  }()

  static let printed = Date(timeIntervalSince1970: 1_740_787_200)  // 2025-03-01 in Beijing

  static func renderer() throws -> DocumentRenderer {
    let renderer = try DocumentRenderer(home: Fixtures.home, signingKeys: try SigningKeys(folder: keys))
    renderer.printDate = { printed }
    return renderer
  }

  /// The Wenshu codes zbarimg reads on pages `pages` of `pdf` rasterised at 300 dpi.
  static func codes(in pdf: [UInt8], pages: [Int]) throws -> [String] {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let file = work.appendingPathComponent("document.pdf")
    try Data(pdf).write(to: file)
    var found: [String] = []
    for page in Set(pages).sorted() {
      let image = work.appendingPathComponent("page-\(page)")
      let raster = try run(
        "pdftoppm",
        ["-r", "300", "-gray", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", file.path, image.path])
      try #require(raster.status == 0, "\(raster.stderr)")
      let decoded = try run("zbarimg", ["--quiet", "--raw", image.path + ".png"])
      found += String(decoding: decoded.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        .filter { $0.hasPrefix(VerificationCode.prefix) }
    }
    return found
  }

  /// The text of a PDF, as pdftotext reads it.
  static func text(of pdf: [UInt8]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-text-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(pdf).write(to: file)
    return String(decoding: try run("pdftotext", [file.path, "-"]).stdout, as: UTF8.self)
  }

  @Test("every sample that carries a code: printed, rasterised at 300 dpi, read back and verified with its facts")
  func roundTrip() throws {
    let renderer = try Self.renderer()
    let ring = try SigningKeys(folder: Self.keys).codes
    var carried: Set<String> = []
    for (document, sample) in Fixtures.samples {
      let data = try renderer.parse(document: document, json: try Fixtures.sample(document, sample))
      let prepared = try renderer.prepare(document: document, data: data)
      guard prepared.layoutPrintsVerificationCode else { continue }
      carried.insert(document)
      #expect(prepared.hasVerificationCode, "\(document)/\(sample)")
      let pdf = try PDFRenderer.render(prepared)
      let codes = try Self.codes(in: pdf, pages: [1, prepared.pageCount])
      try #require(codes.count == 1, "\(document)/\(sample): \(codes.count) codes read")
      let answer = VerificationAnswer(code: codes[0], keys: ring)
      #expect(answer.valid, "\(document)/\(sample): \(answer.reason ?? "")")
      let facts = try #require(answer.facts)
      #expect(facts.document == document)
      #expect(facts.number == prepared.reference, "\(document)/\(sample)")
      #expect(facts.office == DocumentRenderer.office(of: data))
      #expect(facts.pages == prepared.pageCount)
      #expect(facts.printed == "2025-03-01")
      #expect(!facts.unit.isEmpty && facts.amounts.count == 1)
      // A payment notice's code states the account the payment goes to, as its page prints it.
      if document == "payment-notice" {
        let account = try #require(facts.account, "\(document)/\(sample): no account in the code")
        #expect(!account.isEmpty)
        let text = try Self.text(of: pdf)
        #expect(text.contains(account), "\(document)/\(sample): \(account) is not on the page")
      } else {
        #expect(facts.account == nil, "\(document)/\(sample)")
      }
      // Version 13 at level M is 69 modules: 30 mm / (69 + 8) ≈ 0.39 mm, 4.6 px at 300 dpi.
      let version = try QRMatrix(text: codes[0], compact: true).version
      #expect(version <= 13, "\(document)/\(sample): QR version \(version) for \(codes[0].count) characters")
    }
    #expect(carried == ["confirmation", "payment-notice", "policy"])
  }

  @Test("without a code key for the office no code is printed, the page is as without it, and the print says so")
  func noKeyNoCode() throws {
    let data = try Fixtures.withRenderer {
      try $0.parse(document: "payment-notice", json: try Fixtures.sample("payment-notice", "qingdao"))
    }
    let renderer = try DocumentRenderer(home: Fixtures.home)
    let prepared = try renderer.prepare(document: "payment-notice", data: data)
    #expect(prepared.layoutPrintsVerificationCode && !prepared.hasVerificationCode)
    #expect(try Self.codes(in: try PDFRenderer.render(prepared), pages: [1]).isEmpty)
    #expect(renderer.missingCodeNote(prepared, data: data)?.contains("qingdao.ed25519") == true)
  }

  @Test("the code states the data's digest: other data (another unit) gives another digest and another code")
  func digestFollowsTheData() throws {
    let renderer = try Self.renderer()
    var json = String(decoding: try Fixtures.sample("payment-notice", "qingdao"), as: UTF8.self)
    let first = try #require(
      try Self.codes(
        in: try renderer.renderPDF(document: "payment-notice", json: Array(json.utf8)), pages: [1]
      ).first)
    json = json.replacingOccurrences(of: "青岛区测试单位1", with: "青岛区测试单位2")
    let second = try #require(
      try Self.codes(
        in: try renderer.renderPDF(document: "payment-notice", json: Array(json.utf8)), pages: [1]
      ).first)
    let ring = try SigningKeys(folder: Self.keys).codes
    let (a, b) = (VerificationAnswer(code: first, keys: ring), VerificationAnswer(code: second, keys: ring))
    #expect(a.facts?.digest != b.facts?.digest)
    #expect(a.facts?.unit == "青岛区测试单位1" && b.facts?.unit == "青岛区测试单位2")
  }
}

/// `wenshu verify`: the exit statuses a clerk's script reads.
@Suite("wenshu verify")
struct VerifyCommandTests {
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("wenshu").path

  func wenshu(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try run(Self.binary, args)
    return (result.status, String(decoding: result.stdout, as: UTF8.self), result.stderr)
  }

  @Test("a printed PDF, its page image and the code's text verify (0); a tampered or foreign code is 65; no code is 66")
  func exitStatuses() throws {
    let keys = VerificationRoundTripTests.keys.path
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let pdf = work.appendingPathComponent("notice.pdf").path
    let sample = Fixtures.root.appendingPathComponent("samples/payment-notice/qingdao.json").path
    let printed = try wenshu(["print", "payment-notice", sample, "--signing-keys", keys, "-o", pdf])
    try #require(printed.status == 0, "\(printed.stderr)")
    let fromPDF = try wenshu(["verify", pdf, "--signing-keys", keys])
    #expect(fromPDF.status == 0, "\(fromPDF.stdout)\(fromPDF.stderr)")
    #expect(fromPDF.stdout.hasPrefix("VALID") && fromPDF.stdout.contains("单位 unit: 青岛区测试单位1"))
    let image = work.appendingPathComponent("page").path
    _ = try run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf, image])
    #expect(try wenshu(["verify", image + ".png", "--signing-keys", keys]).status == 0)
    let printedPDF = Array(try Data(contentsOf: URL(fileURLWithPath: pdf)))
    let code = try #require(try VerificationRoundTripTests.codes(in: printedPDF, pages: [1]).first)
    let json = try wenshu(["verify", code, "--signing-keys", keys, "--json"])
    #expect(json.status == 0 && json.stdout.contains("\"valid\" : true"), "\(json.stdout)")
    // One character of the signature changed: the code no longer matches.
    var tampered = Array(code)
    tampered[tampered.count - 3] = tampered[tampered.count - 3] == "A" ? "B" : "A"
    let refused = try wenshu(["verify", String(tampered), "--signing-keys", keys])
    #expect(refused.status == 65 && refused.stdout.hasPrefix("INVALID"), "\(refused.stdout)\(refused.stderr)")
    // The same code against another office's keys only: unknown key.
    let other = work.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    _ = try run(
      "openssl", ["genpkey", "-algorithm", "ed25519", "-out", other.appendingPathComponent("qingdao.ed25519").path])
    let foreign = try wenshu(["verify", code, "--signing-keys", other.path])
    #expect(foreign.status == 65 && foreign.stdout.contains("unknown key"), "\(foreign.stdout)")
    // An unsigned print holds no code: unreadable as a verification, 66.
    let plain = work.appendingPathComponent("plain.pdf").path
    _ = try wenshu(["print", "payment-notice", sample, "-o", plain])
    #expect(try wenshu(["verify", plain, "--signing-keys", keys]).status == 66)
    #expect(
      try wenshu(["verify", work.appendingPathComponent("missing.pdf").path, "--signing-keys", keys]).status == 66)
  }
}
