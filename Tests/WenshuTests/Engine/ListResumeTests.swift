import Testing
import WenshuDocuments

@testable import WenshuLayout

@Suite("A list bound to an array resumes at its item: a page laid out alone makes only its own slices")
struct ListResumeTests {
  /// Items of two or three lines, numbered by `{@index}`, some left out by `when:`.
  static let members = EachResumeTests.items(900) {
    "{\"name\": \"会员\($0)\", \"shown\": \($0 % 4 != 0)}"
  }
  static func check(_ body: String, _ json: String) throws {
    let (whole, alone, taken, _) = try EachResumeTests.layOut(body, json)
    #expect(whole.count >= 20, "the list runs over many pages")
    for (i, page) in alone.enumerated() {
      #expect(page.fingerprint == whole[i], "page \(i + 1) of \(whole.count)")
      #expect(!page.fingerprint.joined().contains("会员4："), "an item left out by when: is not printed")
    }
    // A page alone makes about a page's slices, wherever it is: never the pages before it.
    let perPage = taken / 2 / whole.count
    let made = alone.map(\.made)
    #expect(made.max()! <= 2 * perPage, "at most \(made.max()!) slices for a page alone; a page has \(perPage)")
    #expect(made.last! <= 2 * perPage)
  }

  @Test("at the top level")
  func topLevel() throws {
    let body = """
        - text: "名单"
        - list:
            from: members
            when: "{shown}"
            marker: "{@index}."
            item: "{name}：这是一段会换行的说明文字，会在两行或三行之间断开，以便页面从一个条目的中间开始。"
          spaceAfter: 8
        - text: "以上共计。"
      """
    try Self.check(body, "{\"members\": [\(Self.members)]}")
  }

  @Test("inside a flowing group and an each: item")
  func nested() throws {
    let body = """
        - each:
            from: units
            blocks:
              - text: "单位 {n}"
              - group:
                  - list:
                      from: members
                      when: "{shown}"
                      marker: "{@index}."
                      item: "{name}：这是一段会换行的说明文字，会在两行或三行之间断开，以便页面从一个条目的中间开始。"
      """
    let unit = { (n: Int) in "{\"n\": \(n), \"members\": [\(Self.members)]}" }
    try Self.check(body, "{\"units\": [\(unit(1)), \(unit(2))]}")
  }
}

@Suite("A long list whose items print their page number makes each item again, not the whole list per page")
struct PageNumberedListTests {
  @Test("a page number in a bound list's items: the work made again grows with the list, not with its square")
  func linear() throws {
    let body = """
        - list:
            from: members
            item: "{name}（第 {@page} 页，共 {@pages} 页）"
      """
    let members = EachResumeTests.items(1500) { "{\"name\": \"会员\($0)\"}" }
    let layout = try Engine.parse(Engine.layout(body))
    let data = try JSONReader.parse(Array("{\"members\": [\(members)]}".utf8))
    try Engine.withFonts { fonts in
      let engine = LayoutEngine(layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters)
      let prepared = try engine.prepare(data)
      var pages: [[String]] = []
      try prepared.forEachPage { pages.append(ResumeTests.fingerprint($0)) }
      #expect(pages.count > 20)
      let texts = pages.map { $0.joined() }
      #expect(texts[0].contains("会员1（第 1 页，共 \(pages.count) 页）"))
      #expect(texts[pages.count - 1].contains("会员1500（第 \(pages.count) 页，共 \(pages.count) 页）"))
      // Each item is made again once per pass for its page: about 1,500 a pass, two passes.
      // Made again whole for every page, the list cost pages × 1,500 (over 30,000).
      #expect(engine.slicesSkipped.count <= 4 * 1500, "\(engine.slicesSkipped.count) slices made again")
    }
  }
}
