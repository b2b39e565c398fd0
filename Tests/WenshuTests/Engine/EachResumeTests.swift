import Foundation
import Graphics
import Testing
import WenshuDocuments

@testable import WenshuLayout

@Suite("each: resumes at its item: a page laid out alone makes only its own slices")
struct EachResumeTests {
  /// A page laid out alone: its drawing and the slices made for it (taken by the paginator,
  /// or made only to be skipped on resuming).
  struct Alone {
    var fingerprint: [String]
    var made: Int
  }

  /// The whole document's pages, each page laid out alone, and the slices the whole took.
  static func layOut(_ body: String, _ json: String) throws -> (
    whole: [[String]], alone: [Alone], taken: Int, starts: [ResumePoint]
  ) {
    let layout = try Engine.parse(Engine.layout(body))
    let data = try JSONReader.parse(Array(json.utf8))
    return try Engine.withFonts { fonts in
      let engine = LayoutEngine(
        layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
      let prepared = try engine.prepare(data)
      var whole: [[String]] = []
      try prepared.forEachPage { whole.append(ResumeTests.fingerprint($0)) }
      let taken = engine.slicesTaken
      var alone: [Alone] = []
      for number in 1...whole.count {
        let before = engine.slicesTaken + engine.slicesSkipped.count
        let page = try prepared.page(number)
        alone.append(
          Alone(
            fingerprint: ResumeTests.fingerprint(page),
            made: engine.slicesTaken + engine.slicesSkipped.count - before))
      }
      return (whole, alone, taken, prepared.records.compactMap(\.start))
    }
  }

  static func items(_ count: Int, _ make: (Int) -> String) -> String {
    (1...count).map(make).joined(separator: ",")
  }

  @Test("a certificate deep in a long each: costs what the first one does, and draws as in the whole")
  func certificatePerItem() throws {
    let body = """
        - each:
            from: members
            blocks:
              - text: "在职证明 {n}"
                spaceAfter: 12
              - text: "兹证明{name}在我单位工作至今，特此证明。兹证明{name}在我单位工作至今，特此证明。"
                spaceAfter: 30
              - group:
                  - text: "参保单位（盖章）"
                  - text: "2025年1月1日"
      """
    let json = "{\"members\": [\(Self.items(200) { "{\"n\": \"\($0)\", \"name\": \"张三\"}" })]}"
    let (whole, alone, _, _) = try Self.layOut(body, json)
    #expect(whole.count == 200)
    for (i, page) in alone.enumerated() {
      #expect(page.fingerprint == whole[i], "page \(i + 1)")
    }
    // Every page but the last takes the next item's page break, which ends it.
    let made = alone.dropLast().map(\.made)
    #expect(Set(made).count == 1, "slices made per page alone: \(made.prefix(3))…\(made.suffix(3))")
    #expect(made[0] < 12)
  }

  @Test("a table in an each: item that breaks across pages resumes at its row, running totals and all")
  func tableInItem() throws {
    let body = """
        - each:
            from: units
            blocks:
              - text: "单位 {name}"
                spaceAfter: 6
              - table:
                  rows: members
                  columns:
                    - { header: 序号, value: "{@index}", width: 1 }
                    - { header: 姓名, value: "{name}", width: 3 }
                    - { header: 金额, value: "{a}", width: 2 }
                  pageFoot:
                    - ["本页小计", "", "{@pageRows | sum: a}"]
                  carryFoot:
                    - [过次页, "", "{@rowsThrough | sum: a}"]
                  carryHead:
                    - [承前页, "", "{@rowsBefore | sum: a}"]
                  foot:
                    - [合计, "", "{members | sum: a}"]
      """
    let members = Self.items(90) { "{\"name\": \"会员\($0)\", \"a\": \"\($0).00\"}" }
    let json = "{\"units\": [\(Self.items(6) { "{\"name\": \"\($0)\", \"members\": [\(members)]}" })]}"
    let (whole, alone, taken, _) = try Self.layOut(body, json)
    #expect(whole.count >= 12, "each unit's table breaks across pages")
    for (i, page) in alone.enumerated() {
      #expect(page.fingerprint == whole[i], "page \(i + 1) of \(whole.count)")
    }
    // A page alone makes about a page's slices, wherever it is: never the pages before it.
    let perPage = taken / 2 / whole.count
    let most = alone.map(\.made).max() ?? 0
    #expect(most <= 2 * perPage, "at most \(most) slices for a page alone; a page has \(perPage) on average")
    #expect(alone.last!.made <= 2 * perPage)
  }

  @Test("each: with when:, items flowing several to a page, nested in another each:, resumes at its item")
  func chosenAndNestedItems() throws {
    let body = """
        - each:
            from: unions
            pageBreak: false
            blocks:
              - text: "工会 {name}"
                spaceBefore: 8
              - each:
                  from: members
                  when: "{shown}"
                  pageBreak: false
                  blocks:
                    - text: "{name}：这是一段会换行的说明文字，会在两行或三行之间断开，以便页面从一个条目的中间开始。"
                      spaceAfter: 4
      """
    let members = Self.items(60) { "{\"name\": \"会员\($0)\", \"shown\": \($0 % 3 != 0)}" }
    let json = "{\"unions\": [\(Self.items(8) { "{\"name\": \"\($0)\", \"members\": [\(members)]}" })]}"
    let (whole, alone, taken, _) = try Self.layOut(body, json)
    #expect(whole.count >= 10)
    for (i, page) in alone.enumerated() {
      #expect(page.fingerprint == whole[i], "page \(i + 1) of \(whole.count)")
      #expect(!page.fingerprint.joined().contains("会员3："), "an item left out by when: is not printed")
    }
    let perPage = taken / 2 / whole.count
    let most = alone.map(\.made).max() ?? 0
    #expect(most <= 2 * perPage, "at most \(most) slices for a page alone; a page has \(perPage) on average")
  }

  @Test("an each: in a flowing group resumes at its item; kept groups resume at their stack or the space around it")
  func eachInGroup() throws {
    let body = """
        - each:
            from: notes
            pageBreak: false
            blocks:
              - group:
                  - text: "第 {n} 条"
                    spaceBefore: 6
                  - text: "这一条分成两行，作为一组排在同一页上，不在两页之间断开。"
                spaceAfter: 10
        - group:
            - text: "以下人员："
            - each:
                from: members
                when: "{shown}"
                pageBreak: false
                blocks:
                  - text: "{name}"
          when: "{listed}"
      """
    let notes = Self.items(40) { "{\"n\": \"\($0)\"}" }
    let members = Self.items(600) { "{\"name\": \"会员\($0)\", \"shown\": \($0 % 2 == 0)}" }
    let json = "{\"listed\": true, \"notes\": [\(notes)], \"members\": [\(members)]}"
    let (whole, alone, taken, starts) = try Self.layOut(body, json)
    #expect(whole.count >= 10)
    // Pages start inside kept groups (at their stack) and inside the flowing one.
    let inGroups = starts.compactMap { $0.block == 0 ? $0.inner.first : $0 }
    #expect(inGroups.contains { $0.unit == BlockLayout.keptGroup && !$0.inner.isEmpty })
    #expect(inGroups.contains { $0.unit == BlockLayout.flowingGroup })
    for (i, page) in alone.enumerated() {
      #expect(page.fingerprint == whole[i], "page \(i + 1) of \(whole.count)")
    }
    let perPage = taken / 2 / whole.count
    let most = alone.map(\.made).max() ?? 0
    #expect(most <= 2 * perPage, "at most \(most) slices for a page alone; a page has \(perPage) on average")
  }
}
