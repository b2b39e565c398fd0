import Foundation
import Graphics
import Testing
import WenshuDocuments
import WenshuRender

@testable import WenshuLayout

/// Pages are values any writer can read: glyphs name faces in the document's font table,
/// pictures are pixels, groups carry their transform and bounds; the writers make their own
/// Cairo objects from them.
@Suite("Renderer-neutral pages")
struct PageValuesTests {
  static func laidOut(_ body: String, extra: String = "") throws -> LaidOutDocument {
    let layout = try Engine.parse(Engine.layout(body, extra: extra))
    return try Engine.withFonts { fonts in
      try LayoutEngine(layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
        .layOut(.object(DataObject()))
    }
  }

  static func glyphLines(_ items: [PageItem]) -> [GlyphLine] {
    items.flatMap { item -> [GlyphLine] in
      switch item {
      case .glyphs(let line, _, _): [line]
      case .group(let g): glyphLines(g.items)
      default: []
      }
    }
  }

  @Test("a glyph names its face by id in the document's font table: a font file on disk, its face index and the size")
  func glyphsNameFaces() throws {
    let document = try Self.laidOut("  - text: 会员名单 Members\n    style: title")
    let line = try #require(Self.glyphLines(document.pages[0].items).first { $0.text == "会员名单 Members" })
    let faces = Set(line.glyphs.map(\.face))
    #expect(!faces.isEmpty)
    for id in faces {
      let face = document.fonts[id]
      #expect(FileManager.default.fileExists(atPath: face.file), "\(face.file)")
      #expect(face.file.hasPrefix(Fixtures.root.appendingPathComponent("fonts/files").path), "\(face.file)")
      #expect(face.index >= 0)
      #expect(face.size > 10 && face.size < 40, "the title's size, in points: \(face.size)")
    }
    #expect(line.glyphs.allSatisfy { $0.index != 0 }, "no glyph is the missing-glyph box")
  }

  @Test("a picture on a page is its decoded pixels, one value per pixel")
  func picturesArePixels() throws {
    let document = try Self.laidOut("  - image: { file: sample-seal.png, width: 40mm }")
    let picture = try #require(
      document.pages[0].items.lazy.compactMap { if case .picture(let p, _) = $0 { p } else { nil } }.first)
    guard case .ink(_, let alpha) = picture.pixels else {
      Issue.record("the seal, one colour of ink, is not kept as its opacities")
      return
    }
    #expect(alpha.count == picture.pixelWidth * picture.pixelHeight)
    #expect(alpha.contains { $0 > 200 } && alpha.contains(0))
  }

  @Test("a watermark is a group with its transform and the bounds of its text, centred on its origin")
  func watermarkGroup() throws {
    let document = try Self.laidOut(
      "  - text: 正文", extra: "watermark: { text: 预览, size: 80, angle: -30, opacity: 0.2 }")
    let group = try #require(
      document.pages[0].items.lazy.compactMap { if case .group(let g) = $0 { g } else { nil } }.last)
    #expect(group.transform.angle == -30)
    #expect(abs(group.transform.origin.x - document.pages[0].size.width / 2) < 0.01)
    #expect(group.bounds.size.width > 100 && group.bounds.size.height > 50)
    #expect(abs(group.bounds.minX + group.bounds.size.width / 2) < 0.01, "centred: \(group.bounds)")
  }

  @Test("the writers draw each face from the font table they are given")
  func writersReadTheFontTable() throws {
    let document = try Self.laidOut("  - text: 会员名单\n    style: title")
    let page = document.pages[0]
    // The same ids, each naming another face: the text must come out in other glyphs.
    let swapped = FontTable()
    let all = document.fonts.all
    for (i, face) in all.enumerated() {
      let other = all.first { $0.file != face.file } ?? face
      // A size of its own for each: other tests add faces to the shared library, and sizes
      // made from theirs (size × 2 + i) could meet, leaving the swapped table a face short.
      _ = swapped.id(of: FontFace(file: other.file, index: other.index, size: 100 + Double(i)))
    }
    #expect(all.count == swapped.all.count)
    let same = try PNGRenderer.render(page, fonts: document.fonts, dpi: 72)
    #expect(try PNGRenderer.render(page, fonts: document.fonts, dpi: 72) == same)
    #expect(try PNGRenderer.render(page, fonts: swapped, dpi: 72) != same)
    let pdf = PDFPageWriter(info: document.info)
    pdf.write(page, fonts: document.fonts)
    let other = PDFPageWriter(info: document.info)
    other.write(page, fonts: swapped)
    #expect(try pdf.finish() != other.finish())
  }
}
