import Foundation
import Testing

@testable import WenshuLayout

/// What a cell or a line prints is exactly the data: no hyphen added, no number cut, no
/// punctuation alone at a line's start; codes shrink to fit or are refused.
@Suite("Engine: text and tables")
struct TextAndTableTests {
  /// A table of a 名称 column and `column`, with `extra` layout keys (styles) after the body.
  static func narrowTable(_ column: String, extra: String = "") -> String {
    Engine.layout(
      """
        - table:
            rows: rows
            columns:
              - { header: 名称, value: "{name}", width: 6 }
              - \(column)
      """, extra: extra)
  }

  @Test("a code in a narrow column is never broken with a hyphen, nor inside itself: it shrinks to fit")
  func codeShrinks() throws {
    let code = "81310115MCTN1HNG95"
    let layout = Self.narrowTable("{ header: 代码, value: \"{code}\", width: 1.4, noBreak: true, minSize: 4 }")
    let pages = try Engine.pages(layout, "{\"rows\": [{\"name\": \"某单位\", \"code\": \"\(code)\"}]}")
    #expect(pages[0].lines.contains(code), "the code is one line, exactly as in the data: \(pages[0].lines)")
    #expect(!pages[0].text.contains("-"))
    let right = pages[0].size.width - 15 * 72 / 25.4  // the table's right edge: the body's
    for case .glyphs(let line, let at, _) in pages[0].items where line.text == code {
      #expect(at.x + line.width <= right - 2, "the shrunk code stays inside its cell")
    }
  }

  @Test("in a wrapping cell a code moves whole to the next line; no hyphen is ever added")
  func codeWrapsWhole() throws {
    let code = "81310115MCTN1HNG95"
    let layout = Self.narrowTable("{ header: 代码, value: \"统一社会信用代码{code}\", width: 4 }")
    let pages = try Engine.pages(layout, "{\"rows\": [{\"name\": \"某单位\", \"code\": \"\(code)\"}]}")
    #expect(pages[0].lines.contains(code), "\(pages[0].lines)")
    #expect(!pages[0].text.contains("-"))
  }

  @Test("a code that does not fit even at the column's minimum size is refused, naming the column and the row")
  func codeTooWide() throws {
    let layout = Self.narrowTable("{ header: 代码, value: \"{code}\", width: 0.6, noBreak: true, minSize: 8 }")
    let problems = try #require(
      try Engine.problems(layout, "{\"rows\": [{\"name\": \"甲\", \"code\": \"81310115MCTN1HNG95\"}]}"))
    #expect(
      problems.contains {
        $0.path.hasPrefix("rows[0]") && $0.message.contains("「代码」") && $0.message.contains("test.yaml:")
      })
  }

  @Test("a word wider than its column is refused with its row's path, not broken")
  func wordTooWide() throws {
    let layout = Self.narrowTable("{ header: 代码, value: \"{code}\", width: 0.5 }")
    let problems = try #require(
      try Engine.problems(layout, "{\"rows\": [{\"name\": \"甲\", \"code\": \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"}]}"))
    #expect(problems.contains { $0.path == "rows[0]" })
  }

  @Test("an amount wraps as a whole, never inside the number")
  func amountNotSplit() throws {
    let layout = Self.narrowTable("{ header: 金额, value: \"本页合计金额 {amount}\", width: 2 }")
    let pages = try Engine.pages(layout, "{\"rows\": [{\"name\": \"甲\", \"amount\": \"1,063,024.00\"}]}")
    #expect(pages[0].lines.contains("1,063,024.00"), "\(pages[0].lines)")
  }

  @Test("closing punctuation never starts a line, opening punctuation never ends one, a figure keeps its unit")
  func chineseLineBreaking() throws {
    let text = String(repeating: "参保人数为120人，（含退休）“互助”保障；金额：80.00元。备注【无】、0 人！", count: 6)
    let closing = Set("。，、；：？！）」』】》”")
    let opening = Set("（「『【《“")
    for width in stride(from: 60, through: 200, by: 7) {
      let layout = Engine.layout(
        "  - paragraph: \"\(text)\"\n    indent: 0",
        extra: "page: { size: A5, margins: [20mm, \(369 - width)pt, 20mm, 50pt] }"
      ).replacingOccurrences(of: "page: { size: A5, margins: [20mm, 15mm, 20mm, 15mm] }\n", with: "")
      let lines = try Engine.pages(layout).flatMap(\.lines).filter { !$0.hasPrefix("第 ") }
      #expect(lines.joined() == text, "nothing added or lost at width \(width)")
      for (line, next) in zip(lines, lines.dropFirst()) {
        #expect(!closing.contains(next.first!), "line starts with closing punctuation: \(next)")
        #expect(!opening.contains(line.last!), "line ends with opening punctuation: \(line)")
        let end = line.trimmingCharacters(in: .whitespaces)
        let endsInFigure = end.last.map { $0.isNumber } ?? false
        #expect(
          !(endsInFigure && (next.first!.isNumber || next.first == "人" || next.first == "元" || next.first == ".")),
          "a figure split from its digits or unit: \(line) | \(next)")
      }
    }
  }

  @Test("a header cell spanning columns and rows is repeated on the next page")
  func spanningHeaderRepeats() throws {
    let layout = Engine.layout(
      """
        - table:
            rows: rows
            head:
              - [{ text: 单位, rowSpan: 2 }, { text: 参保人数, span: 2 }]
              - [A类, B类]
            columns:
              - { value: "{n}", width: 2 }
              - { value: "1", width: 1 }
              - { value: "2", width: 1 }
      """)
    let pages = try Engine.pages(layout, PaginationTests.rows(80))
    #expect(pages.count >= 2)
    for page in pages { #expect(Set(page.lines.prefix(4)) == ["单位", "参保人数", "A类", "B类"], "\(page.lines.prefix(4))") }
  }

  @Test("rows spanning in a header must cover the columns exactly")
  func spanningHeaderChecked() throws {
    let layout = Engine.layout(
      """
        - table:
            head:
              - [{ text: 单位, span: 3 }, 多余]
            columns:
              - { value: "a" }
              - { value: "b" }
      """)
    #expect(throws: LayoutError.self) { try Engine.parse(layout) }
  }

  @Test("paint order is item order: a seal placed after a table lies over its rules")
  func sealOverTable() throws {
    let layout = Engine.layout(
      """
        - table:
            columns:
              - { header: 项目, value: "会费" }
        - image:
            file: sample-seal.png
            width: 20mm
            float: true
            offset: [0, -12mm]
      """)
    let items = try Engine.pages(layout)[0].items
    let lastRule = items.lastIndex { if case .rule = $0 { true } else { false } }!
    let seal = items.firstIndex { if case .picture = $0 { true } else { false } }!
    #expect(seal > lastRule)
  }
}
