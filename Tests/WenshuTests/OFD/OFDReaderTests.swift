import Foundation
import Graphics
import Testing

/// Every sample's OFD opened by an independent reader, easyofd (PyPI; `scripts/ofd-tools`
/// installs it, `scripts/ofd-read.py` drives it): it must parse the package, render every page
/// like Wenshu's PDF page and read back the PDF's text.
///
/// The tolerance, stated: both are rasterised at 50 dpi in grey and cut into 4 × 4-pixel blocks
/// (2 mm squares); of the blocks with ink in either, at most 6 % may differ in mean grey by
/// more than 48 levels of 255. easyofd draws every character in one face (the bundled serif, so
/// bold and sans text come out regular) and leaves filled paths out (a header row's grey); it
/// ignores a text object's CTM and Alpha, so `scripts/ofd-read.py` hands it the OFD without the
/// turned text (the 预览 watermark, whose CTM and Alpha `OFDTests` checks). Measured: about
/// 2 % on the confirmation's pages; its text moved 1 mm down gives 9 %, 3 mm across 10–18 %.
@Suite("OFD read back by easyofd, an independent reader", .serialized)
struct OFDReaderTests {
  static let python = Fixtures.root.appendingPathComponent(".build/ofd-venv/bin/python").path
  static let blockSize = 4
  static let levelTolerance = 48.0
  static let blockShare = 0.06

  @Test("opens, renders each page like the PDF's and reads back the PDF's text", arguments: OFDTests.samples)
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
    func path(_ name: String) -> String { work.appendingPathComponent(name).path }
    try Data(pdf).write(to: work.appendingPathComponent("wenshu.pdf"))
    try Data(ofd).write(to: work.appendingPathComponent("wenshu.ofd"))

    let face = Fixtures.root.appendingPathComponent("fonts/files/NotoSerifCJKsc-Regular.ttf").path
    let script = Fixtures.root.appendingPathComponent("scripts/ofd-read.py").path
    let read = try run(Self.python, [script, path("wenshu.ofd"), path("reader.pdf"), path("reader.json"), face])
    try #require(read.status == 0, "easyofd could not read \(id): \(read.stderr.suffix(2000))")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("reader.json"))))
    let texts = (json as? [String: Any])?["pages"] as? [String] ?? []
    let turned = (json as? [String: Any])?["turned"] as? [[String]] ?? []

    _ = try run("pdftoppm", ["-r", "50", "-gray", "-png", path("wenshu.pdf"), path("wenshu")])
    let ours = try FileManager.default.contentsOfDirectory(atPath: work.path)
      .filter { $0.hasPrefix("wenshu-") && $0.hasSuffix(".png") }.sorted()
    try #require(!ours.isEmpty)
    let first = try RasterImage(pngFile: path(ours[0]))
    // easyofd's PDF is drawn at its own scale: rasterised to the same pixels as ours.
    _ = try run(
      "pdftoppm",
      [
        "-gray", "-png", "-scale-to-x", "\(first.width)", "-scale-to-y", "\(first.height)", path("reader.pdf"),
        path("reader"),
      ])
    let theirs = try FileManager.default.contentsOfDirectory(atPath: work.path)
      .filter { $0.hasPrefix("reader-") && $0.hasSuffix(".png") }.sorted()
    #expect(
      theirs.count == ours.count && texts.count == ours.count,
      "\(id): pages \(ours.count) PDF, \(theirs.count) read back")

    for i in 0..<min(ours.count, theirs.count, texts.count) {
      let a = try RasterImage(pngFile: path(ours[i]))
      let b = try RasterImage(pngFile: path(theirs[i]))
      guard let share = Self.differingBlocks(a, b) else {
        Issue.record("\(id) page \(i + 1): \(b.width)×\(b.height) read back, \(a.width)×\(a.height) in the PDF")
        continue
      }
      if share > Self.blockShare {
        let failures = Fixtures.failuresFolder.appendingPathComponent("ofd/\(id)")
        try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        try a.writePNG(to: failures.appendingPathComponent("page-\(i + 1)-pdf.png").path)
        try b.writePNG(to: failures.appendingPathComponent("page-\(i + 1)-easyofd.png").path)
        Issue.record(
          "\(id) page \(i + 1): \(Int(share * 1000) / 10) % of inked blocks differ (at most 6 %); see \(failures.path)")
      }
      let pdfText = try run("pdftotext", ["-raw", "-f", "\(i + 1)", "-l", "\(i + 1)", path("wenshu.pdf"), "-"]).stdout
      var expected = String(decoding: pdfText, as: UTF8.self).filter { !$0.isWhitespace }
      // The turned text easyofd was not given (the watermark), painted last.
      for text in (i < turned.count ? turned[i] : []).map({ $0.filter { !$0.isWhitespace } }) {
        if let range = expected.range(of: text, options: .backwards) { expected.removeSubrange(range) }
      }
      let actual = texts[i].filter { !$0.isWhitespace }
      if actual != expected {
        let at = zip(actual, expected).prefix { $0 == $1 }.count
        Issue.record(
          "\(id) page \(i + 1): text read back differs from pdftotext's at character \(at): '\(actual.dropFirst(at).prefix(30))' vs '\(expected.dropFirst(at).prefix(30))'"
        )
      }
    }
  }

  /// The share of blocks with ink (a mean grey below 250 in either) whose mean grey differs by
  /// more than the tolerance; nil when the sizes differ.
  static func differingBlocks(_ a: RasterImage, _ b: RasterImage) -> Double? {
    guard a.width == b.width, a.height == b.height else { return nil }
    let (columns, rows) = (a.width / blockSize, a.height / blockSize)
    guard columns > 0, rows > 0 else { return nil }
    var differing = 0
    var inked = 0
    let area = Double(blockSize * blockSize)
    for row in 0..<rows {
      for column in 0..<columns {
        var (sumA, sumB) = (0, 0)
        for y in (row * blockSize)..<((row + 1) * blockSize) {
          for x in (column * blockSize)..<((column + 1) * blockSize) {
            sumA += Int(a.pixels[y * a.width + x])
            sumB += Int(b.pixels[y * a.width + x])
          }
        }
        let (meanA, meanB) = (Double(sumA) / area, Double(sumB) / area)
        guard meanA < 250 || meanB < 250 else { continue }
        inked += 1
        if abs(meanA - meanB) > levelTolerance { differing += 1 }
      }
    }
    return inked == 0 ? 0 : Double(differing) / Double(inked)
  }
}
