import Testing

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
