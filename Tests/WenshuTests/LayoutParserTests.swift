import Testing
import WenshuDocuments
import WenshuLayout

@Suite("Layout files: mistakes are rejected with file, line and what is wrong")
struct LayoutParserTests {
  let parser = LayoutParser(file: "Layouts/test.yaml", formatters: DocumentCatalog.formatters, types: DomainTypes.all)

  func error(_ yaml: String) -> LayoutError? {
    do { _ = try parser.parse(yaml); return nil } catch { return error }
  }

  static let head = """
    document: test
    metadata: { title: T, created: "{date}" }
    body:

    """

  @Test func unknownElement() {
    let e = error(Self.head + "  - title: Hello\n  - tabel: { columns: [] }\n")
    #expect(e?.line == 5)
    #expect(e?.message.contains("unknown element 'tabel'") == true)
    #expect(e?.description.hasPrefix("Layouts/test.yaml:5:") == true)
  }

  @Test func unknownFormatter() {
    let e = error(Self.head + "  - text: \"{total | rmbb}\"\n")
    #expect(e?.line == 4)
    #expect(e?.message.contains("unknown formatter 'rmbb'") == true)
  }

  @Test func unknownKey() {
    let e = error(Self.head + "  - table:\n      rows: members\n      columns: [{ value: x }]\n      boder: grid\n")
    #expect(e?.message.contains("unknown key 'boder'") == true)
    #expect(e?.line == 7)
  }

  @Test("sheet: names the tab of a table bound to rows; sheetType: is text, number, amount or date")
  func sheetKeys() throws {
    let fixed = error(Self.head + "  - table:\n      sheet: 名单\n      columns: [{ value: x }]\n")
    #expect(fixed?.message.contains("sheet names the spreadsheet tab of a table bound to rows") == true)
    #expect(fixed?.line == 5)
    let type = error(Self.head + "  - table:\n      rows: members\n      columns: [{ value: x, sheetType: money }]\n")
    #expect(type?.message.contains("sheetType is text, number, amount or date") == true)
    let layout = try parser.parse(
      Self.head
        + "  - table:\n      rows: members\n      sheet: 名单\n      columns: [{ value: x, sheetType: amount }, { value: y }]\n"
    )
    guard case .table(let table)? = layout.body.first?.kind else {
      Issue.record("no table")
      return
    }
    #expect(table.sheet == "名单")
    #expect(table.columns.map(\.sheetType) == [.amount, .text])
  }

  @Test func badLength() {
    let e = error(Self.head + "  - spacer: 12 furlongs\n")
    #expect(e?.message.contains("length") == true)
  }

  @Test func badTemplate() {
    let e = error(Self.head + "  - text: \"{unclosed\"\n")
    #expect(e?.message.contains("unclosed") == true)
  }

  @Test func yamlSyntax() {
    let e = error("document: [unclosed\n")
    #expect(e?.message.contains("YAML") == true)
  }

  @Test func pathNotInData() {
    let e = error(
      "document: test\nmetadata: { title: T, created: \"{date}\" }\ndata: { date: date, members: [{ name: text }] }\nbody:\n"
        + "  - table:\n      rows: members\n      columns: [{ value: \"{nmae}\" }]\n")
    #expect(e?.line == 5)
    #expect(e?.message == "'nmae' is not in the data described under data: (did you mean 'name'?)")
  }

  @Test func unknownDataType() {
    let e = error("document: test\nmetadata: { title: T, created: \"{date}\" }\ndata: { date: dat }\nbody: []\n")
    #expect(e?.message.contains("unknown data type 'dat'") == true)
  }

  @Test func everyShippedLayoutParses() throws {
    let catalog = try DocumentCatalog(folder: Fixtures.home.layouts)
    #expect(catalog.documents.contains("confirmation"))
  }
}

@Suite("Templates and data paths")
struct TemplateTests {
  @Test func parsesFieldsAndFormatters() throws {
    let t = try Template(parsing: "合计{total | rmb}（{activities | sum: amount | money}）{{x}}")
    #expect(t.fields.count == 2)
    #expect(t.fields[1].formatters.map(\.name) == ["sum", "money"])
    #expect(t.fields[1].formatters[0].arguments == ["amount"])
    #expect(t.literalText == "合计（）{x}")
  }

  @Test func paths() throws {
    #expect(try DataPath(parsing: "members[12].name").description == "members[12].name")
    #expect(try DataPath(parsing: "@page").variable == "page")
    #expect(throws: TemplateError.self) { try DataPath(parsing: "a..b") }
  }
}
