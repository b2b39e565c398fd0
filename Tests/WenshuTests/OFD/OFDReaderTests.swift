import Foundation
import Testing

/// Every sample's OFD opened by an independent reader, easyofd (PyPI; `scripts/ofd-tools`
/// installs it, `scripts/ofd-compare.py` drives it): it must parse the package, render it
/// (documents of up to 8 pages: its renderer takes minutes for the 59-page list) to as many
/// pages as the PDF, and every upright character it reads must sit where Cairo put the same
/// character in the PDF (read by PyMuPDF), within 0.25 mm, with none missing on either side.
///
/// Why characters, not pictures: easyofd draws every character in one face and leaves filled
/// paths out, so a raster comparison loose enough to pass real pages (6 % of 2 mm blocks) did
/// not catch text moved 3 mm. Positions of characters catch a shift of a tenth of that.
@Suite("OFD read back by easyofd, an independent reader", .serialized)
struct OFDReaderTests {
  static let python = Fixtures.root.appendingPathComponent(".build/ofd-venv/bin/python").path

  @Test("parses, renders, and places every character where the PDF has it", arguments: OFDTests.samples)
  func readBack(_ id: String) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.python) else {
      Issue.record("no \(Self.python): run scripts/ofd-tools (scripts/test does)")
      return
    }
    let parts = id.split(separator: "/").map(String.init)
    let pdf = try Fixtures.withRenderer {
      try $0.renderPDF(document: parts[0], json: try Fixtures.sample(parts[0], parts[1]))
    }
    let ofd = try OFDTests.render(id).ofd
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-ofd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let (pdfPath, ofdPath) = (work.appendingPathComponent("w.pdf"), work.appendingPathComponent("w.ofd"))
    try Data(pdf).write(to: pdfPath)
    try Data(ofd).write(to: ofdPath)
    let script = Fixtures.root.appendingPathComponent("scripts/ofd-compare.py").path
    let read = try run(Self.python, [script, ofdPath.path, pdfPath.path])
    let report = String(decoding: read.stdout, as: UTF8.self)
    #expect(read.status == 0, "\(id): \(report) \(read.stderr.suffix(1000))")
    let json = try JSONSerialization.jsonObject(with: Data(read.stdout)) as? [String: Any]
    let characters = json?["characters"] as? Int ?? 0
    #expect(characters > 100, "\(id): only \(characters) characters read back")
  }
}
