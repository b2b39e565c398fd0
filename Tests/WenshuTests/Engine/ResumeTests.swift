import Foundation
import Graphics
import Testing
import WenshuDocuments

@testable import WenshuLayout

@Suite("Resume points: a page laid out alone from its record, two passes at most")
struct ResumeTests {
  /// The sample `document/name`, parsed and prepared, while the renderer is held.
  static func withPrepared(_ id: String, _ body: (PreparedDocument) throws -> Void) throws {
    let parts = id.split(separator: "/").map(String.init)
    try Fixtures.withRenderer { renderer in
      let json = try Fixtures.sample(parts[0], parts[1])
      try body(try renderer.prepare(document: parts[0], data: try renderer.parse(document: parts[0], json: json)))
    }
  }

  @Test(
    "a page laid out from its record alone equals that page of the whole layout",
    arguments: Fixtures.samples.map { "\($0.0)/\($0.1)" })
  func pageAloneEqualsWhole(_ id: String) throws {
    try Self.withPrepared(id) { prepared in
      var whole: [[String]] = []
      try prepared.forEachPage { whole.append(Self.fingerprint($0)) }
      let count = whole.count
      for number in Set([1, 2, 3, count / 2, count - 1, count]) where (1...count).contains(number) {
        #expect(Self.fingerprint(try prepared.page(number)) == whole[number - 1], "\(id) page \(number) of \(count)")
      }
    }
  }

  @Test("every page of a layout with split rows, per-page rows, page numbers and each: alone equals the whole")
  func everyPageAlone() throws {
    let long = String(repeating: "很长的说明文字，", count: 150)
    var rows: [String] = []
    for i in 1...40 { rows.append("{\"n\": \"\(i)\", \"a\": \"\(i).00\", \"note\": \"\(i == 7 ? long : "短")\"}") }
    let body = """
        - text: "本文件共 {@pages} 页，本页为第 {@page} 页"
          spaceBefore: 6
          spaceAfter: 6
        - table:
            rows: rows
            columns:
              - { header: 序号, value: "{n}", width: 1 }
              - { header: 说明, value: "{note}", width: 4 }
              - { header: 金额, value: "{a}", width: 2 }
            pageFoot:
              - ["本页小计", "第 {@page} 页", "{@pageRows | sum: a}"]
            carryFoot:
              - [过次页, "", "{@rowsThrough | sum: a}"]
            carryHead:
              - [承前页, "", "{@rowsBefore | sum: a}"]
          spaceAfter: 10
        - each:
            from: rows
            pageBreak: true
            blocks:
              - text: "第 {n} 项在第 {@page} 页"
      """
    let layout = try Engine.parse(Engine.layout(body))
    let data = try JSONReader.parse(Array("{\"rows\": [\(rows.joined(separator: ","))]}".utf8))
    try Engine.withFonts { fonts in
      let engine = LayoutEngine(
        layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
      let prepared = try engine.prepare(data)
      var whole: [[String]] = []
      try prepared.forEachPage { whole.append(Self.fingerprint($0)) }
      #expect(whole.count > 40)
      #expect(prepared.records.contains { ($0.start?.part ?? 0) > 0 }, "a row split across pages resumes inside it")
      for number in 1...whole.count {
        #expect(Self.fingerprint(try prepared.page(number)) == whole[number - 1], "page \(number) of \(whole.count)")
      }
    }
  }

  @Test("a page alone takes only the slices of its own page, not those of the pages before it")
  func pageAloneIsCheap() throws {
    try Fixtures.withRenderer { renderer in
      let json = try Fixtures.sample("confirmation", "henan-2000")
      let prepared = try renderer.prepare(
        document: "confirmation", data: try renderer.parse(document: "confirmation", json: json))
      let whole = prepared.engine.slicesTaken
      #expect(prepared.pageCount > 40)
      let before = prepared.engine.slicesTaken
      _ = try prepared.page(prepared.pageCount - 1)
      let alone = prepared.engine.slicesTaken - before
      #expect(alone > 0)
      #expect(alone * 10 < whole, "one page took \(alone) slices; the whole body has \(whole)")
    }
  }

  @Test(
    "the body is laid out in two passes at most, a page count printed in it included",
    arguments: Fixtures.samples.map { "\($0.0)/\($0.1)" })
  func twoPasses(_ id: String) throws {
    try Self.withPrepared(id) { prepared in
      try prepared.forEachPage { _ in }
      #expect(prepared.engine.passes == 2)
    }
  }

  @Test("a page count printed in the body that lengthens a line past what was measured is refused")
  func pageCountOutgrowsItsRoom() throws {
    // Measured with a two-digit count, the line just fits; with 100+ pages it wraps.
    let body = """
        - text: "{filler}共 {@pages} 页"
        - each:
            from: rows
            pageBreak: true
            blocks:
              - text: "{n}"
      """
    let rows = (1...120).map { "{\"n\": \"\($0)\"}" }.joined(separator: ",")
    let layout = try Engine.parse(Engine.layout(body))
    try Engine.withFonts { fonts in
      let engine = LayoutEngine(
        layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
      // Widen the filler until the line with “88” is exactly one line and with the real count two.
      var filler = ""
      var failure: RenderFailure?
      for _ in 0..<200 {
        filler += "字"
        let data = try JSONReader.parse(Array("{\"filler\": \"\(filler)\", \"rows\": [\(rows)]}".utf8))
        let prepared = try engine.prepare(data)
        do throws(RenderFailure) {
          try prepared.forEachPage { _ in }
        } catch {
          failure = error
          break
        }
      }
      guard case .data(let problems)? = failure else {
        Issue.record("no filler made the line outgrow its room: \(String(describing: failure))")
        return
      }
      #expect(problems.contains { $0.message.contains("页码改变了版面") || $0.message.contains("比预留的高") })
    }
  }

  /// Every item of a page as text: positions, glyphs, colours, pictures' sizes.
  static func fingerprint(_ page: Page) -> [String] {
    var out = ["page \(page.size)"]
    func walk(_ items: [PageItem], _ depth: Int) {
      for item in items {
        switch item {
        case .glyphs(let line, let at, let color):
          out.append(
            "\(depth) glyphs \(at) \(color) \(line.text) \(line.width) "
              + line.glyphs.map { "\($0.face.rawValue):\($0.index)@\($0.x),\($0.y)" }.joined(separator: " "))
        case .rule(let from, let to, let width): out.append("\(depth) rule \(from) \(to) \(width)")
        case .box(let rect, let fill): out.append("\(depth) box \(rect) \(fill)")
        case .picture(let picture, let rect):
          out.append("\(depth) picture \(picture.pixelWidth)×\(picture.pixelHeight) \(rect)")
        case .group(let group):
          out.append("\(depth) group \(group.transform) \(group.opacity) \(group.bounds)")
          walk(group.items, depth + 1)
        }
      }
    }
    walk(page.items, 0)
    return out
  }
}
