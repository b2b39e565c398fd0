import Testing

@testable import WenshuLayout

/// `when:` shows or hides blocks, table columns, list items and fields items by the data.
@Suite("Format: conditions")
struct ConditionTests {
  static let flags = #"{"group": true, "gift": false, "n": 0, "names": [], "note": ""}"#

  func text(_ body: String, _ json: String = flags) throws -> String {
    try Engine.pages(Engine.layout(body), json).map(\.text).joined()
  }

  @Test("a block is shown when its condition holds, hidden when not")
  func blocks() throws {
    let out = try text(
      """
        - text: 团体
          when: "{group}"
        - text: 赠品
          when: "{gift}"
        - text: 无人
          when: { not: "{n}" }
        - text: 两者
          when: { and: ["{group}", { not: "{gift}" }] }
        - text: 任一
          when: { or: ["{gift}", "{names}", "{note}"] }
      """)
    #expect(out.contains("团体"))
    #expect(!out.contains("赠品"))
    #expect(out.contains("无人"))
    #expect(out.contains("两者"))
    #expect(!out.contains("任一"), "false, [] and \"\" are all false")
  }

  @Test("an absent optional field is false; a number other than 0 is true")
  func absentAndNumbers() throws {
    let out = try text(
      """
        - text: 有备注
          when: "{remark}"
        - text: 有人数
          when: "{count}"
      """, #"{"count": 3}"#)
    #expect(!out.contains("有备注"))
    #expect(out.contains("有人数"))
  }

  @Test("a hidden column is gone from every row and the others share its width")
  func columns() throws {
    let layout = Engine.layout(
      """
        - table:
            rows: rows
            columns:
              - { header: 姓名, value: "{name}", width: 1 }
              - { header: 赠品, value: "{present}", width: 1, when: "{gift}" }
              - { header: 金额, value: "{amount}", width: 1, align: right }
      """)
    let json = { (gift: Bool) in
      #"{"gift": \#(gift), "rows": [{"name": "张三", "present": "毛巾", "amount": "80.00"}]}"#
    }
    let hidden = try Engine.pages(layout, json(false))[0]
    #expect(!hidden.text.contains("赠品") && !hidden.text.contains("毛巾"))
    let shown = try Engine.pages(layout, json(true))[0]
    #expect(shown.text.contains("赠品") && shown.text.contains("毛巾"))
    // Right-aligned 金额 ends at the table's right edge either way; 姓名's cell is wider when hidden:
    // the amount's right edge is the same, and the name column grows by half the hidden one.
    func x(_ page: Page, _ text: String) -> Double? {
      for case .glyphs(let line, let at, _) in page.items where line.text == text { return at.x + line.width }
      return nil
    }
    let right1 = try #require(x(hidden, "80.00"))
    let right2 = try #require(x(shown, "80.00"))
    #expect(abs(right1 - right2) < 0.01)
    func left(_ page: Page, _ text: String) -> Double? {
      for case .glyphs(let line, let at, _) in page.items where line.text == text { return at.x }
      return nil
    }
    let header1 = try #require(left(hidden, "金额"))
    let header2 = try #require(left(shown, "金额"))
    #expect(header1 < header2, "金额's column starts further left when 赠品 is hidden (\(header1) vs \(header2))")
  }

  @Test("list items and fields items are shown by their own conditions")
  func itemsAndFields() throws {
    let out = try text(
      """
        - list:
            items:
              - 总是
              - { text: 团体才有, when: "{group}" }
              - { text: 赠品才有, when: "{gift}" }
            marker: "{@index}."
        - list:
            from: people
            item: "{name}"
            when: "{adult}"
        - fields:
            columns: 2
            items:
              - { label: "甲：", value: 一 }
              - { label: "乙：", value: 二, when: "{gift}" }
              - { label: "丙：", value: 三 }
      """,
      #"{"group": true, "gift": false, "people": [{"name": "大人", "adult": true}, {"name": "小孩", "adult": false}]}"#)
    #expect(out.contains("团体才有") && !out.contains("赠品才有"))
    #expect(out.contains("2.") && !out.contains("3."), "numbering counts the shown items: \(out)")
    #expect(out.contains("大人") && !out.contains("小孩"))
    #expect(out.contains("丙：三") && !out.contains("乙："))
  }

  @Test("check and yesno print a flag")
  func flagFormatters() throws {
    let out = try text(#"  - text: "{group | check}{gift | check} {group | yesno}{gift | yesno}""#)
    #expect(out.contains("☑☐ 是否"), "\(out)")
  }

  @Test("a condition without a field, or an unknown operator, is refused at load")
  func refusedAtLoad() throws {
    #expect(throws: LayoutError.self) { try Engine.parse(Engine.layout("  - text: a\n    when: 总是\n")) }
    do {
      _ = try Engine.parse(Engine.layout("  - text: a\n    when: { nto: \"{x}\" }\n"))
      Issue.record("accepted 'nto'")
    } catch {
      #expect("\(error)".contains("did you mean 'not'"), "\(error)")
    }
  }

  @Test("a column with when: in a table with head: rows is refused at load")
  func columnWithHead() throws {
    let yaml = Engine.layout(
      """
        - table:
            rows: rows
            head: [[a, b]]
            columns:
              - { value: "{a}" }
              - { value: "{b}", when: "{gift}" }
      """)
    #expect(throws: LayoutError.self) { try Engine.parse(yaml) }
  }
}
