import Foundation
import Testing

@testable import WenshuLayout

/// A column's alignment as its layout states it, and a column too narrow for its values said
/// once, in terms an author can act on.
@Suite("Engine: table columns")
struct ColumnTests {
  /// Where the glyph line with `text` starts on the first page.
  static func x(of text: String, in page: Page) -> Double? {
    for case .glyphs(let line, let at, _) in page.items where line.text == text { return at.x }
    return nil
  }

  @Test("a column's own style sets its cells' alignment; align: on the column overrides it")
  func styleAlignment() throws {
    let styles = "styles:\n  centred: { base: tableCell, align: center }"
    let data = "{\"rows\": [{\"name\": \"甲\", \"code\": \"A1\"}]}"
    let left = try Engine.pages(
      TextAndTableTests.narrowTable("{ header: 代码, value: \"{code}\", width: 4 }", extra: styles), data)
    let centred = try Engine.pages(
      TextAndTableTests.narrowTable("{ header: 代码, value: \"{code}\", width: 4, style: centred }", extra: styles), data)
    let overridden = try Engine.pages(
      TextAndTableTests.narrowTable(
        "{ header: 代码, value: \"{code}\", width: 4, style: centred, align: right }", extra: styles), data)
    let l = try #require(Self.x(of: "A1", in: left[0]))
    let c = try #require(Self.x(of: "A1", in: centred[0]))
    let r = try #require(Self.x(of: "A1", in: overridden[0]))
    #expect(c > l + 20, "centred by the column's style: \(l) → \(c)")
    #expect(r > c + 20, "align: right wins over the style's centre: \(c) → \(r)")
  }

  @Test("a column too narrow for many rows is reported once, at the widest value's row, with the width it needs")
  func narrowColumnOnce() throws {
    let layout = TextAndTableTests.narrowTable(
      "{ header: 代码, value: \"{code}\", width: 0.6, noBreak: true, minSize: 8 }")
    let codes = ["81310115MCTN1HNG95", "81310115MCTN1HNG95X", "81", "81310115MCTN1HNG9", "81310115MCTN1HNG95"]
    let rows = codes.map { "{\"name\": \"甲\", \"code\": \"\($0)\"}" }.joined(separator: ",")
    let problems = try #require(try Engine.problems(layout, "{\"rows\": [\(rows)]}"))
    let narrow = problems.filter { $0.message.contains("太窄") }
    #expect(narrow.count == 1, "one message for the column: \(narrow)")
    let only = try #require(narrow.first)
    #expect(only.path == "rows[1].code", "the widest value's row and field: \(only.path)")
    #expect(only.message.contains("「代码」") && only.message.contains("test.yaml:"))
    #expect(only.message.contains("共 4 行"), "the rows that do not fit are counted: \(only.message)")
    let needs = try #require(only.message.firstMatch(of: /仍需 ([0-9.]+) mm/)).1
    let has = try #require(only.message.firstMatch(of: /本列只有 ([0-9.]+) mm/)).1
    #expect(Double(needs)! > Double(has)!, "\(only.message)")
  }
}
