import Foundation
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// Rows made for the page they land on: a ledger's 本页小计, 过次页 and 承前页, and
/// `{@page}` in the body. Each figure is checked against the rows actually on its page.
@Suite("Engine: per-page rows and page numbers in the body")
struct PageRowsTests {
  static let ledger = """
      - heading: 名单
      - table:
          rows: rows
          columns:
            - { header: 编号, value: "{id}", width: 2 }
            - { header: 金额, value: "{amt}", width: 2, align: right }
          carryHead:
            - [承前页, "{@rowsBefore | sum: amt}"]
          pageFoot:
            - [本页小计, "{@pageRows | sum: amt}"]
          carryFoot:
            - [过次页, "{@rowsThrough | sum: amt}"]
          foot:
            - [合计, "{rows | sum: amt}"]
    """

  static func rows(_ n: Int) -> String {
    "{\"rows\": [" + (1...n).map { "{\"id\": \"r\($0)\", \"amt\": \"\($0).00\"}" }.joined(separator: ",") + "]}"
  }

  /// The text printed beside `label` on the page (the next line in reading order), if any.
  static func value(after label: String, on page: Page) -> String? {
    let lines = page.lines
    return lines.firstIndex(of: label).flatMap { $0 + 1 < lines.count ? lines[$0 + 1] : nil }
  }

  static func money(_ n: Int) -> String { "\(n).00" }

  @Test("本页小计, 过次页 and 承前页 add up the rows on each page; 合计 closes the last")
  func ledgerTotals() throws {
    let n = 150
    let pages = try Engine.pages(Engine.layout(Self.ledger), Self.rows(n))
    try #require(pages.count >= 3)
    var before = 0
    var seen: [Int] = []
    for (p, page) in pages.enumerated() {
      let ids = page.lines.compactMap { $0.hasPrefix("r") ? Int($0.dropFirst()) : nil }
      #expect(!ids.isEmpty, "page \(p + 1) has rows")
      seen += ids
      let onPage = ids.reduce(0, +)
      #expect(Self.value(after: "本页小计", on: page) == Self.money(onPage), "page \(p + 1) 本页小计")
      if p > 0 {
        #expect(Self.value(after: "承前页", on: page) == Self.money(before), "page \(p + 1) 承前页")
      } else {
        #expect(!page.lines.contains("承前页"), "nothing is carried onto the first page")
      }
      before += onPage
      if p < pages.count - 1 {
        #expect(Self.value(after: "过次页", on: page) == Self.money(before), "page \(p + 1) 过次页")
      } else {
        #expect(!page.lines.contains("过次页"), "nothing is carried past the last page")
        #expect(Self.value(after: "合计", on: page) == Self.money(n * (n + 1) / 2))
      }
    }
    #expect(seen == Array(1...n), "every row once, in order")
  }

  @Test("the page's own rows stand below its last row and above the running footer")
  func pageFootAtTheFoot() throws {
    let pages = try Engine.pages(Engine.layout(Self.ledger), Self.rows(150))
    for page in pages.dropLast() {
      let lines = page.lines
      let subtotal = try #require(lines.firstIndex(of: "本页小计"))
      #expect(!lines[subtotal...].contains { $0.hasPrefix("r") }, "no row below 本页小计")
      let footerTop = page.items.compactMap { item -> Double? in
        if case .glyphs(let line, let at, _) = item, line.text.hasPrefix("第 ") { return at.y }
        return nil
      }.first!
      let body = page.items.filter { !$0.text.hasPrefix("第 ") }
      #expect(Page(size: page.size, items: body).bottom <= footerTop, "drawn over the running footer")
    }
  }

  @Test("a table whose rows all fit on one page prints its 本页小计 once and carries nothing")
  func ledgerOnOnePage() throws {
    let pages = try Engine.pages(Engine.layout(Self.ledger), Self.rows(5))
    try #require(pages.count == 1)
    #expect(Self.value(after: "本页小计", on: pages[0]) == "15.00")
    #expect(!pages[0].lines.contains("过次页") && !pages[0].lines.contains("承前页"))
  }

  @Test("{@page} in the body is the page the text lands on")
  func pageNumberInBody() throws {
    let body = """
        - text: "甲在第 {@page} 页"
        - pageBreak
        - text: "乙在第 {@page} 页"
        - table:
            rows: rows
            columns:
              - { header: 内容, value: "{n}", width: 1 }
        - group:
            - text: "丙在第 {@page} 页，共 {@pages} 页"
            - text: 丁
      """
    let pages = try Engine.pages(Engine.layout(body), PaginationTests.rows(60))
    try #require(pages.count >= 3)
    #expect(pages[0].lines.contains("甲在第 1 页"))
    #expect(pages[1].lines.contains("乙在第 2 页"))
    let last = pages.count
    #expect(pages[last - 1].lines.contains("丙在第 \(last) 页，共 \(last) 页"))
    #expect(!pages.flatMap(\.lines).contains { $0.contains("88") }, "the measuring number never prints")
  }

  @Test("per-page rows are for tables bound to rows")
  func pageFootNeedsRows() throws {
    let body = """
        - table:
            columns:
              - { header: 内容, value: 一, width: 1 }
            pageFoot:
              - [小计]
      """
    #expect(throws: LayoutError.self) { try Engine.parse(Engine.layout(body)) }
  }
}

/// Counts the rows a formatter has seen, to tell how far the layout has gone.
private final class RowTally: @unchecked Sendable {
  // Sendable: the count is only touched under the lock.
  private let lock = NSLock()
  private var count = 0
  func add() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
  func reset() { lock.withLock { count = 0 } }
}

@Suite("Engine: streaming")
struct StreamingTests {
  @Test("a long table is laid out page by page: the first page is handed over before the later rows are made")
  func rowsMadeAsPagesNeedThem() throws {
    let tally = RowTally()
    let formatters = DocumentCatalog.formatters.adding([
      Formatter("tally", summary: "counts the rows filled") { v, _ throws(FormatError) in
        tally.add()
        return v
      }
    ])
    let body = """
        - table:
            rows: rows
            columns:
              - { header: 内容, value: "{n | tally}", width: 1 }
      """
    let layout = try DocumentLayouts.parser(
      file: "test.yaml", imagesFolder: Fixtures.root.appendingPathComponent("Layouts/images").path,
      formatters: formatters
    ).parse(Engine.layout(body))
    let data = try JSONReader.parse(Array(PaginationTests.rows(2000).utf8))
    try Engine.withFonts { fonts in
      let prepared = try LayoutEngine(layout: layout, fonts: fonts, formatters: formatters).prepare(data)
      #expect(prepared.pageCount > 20)
      tally.reset()
      var madeBeforeFirstPage: Int?
      try prepared.forEachPage { _ in
        if madeBeforeFirstPage == nil { madeBeforeFirstPage = tally.value }
      }
      #expect(tally.value == 2000)
      #expect((madeBeforeFirstPage ?? 0) < 200, "rows made before page 1 was handed over: \(madeBeforeFirstPage ?? 0)")
    }
  }
}
