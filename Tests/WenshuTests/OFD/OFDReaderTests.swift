import Foundation
import Testing

/// Every sample's OFD opened by an independent reader, easyofd (PyPI; `scripts/ofd-tools`
/// installs it, `scripts/ofd-compare.py` drives it): it must parse the package and draw every
/// page, as many as the PDF has, and each page must agree with Wenshu's own PDF page twice:
/// every upright character easyofd reads sits where Cairo put the same character in the PDF
/// (read by PyMuPDF), within 0.25 mm, none missing on either side; and the two pages,
/// rasterised alike, have the same ink (`scripts/ofd_raster.py` states the tolerance).
@Suite("OFD read back and drawn by easyofd, an independent reader", .serialized)
struct OFDReaderTests {
  static let python = Fixtures.root.appendingPathComponent(".build/ofd-venv/bin/python").path

  /// What `scripts/ofd-compare.py` says of an OFD against a PDF.
  struct Verdict {
    let status: Int32
    let report: String
    let textProblems: [String]
    let inkProblems: [String]
    let characters: Int
    let pages: Int
  }

  static func compare(ofd: [UInt8], pdf: [UInt8]) throws -> Verdict {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-ofd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let (pdfPath, ofdPath) = (work.appendingPathComponent("w.pdf"), work.appendingPathComponent("w.ofd"))
    try Data(pdf).write(to: pdfPath)
    try Data(ofd).write(to: ofdPath)
    let script = Fixtures.root.appendingPathComponent("scripts/ofd-compare.py").path
    let read = try run(python, [script, ofdPath.path, pdfPath.path])
    let report = String(decoding: read.stdout, as: UTF8.self) + " " + read.stderr.suffix(1000)
    let json = (try? JSONSerialization.jsonObject(with: Data(read.stdout))) as? [String: Any] ?? [:]
    return Verdict(
      status: read.status, report: report, textProblems: json["textProblems"] as? [String] ?? [],
      inkProblems: json["inkProblems"] as? [String] ?? [], characters: json["characters"] as? Int ?? 0,
      pages: json["renderedPages"] as? Int ?? 0)
  }

  static func pdf(_ id: String) throws -> [UInt8] {
    let parts = id.split(separator: "/").map(String.init)
    return try Fixtures.withRenderer {
      try $0.renderPDF(document: parts[0], json: try Fixtures.sample(parts[0], parts[1]))
    }
  }

  static var installed: Bool {
    if FileManager.default.isExecutableFile(atPath: python) { return true }
    Issue.record("no \(python): run scripts/ofd-tools (scripts/test does)")
    return false
  }

  @Test(
    "parses and draws every page; its characters and its ink are where the PDF has them", arguments: OFDTests.samples)
  func readBack(_ id: String) throws {
    guard Self.installed else { return }
    let verdict = try Self.compare(ofd: try OFDTests.render(id).ofd, pdf: try Self.pdf(id))
    #expect(verdict.status == 0, "\(id): \(verdict.report)")
    #expect(verdict.characters > 100, "\(id): only \(verdict.characters) characters read back")
    #expect(verdict.pages > 0, "\(id): easyofd drew no page")
  }

  /// A fault put into a real sample's OFD (the e-bill: text, rules, a QR code of filled
  /// modules, a seal; the shading on a payment notice, a page without a watermark), which the
  /// comparison must report.
  enum Fault: String, CaseIterable, CustomTestStringConvertible {
    case lineMovedOneMillimetreDown, lineMovedHalfAMillimetreRight, textMovedAThirdOfAMillimetre, lineLeftOut
    case ruleLeftOut, qrCodeLeftOut, sealLeftOut, shadingLeftOut

    var testDescription: String { rawValue }

    var sample: String { self == .shadingLeftOut ? "payment-notice/qingdao" : "invoice-preview/qingdao-union" }

    /// Whether the characters' positions must catch it, and the ink must.
    var caughtBy: (text: Bool, ink: Bool) {
      switch self {
      case .lineMovedOneMillimetreDown, .lineMovedHalfAMillimetreRight, .lineLeftOut: (true, true)
      case .textMovedAThirdOfAMillimetre: (true, false)
      case .ruleLeftOut, .qrCodeLeftOut, .sealLeftOut, .shadingLeftOut: (false, true)
      }
    }

    func apply(to content: String) throws -> String {
      switch self {
      case .lineMovedOneMillimetreDown: try OFDEdit.move(code: "其他信息", by: (0, 1), in: content)
      case .lineMovedHalfAMillimetreRight: try OFDEdit.move(code: "收款人", by: (0.5, 0), in: content)
      case .textMovedAThirdOfAMillimetre: try OFDEdit.move(code: "复核人", by: (0.3, 0), in: content)
      case .lineLeftOut: try OFDEdit.remove(code: "其他信息", in: content)
      case .ruleLeftOut: try OFDEdit.removeLastSegment(in: content)
      case .qrCodeLeftOut:
        try OFDEdit.removeElement(#"<ofd:PathObject [^>]*Fill="true"[^>]*><ofd:FillColor Value="0 0 0"/>"#, in: content)
      case .sealLeftOut: try OFDEdit.removeElement(#"<ofd:ImageObject [^>]*/>"#, in: content)
      case .shadingLeftOut:
        try OFDEdit.removeElement(
          #"<ofd:PathObject [^>]*Fill="true"[^>]*><ofd:FillColor Value="235 235 235"/>"#, in: content)
      }
    }
  }

  @Test("a page that differs from its PDF is reported", arguments: Fault.allCases)
  func faultFound(_ fault: Fault) throws {
    guard Self.installed else { return }
    let id = fault.sample
    let page = "Doc_0/Pages/Page_0/Content.xml"
    let ofd = try OFDEdit.rewriting(try OFDTests.render(id).ofd, entry: page) { try fault.apply(to: $0) }
    let verdict = try Self.compare(ofd: ofd, pdf: try Self.pdf(id))
    #expect(verdict.status == 1, "\(verdict.report)")
    #expect(!fault.caughtBy.text || !verdict.textProblems.isEmpty, "characters: \(verdict.report)")
    #expect(!fault.caughtBy.ink || !verdict.inkProblems.isEmpty, "ink: \(verdict.report)")
  }
}
