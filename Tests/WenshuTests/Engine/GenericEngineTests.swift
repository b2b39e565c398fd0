import Foundation
import Graphics
import Synchronization
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// The engine alone, without the documents layer: it knows no office, variant, profile,
/// font family or image format, and takes each from its caller.
@Suite("Engine: generic, given its vocabulary by the caller")
struct GenericEngineTests {
  static let head = "document: test\nmetadata: { title: T, created: \"2025-01-01\" }\n"

  func parse(_ yaml: String, _ parser: LayoutParser = LayoutParser(file: "test.yaml", formatters: .generic))
    throws(LayoutError) -> LayoutDescription
  {
    try parser.parse(Self.head + yaml)
  }

  @Test("offices: and variant: are unknown keys to the bare engine; declared, they are read and inherited")
  func selectorKeys() throws {
    #expect(throws: LayoutError.self) { try parse("offices: [guangdong]\nbody: [{ text: x }]\n") }
    let keys = [
      SelectorKey("regions", isList: true, default: []), SelectorKey("edition", isList: false, default: ["std"]),
    ]
    let base = Self.head + "regions: [north, south]\nedition: large\nbody: [{ text: x }]\n"
    let parser = LayoutParser(
      file: "test.yaml", formatters: .generic, selectorKeys: keys, bases: { _ in ("base.yaml", base) })
    let plain = try parse("body: [{ text: x }]\n", parser)
    #expect(plain.selectors == ["regions": [], "edition": ["std"]])
    let inherited = try parser.parse("extends: base\nedition: small\n")
    #expect(inherited.selectors == ["regions": ["north", "south"], "edition": ["small"]])
    #expect(throws: LayoutError.self) { try parse("edition: [a]\nbody: [{ text: x }]\n", parser) }
    #expect(throws: LayoutError.self) { try parse("regions: north\nbody: [{ text: x }]\n", parser) }
  }

  @Test("the documents layer reads offices: and variant: as before")
  func documentsSelectors() throws {
    let parser = DocumentLayouts.parser(file: "test.yaml", imagesFolder: "/nonexistent")
    let layout = try parse("offices: [guangdong]\nvariant: district\nbody: [{ text: x }]\n", parser)
    #expect(layout.offices == ["guangdong"] && layout.variant == "district")
    let plain = try parse("body: [{ text: x }]\n", parser)
    #expect(plain.offices.isEmpty && plain.variant == "default")
  }

  @Test("serif and sans are the caller's families; the bare engine's are fontconfig's generic names")
  func fontFamilies() throws {
    let yaml =
      "styles: { note: { font: sans }, own: { font: Some Family } }\nwatermark: { text: 样 }\nbody: [{ text: x }]\n"
    let bare = try parse(yaml)
    #expect(bare.styles["body"]?.families == ["serif"])
    #expect(bare.styles["note"]?.families == ["sans-serif"])
    #expect(bare.watermark?.family == "serif")
    let documents = try parse(yaml, DocumentLayouts.parser(file: "test.yaml", imagesFolder: "/nonexistent"))
    #expect(documents.styles["body"]?.families == ["Noto Serif CJK SC"])
    #expect(documents.styles["note"]?.families == ["Noto Sans CJK SC"])
    #expect(documents.styles["own"]?.families == ["Some Family"])
    #expect(documents.watermark?.family == "Noto Serif CJK SC")
  }

  @Test("the bare engine has no pictures; a name that is a path is refused before the source is asked")
  func pictures() throws {
    let image = "body: [{ image: { file: sample-seal.png } }]\n"
    do {
      _ = try parse(image)
      Issue.record("a picture without a picture source")
    } catch { #expect(error.message.contains("no pictures are given"), "\(error.message)") }
    let folder = Fixtures.root.appendingPathComponent("Layouts/images").path
    let asked = AskedSource(PictureFolder(folder))
    let parser = LayoutParser(file: "test.yaml", formatters: .generic, pictures: asked)
    _ = try parse(image, parser)
    do {
      _ = try parse("body: [{ image: { file: ../images/sample-seal.png } }]\n", parser)
      Issue.record("a path")
    } catch { #expect(error.message == "file is a PNG name inside \(folder), not a path", "\(error.message)") }
    #expect(asked.names == ["sample-seal.png"])
  }

  @Test("a picture's name comes only from a field of a type the caller says the server supplies")
  func suppliedTypes() throws {
    let folder = Fixtures.root.appendingPathComponent("Layouts/images").path
    let record = ValueType("record", summary: "the issuer's record", jsonSchema: #"{"type":"object"}"#) { _ in nil }
    let supplied = ValueType(
      "record", summary: "the issuer's record", jsonSchema: #"{"type":"object"}"#, suppliedByServer: true
    ) { _ in nil }
    func refusal(_ data: String, _ type: ValueType) -> String? {
      let parser = LayoutParser(
        file: "test.yaml", formatters: .generic, types: ValueType.generic + [type], pictures: PictureFolder(folder))
      do {
        _ = try parse("data: \(data)\nbody: [{ image: { file: \"{issuer.seal}\" } }]\n", parser)
        return nil
      } catch { return error.message }
    }
    // A field of the request's own data, declared: refused for what it is.
    #expect(
      refusal("{ issuer: { seal: text } }", supplied)
        == "'issuer.seal' is not a field of an object the server supplies (record): a picture's name never comes from the request's data"
    )
    // An object type the caller did not mark: its fields are not even readable.
    #expect(refusal("{ issuer: record }", record)?.contains("is not in the data described under data:") == true)
    #expect(refusal("{ issuer: record }", supplied) == nil)
    let layout = try parse(
      "data: { issuer: record }\nbody: [{ image: { file: \"{issuer.seal}\" } }]\n",
      LayoutParser(file: "test.yaml", formatters: .generic, types: [supplied], pictures: PictureFolder(folder)))
    let pages = try Engine.withFonts { fonts in
      try LayoutEngine(layout: layout, fonts: fonts, formatters: .generic, types: [supplied])
        .layOut(.object(["issuer": .object(["seal": .string("sample-seal.png")])])).pages
    }
    #expect(pages[0].items.contains { if case .picture = $0 { true } else { false } })
  }

  @Test("what formatters see a caller's type as is the type's kind, not its name")
  func typeKinds() throws {
    func parsed(_ kind: WenshuLayout.Formatter.Kind) throws(LayoutError) -> LayoutDescription {
      let type = ValueType("tally", summary: "a tally", jsonSchema: #"{"type":"integer"}"#, kind: kind) { _ in nil }
      let parser = LayoutParser(file: "test.yaml", formatters: .generic, types: ValueType.generic + [type])
      return try parse("data: { t: tally }\nbody: [{ text: \"{t | thousands}\" }]\n", parser)
    }
    _ = try parsed(.number)
    do {
      _ = try parsed(.boolean)
      Issue.record("a boolean given to thousands")
    } catch {
      #expect(
        error.message == "in {t | thousands}: 't' is boolean in data:, but 'thousands' takes number", "\(error.message)"
      )
    }
  }

  @Test("the schema writer adds only the caller's properties: no variant of its own")
  func schemaProperties() throws {
    let layout = try parse("data: { name: text?, n: count }\nbody: [{ text: x }]\n")
    let bare = JSONSchemaWriter.dataSchema(for: layout, types: ValueType.generic, title: "t")
    #expect(bare["properties"]?["variant"] == nil)
    #expect(bare["required"] == .strings(["n"]))
    let property = JSONSchemaWriter.Property("pick", schema: .object(["const": .string("a")]), isRequired: true)
    let given = JSONSchemaWriter.dataSchema(for: layout, types: ValueType.generic, title: "t", properties: [property])
    #expect(given["required"] == .strings(["pick", "n"]))
    #expect(given["properties"]?["pick"] == .object(["const": .string("a")]))
  }

  @Test("a boolean prints as JSON writes it; 是/否 are the documents' yesno, not the engine's")
  func booleans() throws {
    let layout = try parse("body: [{ text: \"{a} {b} {a | check}{b | check}\" }]\n")
    let pages = try Engine.withFonts { fonts in
      try LayoutEngine(layout: layout, fonts: fonts, formatters: .generic)
        .layOut(.object(["a": .bool(true), "b": .bool(false)])).pages
    }
    #expect(pages[0].text == "true false ☑☐")
    #expect(FormatterSet.generic["yesno"] == nil)
    #expect(DocumentCatalog.formatters["yesno"] != nil)
  }
}

/// A picture source that records what it was asked for.
final class AskedSource: PictureSource, Sendable {
  let inner: PictureFolder
  private let asked = Mutex<[String]>([])
  var names: [String] { asked.withLock { $0 } }
  init(_ inner: PictureFolder) { self.inner = inner }
  var expectedName: String { inner.expectedName }
  func picture(named name: String) throws(PictureUnavailable) -> Picture {
    asked.withLock { $0.append(name) }
    return try inner.picture(named: name)
  }
}
