import Foundation
import Graphics
import Testing

/// Golden-file comparison of a rendered PDF: each page rasterised by pdftoppm at a fixed
/// resolution and compared with a committed PNG within a small tolerance, and the text
/// pdftotext extracts compared with a committed text file.
///
/// `WENSHU_RECORD=1` (or `WENSHU_RECORD=<document>/<sample>`) rewrites the references and
/// fails, naming the new PNGs, so recording never passes silently: look at them, then run the
/// tests again. A sample without references fails with the command that records them.
enum GoldenFile {
  /// The one command that records the references of `name` alone.
  static func recordCommand(_ name: String) -> String {
    "scripts/record-golden \(name)"
  }

  static let dpi = 50
  /// A pixel differs when its grey level moves by more than this.
  static let levelTolerance = 40
  /// A page differs when more than this share of its pixels differ.
  static let pixelTolerance = 0.0002

  static func check(pdf: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let pdfURL = work.appendingPathComponent("document.pdf")
    try Data(pdf).write(to: pdfURL)
    let raster = try run(
      "pdftoppm", ["-r", "\(dpi)", "-gray", "-png", pdfURL.path, work.appendingPathComponent("page").path])
    #expect(raster.status == 0, "pdftoppm failed: \(raster.stderr)", sourceLocation: sourceLocation)
    let pages = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("page") }.sorted()
    let text = try run("pdftotext", ["-layout", pdfURL.path, "-"]).stdout

    let reference = Fixtures.goldenFolder.appendingPathComponent(name)
    if Fixtures.recording(name) {
      try? FileManager.default.removeItem(at: reference)
      try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
      var recorded: [String] = []
      for (i, page) in pages.enumerated() {
        let target = reference.appendingPathComponent(pageName(i + 1))
        try FileManager.default.copyItem(at: work.appendingPathComponent(page), to: target)
        recorded.append(target.path)
      }
      try Data(text).write(to: reference.appendingPathComponent("text.txt"))
      let list = recorded.map { "  " + $0 }.joined(separator: "\n")
      print("golden: recorded \(name):\n\(list)")
      Issue.record(
        "recorded \(pages.count) reference pages for \(name); look at each before committing, then run the tests again:\n\(list)",
        sourceLocation: sourceLocation)
      return
    }
    guard FileManager.default.fileExists(atPath: reference.path) else {
      Issue.record(
        "\(name) has no references in \(reference.path); record them with: \(recordCommand(name))",
        sourceLocation: sourceLocation)
      return
    }

    let expectedPages = ((try? FileManager.default.contentsOfDirectory(atPath: reference.path)) ?? [])
      .filter { $0.hasSuffix(".png") }.sorted()
    #expect(
      expectedPages.count == pages.count,
      "\(name): \(pages.count) pages rendered, \(expectedPages.count) in the references (to re-record: \(recordCommand(name)))",
      sourceLocation: sourceLocation)
    let failures = Fixtures.failuresFolder.appendingPathComponent(name)
    for i in 0..<min(pages.count, expectedPages.count) {
      let actual = try RasterImage(pngFile: work.appendingPathComponent(pages[i]).path)
      let expected = try RasterImage(pngFile: reference.appendingPathComponent(expectedPages[i]).path)
      guard let (count, diff) = compare(actual, expected) else {
        Issue.record(
          "\(name) page \(i + 1): size \(actual.width)×\(actual.height), expected \(expected.width)×\(expected.height)",
          sourceLocation: sourceLocation)
        continue
      }
      let share = Double(count) / Double(actual.pixels.count)
      if share > pixelTolerance {
        try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        let stem = failures.appendingPathComponent(pageName(i + 1).replacingOccurrences(of: ".png", with: "")).path
        try actual.writePNG(to: stem + "-actual.png")
        try expected.writePNG(to: stem + "-expected.png")
        try diff.writePNG(to: stem + "-diff.png")
        Issue.record(
          "\(name) page \(i + 1) differs from its reference in \(count) pixels; see \(stem)-{actual,expected,diff}.png",
          sourceLocation: sourceLocation)
      }
    }
    let expectedText = (try? Data(contentsOf: reference.appendingPathComponent("text.txt"))).map { [UInt8]($0) }
    if expectedText != text {
      try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
      try Data(text).write(to: failures.appendingPathComponent("text-actual.txt"))
      Issue.record(
        "\(name): extracted text differs from \(reference.path)/text.txt; actual in \(failures.path)/text-actual.txt",
        sourceLocation: sourceLocation)
    }
  }

  static func pageName(_ n: Int) -> String {
    "page-" + String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n) + ".png"
  }

  /// The number of differing pixels and a diff image (black where they differ), or nil when sizes differ.
  static func compare(_ a: RasterImage, _ b: RasterImage) -> (Int, RasterImage)? {
    guard a.width == b.width, a.height == b.height else { return nil }
    var diff = RasterImage(width: a.width, height: a.height, pixels: [UInt8](repeating: 255, count: a.pixels.count))
    var count = 0
    for i in a.pixels.indices where abs(Int(a.pixels[i]) - Int(b.pixels[i])) > levelTolerance {
      count += 1
      diff.pixels[i] = 0
    }
    return (count, diff)
  }
}
