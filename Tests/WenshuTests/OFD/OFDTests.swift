import Foundation
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuRender

@Suite("OFD: every sample as GB/T 33190's fixed-layout format")
struct OFDTests {
  static let samples = Fixtures.samples.map { "\($0.0)/\($0.1)" }

  /// A sample as OFD, and its laid-out pages.
  static func render(_ id: String) throws -> (ofd: [UInt8], document: LaidOutDocument) {
    let parts = id.split(separator: "/").map(String.init)
    return try Fixtures.withRenderer { renderer in
      let data = try renderer.parse(document: parts[0], json: try Fixtures.sample(parts[0], parts[1]))
      let document = try renderer.layOut(document: parts[0], data: data)
      return (try OFDRenderer.render(document), document)
    }
  }

  @Test(
    "every part follows the standard's structure, and each page says what its laid-out page says", arguments: samples)
  func structure(_ id: String) throws {
    let (ofd, document) = try Self.render(id)
    let package = try OFDPackage(ofd)
    let problems = try package.structuralProblems()
    #expect(problems.isEmpty, "\(id):\n\(problems.prefix(20).joined(separator: "\n"))")
    let texts = try package.pageTexts()
    #expect(texts.count == document.pages.count, "\(id): \(texts.count) OFD pages, \(document.pages.count) laid out")
    for (i, page) in document.pages.enumerated() where i < texts.count {
      let expected = page.items.map(\.text).joined().filter { !$0.isWhitespace }
      let actual = texts[i].filter { !$0.isWhitespace }
      #expect(actual == expected, "\(id) page \(i + 1): the OFD's text differs from the page's")
    }
  }

  @Test("the same data gives the same bytes; other data another DocID")
  func deterministic() throws {
    let first = try Self.render("invoice-preview/qingdao-union").ofd
    let second = try Self.render("invoice-preview/qingdao-union").ofd
    #expect(first == second)
    let other = try Self.render("invoice-preview/qingdao-members").ofd
    let ids = try [first, other].map { try OFDPackage($0).xml("OFD.xml").all("DocID").first?.text ?? "" }
    #expect(ids[0].count == 32 && ids[1].count == 32 && ids[0] != ids[1], "\(ids)")
  }

  @Test("fonts are embedded as subsets holding the glyphs drawn, named as the faces name themselves")
  func fontSubsets() throws {
    let package = try OFDPackage(try Self.render("invoice-preview/qingdao-union").ofd)
    let fonts = try package.xml("Doc_0/PublicRes.xml").all("Font")
    #expect(!fonts.isEmpty)
    for font in fonts {
      #expect(font.attributes["FontName"]?.hasPrefix("Noto") == true, "\(font.attributes)")
      let file = font.all("FontFile").first?.text ?? ""
      let bytes = package.entries["Doc_0/Res/" + file] ?? []
      // A TrueType file (version 1.0), far smaller than the 20–30 MB face it comes from.
      #expect(bytes.starts(with: [0, 1, 0, 0]), "\(file) is not TrueType")
      #expect(bytes.count > 1000 && bytes.count < 2_000_000, "\(file): \(bytes.count) bytes")
    }
    let bold = fonts.filter { $0.attributes["Bold"] == "true" }
    #expect(bold.count == 1 && bold[0].attributes["FontName"]?.hasSuffix("Bold") == true)
  }

  @Test("a watermark keeps its turn and opacity; a seal and a QR code are images and paths")
  func watermarkAndPictures() throws {
    let package = try OFDPackage(try Self.render("invoice-preview/qingdao-union").ofd)
    let page = try package.xml("Doc_0/Pages/Page_0/Content.xml")
    let turned = page.all("TextObject").filter { $0.attributes["CTM"] != nil }
    #expect(turned.map(\.text).count == 1, "one watermark")
    let ctm = turned.first?.attributes["CTM"]?.split(separator: " ").compactMap { Double($0) } ?? []
    // Turned by the layout's angle: a ≠ 1 and b ≠ 0; faint: Alpha below 255.
    #expect(ctm.count == 6 && abs(ctm[0]) < 1 && ctm[1] != 0, "\(ctm)")
    #expect(Int(turned.first?.attributes["Alpha"] ?? "255")! < 255)
    #expect(turned.first?.all("TextCode").map(\.text).joined() == "预览")
    let images = page.all("ImageObject")
    #expect(images.count == 1)
    let media = try package.xml("Doc_0/DocumentRes.xml").all("MultiMedia")
    #expect(media.map { $0.attributes["Format"] } == ["PNG"])
    let png = package.entries["Doc_0/Res/" + (media.first?.all("MediaFile").first?.text ?? "")] ?? []
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test("page 1's Content.xml is its committed reference", arguments: samples)
  func golden(_ id: String) throws {
    let package = try OFDPackage(try Self.render(id).ofd)
    let actual = Self.readable(package.entries["Doc_0/Pages/Page_0/Content.xml"] ?? [])
    let file = Self.goldenFolder.appendingPathComponent("\(id)/page-1-Content.xml")
    if Fixtures.recording(id) {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual).write(to: file)
      Issue.record("recorded \(file.path); look at it before committing, then run the tests again")
      return
    }
    guard let expected = try? Data(contentsOf: file) else {
      Issue.record(
        "\(id) has no OFD reference; record it with: WENSHU_RECORD=\(id) swift test --filter OFDTests.golden")
      return
    }
    if [UInt8](expected) != actual {
      let failure = Fixtures.failuresFolder.appendingPathComponent("\(id)/page-1-Content-actual.xml")
      try FileManager.default.createDirectory(
        at: failure.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual).write(to: failure)
      Issue.record("\(id): page 1's Content.xml differs from \(file.path); actual in \(failure.path)")
    }
  }

  @Test("every OFD reference belongs to a sample")
  func noReferencesWithoutSample() throws {
    let fm = FileManager.default
    for document in (try? fm.contentsOfDirectory(atPath: Self.goldenFolder.path)) ?? [] {
      let folder = Self.goldenFolder.appendingPathComponent(document)
      for sample in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      where !Self.samples.contains("\(document)/\(sample)") {
        Issue.record("Tests/WenshuTests/GoldenOFD/\(document)/\(sample) has no sample: git rm -r it")
      }
    }
  }

  static let goldenFolder = Fixtures.root.appendingPathComponent("Tests/WenshuTests/GoldenOFD")

  /// A part with each page object and TextCode on a line of its own, so a reference reads and
  /// diffs by object; the bytes are otherwise the part's.
  static func readable(_ bytes: [UInt8]) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    for element in ["TextObject", "PathObject", "ImageObject", "CGTransform", "TextCode", "/ofd:Layer"] {
      let tag = element.hasPrefix("/") ? "<" + element : "<ofd:" + element
      text = text.replacingOccurrences(of: tag, with: "\n" + tag)
    }
    return Array((text + "\n").utf8)
  }

  @Test("print -o x.ofd and --format ofd write an OFD; a --format the file name contradicts is refused")
  func commandLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ofd-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let cli = CLITests()
    let named = folder.appendingPathComponent("a.ofd").path
    var r = try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", named])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try OFDPackage([UInt8](Data(contentsOf: URL(fileURLWithPath: named)))).entries["OFD.xml"] != nil)
    r = try cli.wenshu(["print", "confirmation", CLITests.sample, "--format", "ofd", "-o", "-"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try OFDPackage(r.stdout).entries["OFD.xml"] != nil)
    r = try cli.wenshu(["print", "confirmation", CLITests.sample, "--format", "ofd", "-o", folder.path + "/b.pdf"])
    #expect(r.status == 64 && r.stderr.contains("does not match"), "\(r.status) \(r.stderr)")
  }
}
