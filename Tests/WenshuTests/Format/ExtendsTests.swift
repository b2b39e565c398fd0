import Foundation
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// `extends:` — a layout written as what differs from another.
@Suite("Format: extends")
struct ExtendsTests {
  static let base = """
    document: letter
    metadata: { title: 基础, created: "2025-01-01" }
    page: { size: A5 }
    styles:
      title: { size: 20 }
      note: { size: 8 }
    footer:
      - text: "第 {@page} 页"
        style: footer
    body:
      - title: 通知
        id: title
      - group:
          - text: 第一段
            id: first
          - text: 第二段
            id: second
      - text: 落款
        id: signature
    """

  static let files: [String: String] = [
    "letter": base, "loop-a": "extends: loop-b\n", "loop-b": "extends: loop-a\n",
    "reader":
      "document: reader\nmetadata: { title: T, created: \"2025-01-01\" }\nbody:\n  - text: x\n  - text: \"{name}\"\n",
  ]

  func parse(_ yaml: String, file: String = "Layouts/letter.office.yaml") throws -> LayoutDescription {
    try DocumentLayouts.parser(
      file: file, imagesFolder: Fixtures.root.appendingPathComponent("Layouts/images").path,
      bases: { name in Self.files[name].map { ("Layouts/\(name).yaml", $0) } }
    ).parse(yaml)
  }

  func texts(_ blocks: [Block]) -> [String] {
    blocks.flatMap { b -> [String] in
      switch b.kind {
      case .text(let e): [e.template.literalText]
      case .group(let inner): texts(inner)
      default: []
      }
    }
  }

  @Test("keys given replace the base's; styles merge by name; the rest is the base's")
  func merge() throws {
    let layout = try parse(
      """
      extends: letter
      offices: [guangdong]
      metadata: { title: 分支, created: "2025-01-01" }
      styles:
        note: { size: 9 }
        extra: { size: 7 }
      """)
    #expect(layout.document == "letter")
    #expect(layout.offices == ["guangdong"])
    #expect(layout.metadata.title.literalText == "分支")
    #expect(layout.styles["title"]?.size == 20, "the base's style")
    #expect(layout.styles["note"]?.size == 9, "overridden by name")
    #expect(layout.styles["extra"]?.size == 7, "added")
    #expect(abs(layout.page.size.width - 419.528) < 0.01, "the base's page")
    #expect(texts(layout.body) == ["通知", "第一段", "第二段", "落款"])
    #expect(layout.footer.count == 1)
  }

  @Test("blocks are replaced, removed and inserted after by id, inside groups too")
  func byID() throws {
    let layout = try parse(
      """
      extends: letter
      replace:
        title: { title: 缴款单 }
        second: [{ text: 第二段甲 }, { text: 第二段乙 }]
      remove: [signature]
      insertAfter:
        first: [{ text: 插入 }]
      """)
    #expect(texts(layout.body) == ["缴款单", "第一段", "插入", "第二段甲", "第二段乙"])
  }

  @Test("an id that is not there is refused at its line, with the ids there are")
  func unknownID() throws {
    do {
      _ = try parse("extends: letter\nremove: [signatur]\n")
      Issue.record("accepted an unknown id")
    } catch let e as LayoutError {
      #expect(e.file == "Layouts/letter.office.yaml" && e.line == 2, "\(e)")
      #expect(e.message.contains("did you mean 'signature'"), "\(e)")
      #expect(e.message.contains("first, second"), "\(e)")
    }
  }

  @Test("extends of a missing file, a path, or a cycle is refused")
  func refused() throws {
    #expect(throws: LayoutError.self) { try parse("extends: nothing\n") }
    #expect(throws: LayoutError.self) { try parse("extends: ../letter\n") }
    #expect(throws: LayoutError.self) { try parse("extends: loop-a\n", file: "Layouts/loop-c.yaml") }
    #expect(throws: LayoutError.self) {
      try LayoutParser(file: "x.yaml", formatters: DocumentCatalog.formatters).parse("extends: letter\n")
    }
  }

  @Test("a problem in an inherited block is blamed on the base file's line, not the extending one")
  func blame() throws {
    let layout = try parse("extends: reader\n")
    let problems: [DataProblem]
    do {
      _ = try Engine.withFonts { fonts in
        try LayoutEngine(layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters).layOut(
          .object(DataObject()))
      }
      Issue.record("printed without the data")
      return
    } catch let failure as RenderFailure {
      guard case .data(let p) = failure else { throw failure }
      problems = p
    }
    #expect(problems.map(\.message).contains { $0.contains("Layouts/reader.yaml:5") }, "\(problems)")
  }
}

/// An office's picture (its seal) named in its profile, from `Layouts/images/` only.
@Suite("Format: pictures named by the office profile")
struct ProfilePictureTests {
  static let layout = Engine.layout(
    """
      - image: { file: "{office.sealImage}", width: 20mm }
    """, extra: "data: { office: profile }")

  @Test("the profile's picture is drawn, its height from its proportions")
  func drawn() throws {
    let pages = try Engine.pages(Self.layout, #"{"office": {"sealImage": "sample-seal.png"}}"#)
    let pictures = pages[0].items.compactMap { if case .picture(_, let r) = $0 { r } else { nil } }
    #expect(pictures.count == 1)
    #expect(abs((pictures.first?.size.width ?? 0) - 20 * 72 / 25.4) < 0.01)
    #expect((pictures.first?.size.height ?? 0) > 0)
  }

  @Test("a path in the profile's field is refused, and a field outside a profile at load")
  func refused() throws {
    let problems = try #require(try Engine.problems(Self.layout, #"{"office": {"sealImage": "../Package.swift"}}"#))
    #expect(problems.contains { $0.message.contains("not a path") }, "\(problems)")
    // The answer goes to the request's sender: it names no folder of the server's.
    #expect(!problems.contains { $0.message.contains("Layouts/images") }, "\(problems)")
    // Nor does a picture the profile names that is not there.
    let missing = try #require(try Engine.problems(Self.layout, #"{"office": {"sealImage": "no-such-seal.png"}}"#))
    #expect(missing.contains { $0.message.contains("no-such-seal.png") }, "\(missing)")
    #expect(!missing.contains { $0.message.contains("Layouts/images") || $0.message.contains("/work") }, "\(missing)")
    let fromRequest = Engine.layout(
      "  - image: { file: \"{seal}\", width: 20mm }\n", extra: "data: { seal: text }")
    #expect(throws: LayoutError.self) { try Engine.parse(fromRequest) }
    #expect(throws: LayoutError.self) { try Engine.parse(Engine.layout("  - image: { file: ../x.png }\n")) }
  }
}
