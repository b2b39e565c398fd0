import Foundation
import Testing

@testable import WenshuLayout

/// Where pages break: nothing lost, nothing past the page, headings and footers never alone.
@Suite("Engine: pagination")
struct PaginationTests {
  static func rows(_ n: Int, key: String = "rows") -> String {
    "{\"\(key)\": [" + (1...n).map { "{\"n\": \"第\($0)行\"}" }.joined(separator: ",") + "]}"
  }

  static let table = """
      - table:
          rows: rows
          columns:
            - { header: 序号, value: "{@index}", width: 1 }
            - { header: 内容, value: "{n}", width: 3 }
    """

  @Test("a group around a table of 120 rows flows over pages: every row printed once, none past the footer")
  func groupTallerThanAPage() throws {
    let body = """
        - group:
            - heading: 名单
            - table:
                rows: rows
                columns:
                  - { header: 序号, value: "{@index}", width: 1 }
                  - { header: 内容, value: "{n}", width: 3 }
      """
    let pages = try Engine.pages(Engine.layout(body), Self.rows(120))
    #expect(pages.count > 2)
    let all = pages.flatMap(\.lines)
    for i in 1...120 { #expect(all.filter { $0 == "第\(i)行" }.count == 1, "row \(i)") }
    let footerTop = pages[0].items.compactMap { item -> Double? in
      if case .glyphs(let line, let at, _) = item, line.text.hasPrefix("第 1 页") { return at.y }
      return nil
    }.first!
    for page in pages {
      let body = page.items.filter { !$0.text.hasPrefix("第 ") || $0.text.hasSuffix("行") }
      #expect(Page(size: page.size, items: body).bottom <= footerTop, "a row drawn over the footer")
    }
    #expect(pages[0].lines.contains("第1行"), "the first page holds rows, not only the heading")
  }

  @Test("a page break inside a group keeps what follows it")
  func pageBreakInGroup() throws {
    let body = """
        - group:
            - text: 前
            - pageBreak
            - text: 后
        - text: 再后
      """
    let pages = try Engine.pages(Engine.layout(body))
    #expect(pages.count == 2)
    #expect(pages[1].lines.contains("后") && pages[1].lines.contains("再后"))
  }

  @Test("a group that fits on a page is not split")
  func groupKeptTogether() throws {
    let body = """
        - text: 开头
        - spacer: 360pt
        - group:
            - text: 甲
            - text: 乙
            - text: 丙
            - text: 丁
            - text: 戊
      """
    let pages = try Engine.pages(Engine.layout(body))
    try #require(pages.count == 2)
    #expect(["甲", "乙", "丙", "丁", "戊"].allSatisfy(pages[1].lines.contains))
  }

  @Test("a heading never ends a page: wherever the page ends, it moves on with its paragraph, past the spacing")
  func headingNeverEndsAPage() throws {
    var moved = 0
    for spacer in stride(from: 380, through: 460, by: 2) {
      let body = """
          - text: 开头
          - spacer: \(spacer)pt
          - heading: 告知内容
            spaceAfter: 12
          - paragraph: 正文第一行
        """
      let pages = try Engine.pages(Engine.layout(body)).map { $0.lines.filter { !$0.hasPrefix("第 ") } }
      #expect(pages.first?.last != "告知内容", "the heading ends page 1 with a spacer of \(spacer) pt")
      if pages.count == 2 {
        #expect(pages[1].starts(with: ["告知内容", "正文第一行"]))
        moved += 1
      }
    }
    #expect(moved > 0)
  }

  @Test("a footer row never starts a page alone: the last row goes with it, under the repeated header")
  func footerKeptWithLastRow() throws {
    var pages: [[String]] = []
    // Find a row count whose last row exactly fills the first page, so the footer would be orphaned.
    for n in 20...60 {
      let layout = Engine.layout(Self.table + "\n      foot:\n        - [{ text: 合计, span: 1 }, \"{rows | count} 行\"]")
      let laid = try Engine.pages(layout, Self.rows(n)).map(\.lines)
      let plain = try Engine.pages(Engine.layout(Self.table), Self.rows(n)).map(\.lines)
      if plain.count == 1 && laid.count == 2 {
        pages = laid
        break
      }
    }
    try #require(!pages.isEmpty, "no row count fills the page exactly")
    #expect(!pages[0].contains("合计"))
    #expect(pages[1].starts(with: ["序号", "内容"]), "the header repeats above the moved rows")
    #expect(pages[1].contains("合计"))
    #expect(
      pages[1].filter { $0.hasSuffix("行") && $0.hasPrefix("第") }.count >= 1, "at least the last row is with the footer")
  }

  @Test("a row taller than a page splits between its lines, the header repeated, every line printed")
  func rowTallerThanAPage() throws {
    let long = (1...300).map { "第\($0)句。" }.joined()
    let layout = Engine.layout(
      """
        - table:
            rows: rows
            columns:
              - { header: 序号, value: "{@index}", width: 1 }
              - { header: 说明, value: "{n}", width: 1 }
      """)
    let pages = try Engine.pages(layout, "{\"rows\": [{\"n\": \"\(long)\"}]}")
    #expect(pages.count >= 2)
    for page in pages { #expect(page.lines.first == "序号", "header on every page") }
    let printed = pages.flatMap(\.lines).filter { $0 != "序号" && $0 != "说明" && $0 != "1" && !$0.hasPrefix("第 ") }
      .joined()
    #expect(printed == long)
  }

  @Test("content taller than any page is refused, naming the layout line")
  func unplaceable() throws {
    let body = """
        - signatures:
            columns: 1
            height: 900pt
            items: [签字：]
      """
    let problems = try #require(try Engine.problems(Engine.layout(body)))
    #expect(problems.contains { $0.description.contains("test.yaml:") && $0.message.contains("高于一页") })
  }

  @Test("the page count can be printed in the body")
  func pageCountInBody() throws {
    let body = """
        - text: "本文件共 {@pages} 页"
        - pageBreak
        - text: 第二页
        - pageBreak
        - text: 第三页
      """
    let pages = try Engine.pages(Engine.layout(body))
    #expect(pages.count == 3)
    #expect(pages[0].lines.contains("本文件共 3 页"))
  }

  @Test("a first-page header differs from the others'")
  func firstPageHeader() throws {
    let layout = Engine.layout(
      "  - text: 一\n  - pageBreak\n  - text: 二",
      extra: "header:\n  - text: 续页眉\nfirstPageHeader:\n  - text: 首页眉")
    let pages = try Engine.pages(layout)
    #expect(pages[0].lines.first == "首页眉")
    #expect(pages[1].lines.first == "续页眉")
  }

  @Test("a second pass that lays out another number of pages than the first counted is an internal error")
  func pageCountMismatch() throws {
    let layout = try Engine.parse(Engine.layout("  - text: 一\n  - pageBreak\n  - text: 二"))
    try Engine.withFonts { fonts in
      let engine = LayoutEngine(layout: layout, fonts: fonts, formatters: .generic)
      let prepared = try engine.prepare(.object(DataObject()))
      #expect(prepared.pageCount == 2)
      let wrong = PreparedDocument(
        engine: engine, data: .object(DataObject()), pageCount: 3, records: prepared.records, info: prepared.info,
        warnings: [],
        filename: "x", cancellation: nil)
      #expect(throws: RenderFailure.self) { try wrong.forEachPage { _ in } }
    }
  }
}
