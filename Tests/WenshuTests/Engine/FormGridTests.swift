import Foundation
import Graphics
import Testing

@testable import WenshuLayout

/// A boxed form (`form:`): cells on one grid, spans, label defaults set once, ☐/☑ from an
/// enumerated field, and signature boxes with a caption and a date line.
@Suite("Engine: form grids")
struct FormGridTests {
  static let data = """
    { "name": "陈丽华", "kind": "住院医疗", "items": ["住院津贴", "特殊病种门诊费用"], "reason": "急病住院" }
    """
  static let declared = """
    data:
      name: text
      kind: { enum: [住院医疗, 重大疾病, 意外伤害] }
      items: [{ enum: [住院医疗费用, 住院津贴, 特殊病种门诊费用] }]
      reason: text
    """

  static func form(_ rows: String, label: String = "label: { fill: \"#f0f0f0\" }") -> String {
    Engine.layout(
      """
        - form:
            columns: [1, 2, 1, 2]
            \(label)
            rows:
      \(rows)
      """, extra: declared)
  }

  /// The boxes (fills) on the page, as rectangles.
  static func fills(_ page: Page) -> [Rect] {
    page.items.compactMap { if case .box(let r, _) = $0 { r } else { nil } }
  }

  /// The glyph line `text`'s origin.
  static func at(_ text: String, _ page: Page) -> Point? {
    for case .glyphs(let line, let at, _) in page.items where line.text == text { return at }
    return nil
  }

  @Test("cells sit on one grid: a value spanning three columns starts where its column does")
  func grid() throws {
    let pages = try Engine.pages(
      Self.form(
        """
                - [{ label: 姓名 }, "{name}", { label: 类别 }, "{kind}"]
                - [{ label: 事由 }, { text: "{reason}", span: 3 }]
        """), Self.data)
    let name = try #require(Self.at("陈丽华", pages[0]))
    let reason = try #require(Self.at("急病住院", pages[0]))
    #expect(abs(name.x - reason.x) < 0.01, "both value cells start on the grid's second column")
    #expect(reason.y > name.y + 5, "one row under the other")
  }

  @Test("label cells take the form's shade, set once; value cells none")
  func labelDefaults() throws {
    let rows = """
              - [{ label: 姓名 }, "{name}", { label: 类别 }, "{kind}"]
      """
    let shaded = try Engine.pages(Self.form(rows), Self.data)
    #expect(Self.fills(shaded[0]).count == 2, "the two label cells are shaded: \(Self.fills(shaded[0]))")
    let plain = try Engine.pages(Self.form(rows, label: ""), Self.data)
    #expect(Self.fills(plain[0]).isEmpty)
  }

  @Test("a choices cell marks the data's choice ☑ and the others ☐: one for an enum, several for a list")
  func choices() throws {
    let pages = try Engine.pages(
      Self.form(
        """
                - [{ label: 类别 }, { choices: kind, span: 3 }]
                - [{ label: 项目 }, { choices: items, span: 3 }]
        """), Self.data)
    let text = pages[0].text
    #expect(text.contains("☑ 住院医疗　☐ 重大疾病　☐ 意外伤害"), "\(text)")
    #expect(text.contains("☐ 住院医疗费用　☑ 住院津贴　☑ 特殊病种门诊费用"), "\(text)")
  }

  @Test("choices of a field not declared as an enum are refused when the layout is loaded")
  func choicesNeedAnEnum() throws {
    let layout = Self.form(
      """
              - [{ label: 姓名 }, { choices: name, span: 3 }]
      """)
    let error = #expect(throws: LayoutError.self) { try Engine.parse(layout) }
    #expect(error?.message.contains("enum") == true)
    let line = layout.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.contains("choices: name")
    }
    #expect(error?.line == line.map { $0 + 1 }, "the cell's line: \(String(describing: error))")
  }

  @Test("three signature boxes stand in one row: caption at the top, 年 月 日 at the foot, as tall as asked")
  func signatureRow() throws {
    let pages = try Engine.pages(
      Self.form(
        """
                - [{ sign: 申请人, span: 2, date: true, height: 30mm }, { sign: 单位, date: true }, { sign: 审批, date: true }]
        """), Self.data)
    let captions = try ["申请人", "单位", "审批"].map { try #require(Self.at($0, pages[0])) }
    #expect(Set(captions.map { ($0.y * 100).rounded() }).count == 1, "one row: \(captions)")
    #expect(captions[0].x < captions[1].x && captions[1].x < captions[2].x)
    let dates = pages[0].items.compactMap { item -> Point? in
      if case .glyphs(let line, let at, _) = item, line.text.contains("年") { return at }
      return nil
    }
    #expect(dates.count == 3, "a date line in each box")
    let height = try #require(dates.first).y - captions[0].y
    #expect(height > 30 * 72 / 25.4 - 30, "the date line at the foot of a 30 mm box: \(height) pt below the caption")
  }

  @Test("a row that does not cover the grid, or a cell spanning past it, is refused with its line")
  func coverage() throws {
    let short = Self.form(
      """
              - [{ label: 姓名 }, "{name}"]
      """)
    #expect(throws: LayoutError.self) { try Engine.parse(short) }
    let long = Self.form(
      """
              - [{ label: 姓名 }, { text: "{name}", span: 4 }]
      """)
    #expect(throws: LayoutError.self) { try Engine.parse(long) }
  }
}
