import Foundation
import Testing

@testable import WenshuLayout

/// A table's rows in groups (`groupBy:`): a header where the value changes, repeated with 续
/// on a page that continues the group, a footer with the group's count and sums, and the
/// page rows and 合计 counting across groups.
@Suite("Engine: grouped tables")
struct GroupTests {
  static func layout(numbering: String = "{@index}") -> String {
    Engine.layout(
      """
        - table:
            rows: rows
            groupBy: union
            columns:
              - { header: 序号, value: "\(numbering)", width: 1 }
              - { header: 姓名, value: "{name}", width: 3 }
              - { header: 金额, value: "{amt}", width: 2, align: right }
            groupHead:
              - [{ text: "{union}", span: 3 }]
            groupCarryHead:
              - [{ text: "{union}（续）", span: 3 }]
            groupFoot:
              - [小计, "{@groupRows | count} 人", "{@groupRows | sum: amt}"]
            pageFoot:
              - [本页, "{@pageRows | count} 人", "{@pageRows | sum: amt}"]
            foot:
              - [合计, "{rows | count} 人", "{rows | sum: amt}"]
      """)
  }

  /// `sizes[g]` rows in union g, each row's amount its number.
  static func data(_ sizes: [Int]) -> String {
    var rows: [String] = []
    var n = 0
    for (g, size) in sizes.enumerated() {
      for _ in 0..<size {
        n += 1
        rows.append("{\"union\": \"工会\(g + 1)\", \"name\": \"m\(n)\", \"amt\": \"\(n).00\"}")
      }
    }
    return "{\"rows\": [\(rows.joined(separator: ","))]}"
  }

  /// Each page's lines as (kind, text) in reading order, for the rows the test cares about.
  static func names(_ page: Page) -> [Int] {
    page.lines.compactMap { $0.hasPrefix("m") ? Int($0.dropFirst()) : nil }
  }

  @Test("each group opens with its header and closes with its count and sum; 合计 counts every group")
  func headersAndFooters() throws {
    let pages = try Engine.pages(Self.layout(), Self.data([2, 3]))
    #expect(pages.count == 1)
    let lines = pages[0].lines
    let first = try #require(lines.firstIndex(of: "工会1"))
    let second = try #require(lines.firstIndex(of: "工会2"))
    #expect(lines[first..<second].contains("m2") && !lines[first..<second].contains("m3"))
    let footers = lines.indices.filter { lines[$0] == "小计" }
    #expect(footers.count == 2)
    #expect(lines[footers[0] + 1] == "2 人" && lines[footers[0] + 2] == "3.00", "\(lines)")
    #expect(lines[footers[1] + 1] == "3 人" && lines[footers[1] + 2] == "12.00", "\(lines)")
    #expect(footers[0] < second && footers[1] > second)
    let total = try #require(lines.firstIndex(of: "合计"))
    #expect(lines[total + 1] == "5 人" && lines[total + 2] == "15.00")
  }

  @Test("序号 runs on across groups with @index, restarts in each group with @groupIndex")
  func numbering() throws {
    let running = try Engine.pages(Self.layout(), Self.data([2, 3]))[0].lines
    let m3 = try #require(running.firstIndex(of: "m3"))
    #expect(running[m3 - 1] == "3", "running on: \(running)")
    let restarting = try Engine.pages(Self.layout(numbering: "{@groupIndex}"), Self.data([2, 3]))[0].lines
    let r3 = try #require(restarting.firstIndex(of: "m3"))
    #expect(restarting[r3 - 1] == "1", "restarting: \(restarting)")
    let r5 = try #require(restarting.firstIndex(of: "m5"))
    #expect(restarting[r5 - 1] == "3")
  }

  @Test("a group going on past a page is headed 续 on the next; page rows count the rows across groups")
  func continuedGroups() throws {
    let sizes = [7, 60, 5, 40]
    let pages = try Engine.pages(Self.layout(), Self.data(sizes))
    try #require(pages.count >= 3)
    var seen: [Int] = []
    var groupOf: [Int: Int] = [:]
    var n = 0
    for (g, size) in sizes.enumerated() {
      for _ in 0..<size {
        n += 1
        groupOf[n] = g + 1
      }
    }
    for (p, page) in pages.enumerated() {
      let ids = Self.names(page)
      seen += ids
      let lines = page.lines
      if p > 0, let first = ids.first, groupOf[first] == groupOf[first - 1] {
        let carried = "工会\(groupOf[first]!)（续）"
        let at = try #require(lines.firstIndex(of: carried), "page \(p + 1) opens with \(carried): \(lines)")
        #expect(at < lines.firstIndex(of: "m\(first)")!)
      }
      #expect(!lines.contains { $0.hasSuffix("（续）") && p == 0 }, "nothing is continued on page 1")
      let foot = try #require(lines.lastIndex(of: "本页"))
      #expect(lines[foot + 1] == "\(ids.count) 人", "page \(p + 1): the rows on it, across groups")
      #expect(lines[foot + 2] == "\(ids.reduce(0, +)).00")
    }
    #expect(seen == Array(1...sizes.reduce(0, +)), "every row once, in order")
  }

  @Test("rows not sorted by the group field are refused, naming the row that breaks the order")
  func unsorted() throws {
    let data = """
      {"rows": [{"union": "甲", "name": "m1", "amt": "1.00"}, {"union": "乙", "name": "m2", "amt": "1.00"},
                {"union": "甲", "name": "m3", "amt": "1.00"}]}
      """
    let problems = try #require(try Engine.problems(Self.layout(), data))
    #expect(problems.contains { $0.path == "rows[2].union" && $0.message.contains("rows[0]") }, "\(problems)")
  }

  @Test("a group variable outside a grouped table, or a groupBy field the rows lack, is refused at load")
  func refusedAtLoad() throws {
    let plain = Engine.layout(
      """
        - table:
            rows: rows
            columns: [{ header: 序号, value: "{@groupIndex}" }]
      """, extra: "data: { rows: [{ union: text }] }")
    #expect(throws: LayoutError.self) { try Engine.parse(plain) }
    let misspelt = Self.layout() + "\ndata: { rows: [{ unoin: text, name: text, amt: amount }] }"
    let error = #expect(throws: LayoutError.self) { try Engine.parse(misspelt) }
    #expect(error?.message.contains("groupBy") == true, "\(String(describing: error))")
  }
}
