import Testing
import WenshuDocuments
import WenshuLayout

/// A layout mistake is caught when the layout is loaded and blamed on the layout's file and
/// line, with what the author probably meant.
@Suite("Format: errors an author can act on")
struct AuthorErrorTests {
  let parser = LayoutParser(file: "Layouts/test.yaml", formatters: DocumentCatalog.formatters, types: DomainTypes.all)

  func error(_ body: String, extra: String = "") -> LayoutError? {
    let yaml = "document: test\nmetadata: { title: T, created: \"2025-01-01\" }\n\(extra)body:\n\(body)"
    do { _ = try parser.parse(yaml); return nil } catch { return error }
  }

  @Test("a misspelt key, element, formatter or style is named with its likely intent")
  func didYouMean() {
    let key = error("  - table:\n      rows: members\n      colums: [{ value: x }]\n")
    #expect(key?.message.contains("'colums'") == true)
    #expect(key?.message.contains("did you mean 'columns'?") == true, "\(key?.message ?? "")")
    let other = error("  - table:\n      rows: members\n      columns: [{ value: x }]\n      boder: grid\n")
    #expect(other?.message.contains("unknown key 'boder' in table (did you mean 'border'?)") == true)
    #expect(key?.line == 5)
    #expect(error("  - paragrpah: x\n")?.message.contains("did you mean 'paragraph'") == true)
    #expect(error("  - text: \"{d | dat}\"\n")?.message.contains("did you mean 'date'") == true)
    #expect(error("  - text: x\n    style: headng\n")?.message.contains("did you mean 'heading'") == true)
    #expect(error("  - text: x\n    spaceAftr: 3\n")?.message.contains("did you mean 'spaceAfter'") == true)
  }

  @Test("a formatter chain whose steps cannot fit is refused at load, at its line")
  func chainTypes() {
    let e = error("  - text: a\n  - text: \"{d | date | money}\"\n")
    #expect(e?.description.hasPrefix("Layouts/test.yaml:5:") == true, "\(e?.description ?? "")")
    #expect(e?.message.contains("'date' gives text, but 'money' takes amount") == true, "\(e?.message ?? "")")
    #expect(error("  - text: \"{members | count | date}\"\n") != nil, "a count is not a date")
    #expect(error("  - text: \"{rows | sum: a | money}\"\n") == nil, "a sum is an amount")
    #expect(error("  - text: \"{d | date: paded}\"\n")?.message.contains("padded") == true)
    let declared = error("  - text: \"{total | date}\"\n", extra: "data: { total: amount }\n")
    #expect(
      declared?.message.contains("'total' is amount in data:, but 'date' takes date") == true,
      "\(declared?.message ?? "")")
    #expect(error("  - text: \"{total | money}\"\n", extra: "data: { total: amount }\n") == nil)
  }

  @Test("a variable where it has no value is refused at load, not reported as missing data")
  func variables() {
    let pages = error(
      "  - text: x\n", extra: "checks:\n  - { value: \"{@pages}\", equals: \"1\", path: x, message: m }\n")
    #expect(pages?.message.contains("{@pages} is not available in a check") == true, "\(pages?.message ?? "")")
    #expect(error("  - text: \"第 {@page} 页\"\n") == nil, "the body's text may print its page number")
    let page = error("  - table: { rows: r, columns: [{ value: \"第 {@page} 页\" }] }\n")
    #expect(page?.message.contains("{@page} is not available in the body, in a row") == true, "\(page?.message ?? "")")
    #expect(page?.line == 4)
    let subtotal = error("  - text: \"{@pageRows | count}\"\n")
    #expect(subtotal?.message.contains("{@pageRows} is not available in the body") == true)
    #expect(
      error(
        "  - table: { rows: r, columns: [{ value: \"{a}\" }], pageFoot: [[\"{@pageRows | count} 行\"]] }\n"
      ) == nil, "a table's per-page rows read the page's rows")
    #expect(error("  - text: \"{@index}\"\n")?.message.contains("not available") == true)
    #expect(error("  - text: \"{@indx}\"\n")?.message.contains("did you mean 'index'") == true)
    #expect(error("  - text: \"共 {@pages} 页\"\n") == nil, "the body may print the page count")
    #expect(error("  - table: { rows: r, columns: [{ value: \"{@index}\" }] }\n") == nil)
  }

  @Test("style: is written beside every element that sets text, once")
  func styleOnePlace() {
    #expect(error("  - fields: { items: [{ label: a, value: b }] }\n    style: small\n") == nil)
    #expect(error("  - list: { items: [a] }\n    style: small\n") == nil)
    #expect(error("  - table: { columns: [{ value: a }] }\n    style: small\n") == nil)
    #expect(error("  - list: { items: [a], style: small }\n    style: small\n")?.message.contains("twice") == true)
    #expect(error("  - spacer: 3pt\n    style: small\n")?.message.contains("does not apply") == true)
  }
}
