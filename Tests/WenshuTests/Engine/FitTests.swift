import Foundation
import Testing

@testable import WenshuLayout

/// A form that must fit its page (`pages: 1`) is refused, never spilled, naming the block and
/// the overflow; a block that keeps with the one before it never starts a page.
@Suite("Engine: forms that fit their pages")
struct FitTests {
  static func form(pages: String = "pages: 1") -> String {
    Engine.layout(
      """
        - title: 申领审批表
        - table:
            rows: items
            columns: [{ header: 附件, value: "{name}" }]
        - signatures:
            items: [申请人签字, 审批人签字]
          keepWithPrevious: true
      """, extra: pages)
  }

  static func items(_ n: Int) -> String {
    "{\"items\": [" + (0..<n).map { "{\"name\": \"附件\($0 + 1)\"}" }.joined(separator: ",") + "]}"
  }

  @Test("a one-page form that fits prints on one page")
  func fits() throws {
    #expect(try Engine.pages(Self.form(), Self.items(5)).count == 1)
  }

  @Test("a one-page form whose content would spill is refused, naming the block and the overflow in mm")
  func spillRefused() throws {
    let problems = try #require(try Engine.problems(Self.form(), Self.items(40)), "refused, not printed on 2 pages")
    let fit = try #require(problems.first { $0.message.contains("pages: 1") }, "\(problems)")
    #expect(fit.message.contains("test.yaml:"), "names the layout line: \(fit)")
    let mm = try #require(fit.message.firstMatch(of: /超出 ([0-9.]+) mm/)).1
    #expect(Double(mm)! > 10, "the overflow in mm: \(fit.message)")
    // Without the limit the same data takes a second page: the refusal is the limit's.
    #expect(try Engine.pages(Self.form(pages: ""), Self.items(40)).count > 1)
  }

  @Test("the overflow names the row where the content crosses the page's foot")
  func names() throws {
    let problems = try #require(try Engine.problems(Self.form(), Self.items(40)))
    let fit = try #require(problems.first { $0.message.contains("pages: 1") })
    #expect(fit.path.hasPrefix("items["), "the data path of the first row past the page: \(fit.path)")
  }

  @Test("a block kept with the previous one moves to the next page with it, never alone at a page's top")
  func keepWithPrevious() throws {
    // Rows enough that the signatures would just fit under the last row... or not: for each
    // count the signatures share a page with the last row.
    for n in 10...40 {
      let pages = try Engine.pages(Self.form(pages: ""), Self.items(n))
      let page = try #require(pages.firstIndex { $0.lines.contains("申请人签字") })
      #expect(pages[page].lines.contains("附件\(n)"), "\(n) rows: the signatures stand under the last row")
    }
  }
}
