import Foundation
import Testing
import WenshuLayout
import WenshuRender

/// The 确认书 end to end: what the unit signs and keeps as a legal record.
@Suite("确认书", .serialized)
struct ConfirmationTests {
  static let big: [UInt8] =
    (try? Fixtures.withRenderer {
      try $0.renderPDF(document: "confirmation", json: try Fixtures.sample("confirmation", "henan-2000"))
    }) ?? []

  func pagesText(_ pdf: [UInt8]) throws -> [String] {
    let text = try run("pdftotext", ["-layout", "-", "-"], stdin: pdf).stdout
    // pdftotext's spacing varies: fold runs of spaces into one.
    let folded = String(decoding: text, as: UTF8.self).replacing(/\ +/, with: " ")
    var pages = folded.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
  }

  @Test("2,000 members: page numbers and count on every page, member-list header on every member page")
  func bigListPages() throws {
    let pages = try pagesText(Self.big)
    #expect(pages.count > 30)
    for (i, page) in pages.enumerated() {
      #expect(page.contains("第 \(i + 1) 页 共 \(pages.count) 页"), "page \(i + 1) lacks its number and count")
      if i > 0 { #expect(page.contains("序号"), "member page \(i + 1) lacks the header row") }
      if i > 1 { #expect(page.contains("会员名单（续）"), "page \(i + 1) lacks the continuation caption") }
    }
    #expect(pages.last!.contains("单位领导"))
    #expect(pages.last!.contains("河南省办事处（盖章）"))
    #expect(pages.last!.contains("打印时间：2025-02-25"))
    #expect(pages[0].contains("单位经办人签字"))
  }

  @Test("2,000 members: every name is drawn, in order")
  func everyNameDrawn() throws {
    let data = try JSONReader.parse(try Fixtures.sample("confirmation", "henan-2000"))
    guard case .array(let members)? = data["members"] else { Issue.record("no members"); return }
    #expect(members.count == 2000)
    let text = try run("pdftotext", ["-raw", "-", "-"], stdin: Self.big).stdout
    let all = String(decoding: text, as: UTF8.self)
    var cursor = all.startIndex
    for (i, member) in members.enumerated() {
      let name = member["name"]?.text ?? ""
      guard let found = all.range(of: name, range: cursor..<all.endIndex) else {
        Issue.record("members[\(i)] not found in the text (name withheld)")
        return
      }
      cursor = found.upperBound
    }
  }

  @Test("only embedded fonts")
  func fontsEmbedded() throws {
    let out = String(decoding: try run("pdffonts", ["-"], stdin: Self.big).stdout, as: UTF8.self)
    let rows = out.split(separator: "\n").dropFirst(2)
    #expect(!rows.isEmpty)
    for row in rows {
      let columns = row.split(separator: " ", omittingEmptySubsequences: true)
      // name type [encoding...] emb sub uni object ID: "emb" is the 5th field from the end.
      #expect(columns.count >= 6 && columns[columns.count - 5] == "yes", "font not embedded: \(row)")
    }
  }

  @Test("the same input gives the same bytes")
  func deterministic() throws {
    let again = try Fixtures.withRenderer {
      try $0.renderPDF(document: "confirmation", json: try Fixtures.sample("confirmation", "henan-2000"))
    }
    #expect(!Self.big.isEmpty)
    #expect(again == Self.big)
  }

  @Test("pages drawn on a second thread while the rest are laid out give the bytes of drawing after layout")
  func drawnAlongsideLayout() throws {
    let whole = try Fixtures.withRenderer {
      try PDFRenderer.render(
        $0.layOut(document: "confirmation", json: try Fixtures.sample("confirmation", "henan-2000")))
    }
    #expect(whole.count > 100_000)
    #expect(whole == Self.big)
  }

  @Test("a total that disagrees with the activities is rejected")
  func totalMismatch() throws {
    var json = String(decoding: try Fixtures.sample("confirmation", "henan-12"), as: UTF8.self)
    json = json.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"961.00\"")
    let problems = try renderProblems(json)
    #expect(problems.contains { $0.path == "total" && $0.message.contains("不符") })
  }

  @Test("a character no font has names the character, code point and field")
  func missingGlyph() throws {
    var json = String(decoding: try Fixtures.sample("confirmation", "henan-12"), as: UTF8.self)
    let firstName = try #require(
      json.range(of: "\"name\" : \"", range: json.range(of: "\"members\"")!.upperBound..<json.endIndex))
    json.insert(contentsOf: "\u{2A6D7}", at: firstName.upperBound)
    let problems = try renderProblems(json)
    #expect(
      problems.map(\.description).contains(
        "members[0].name: U+2A6D7 '\u{2A6D7}' has no glyph in any bundled font (字库中没有此字)"))
  }

  @Test("every problem in the data is reported at once, each with its path")
  func everyProblemAtOnce() throws {
    guard case .object(var data) = try JSONReader.parse(try Fixtures.sample("confirmation", "henan-12")),
      case .array(var members)? = data["members"], case .object(var unit)? = data["unit"]
    else { Issue.record("sample shape"); return }
    guard case .object(var m3) = members[3], case .object(var m5) = members[5], case .object(var m7) = members[7],
      case .string(let id)? = m3["idNumber"]
    else { Issue.record("sample shape: members 3, 5 and 7 as objects, member 3 with an idNumber"); return }
    let wrongCheck: Character = id.last == "0" ? "1" : "0"
    m3["idNumber"] = .string(String(id.dropLast()) + String(wrongCheck))
    m5["sex"] = .string("M")
    m7["nmae"] = .string("typo")
    members[3] = .object(m3); members[5] = .object(m5); members[7] = .object(m7)
    unit["phone"] = nil
    data["members"] = .array(members)
    data["unit"] = .object(unit)
    data["total"] = .string("12.345")
    let problems = try renderProblems(JSONWriter.text(.object(data))).map(\.description)
    #expect(problems.contains { $0.hasPrefix("members[3].idNumber: 校验位错误，应为 ") })
    #expect(problems.contains { $0.hasPrefix("members[5].sex: ") })
    #expect(problems.contains { $0.hasPrefix("members[7].nmae: 未知字段") })
    #expect(problems.contains { $0.hasPrefix("unit.phone: 缺少此项") })
    #expect(problems.contains { $0.hasPrefix("total: 金额最多两位小数") })
    #expect(problems.count == 5)
    // Personal data stays out of the messages: the ID number itself is never echoed.
    #expect(!problems.joined().contains(id))
  }

  @Test("rare characters and middle dots are drawn")
  func rareCharacters() throws {
    let text = String(decoding: try run("pdftotext", ["-", "-"], stdin: Self.big).stdout, as: UTF8.self)
    for name in ["买买提·艾力", "李䶮", "王𠇔", "张𪚥"] { #expect(text.contains(name), "\(name) missing") }
  }

  @Test("markup in the data prints literally")
  func markupLiteral() throws {
    var json = String(decoding: try Fixtures.sample("confirmation", "henan-12"), as: UTF8.self)
    json = json.replacingOccurrences(of: "郑州市金水区第一实验小学工会", with: "<b>工会</b> &amp; </span>")
    let pdf = try Fixtures.withRenderer { try $0.renderPDF(document: "confirmation", json: Array(json.utf8)) }
    let text = String(decoding: try run("pdftotext", ["-", "-"], stdin: pdf).stdout, as: UTF8.self)
    #expect(text.contains("<b>工会</b> &amp; </span>"))
  }

  func renderProblems(_ json: String) throws -> [DataProblem] {
    try Fixtures.withRenderer { renderer in
      do {
        _ = try renderer.renderPDF(document: "confirmation", json: Array(json.utf8))
        Issue.record("render succeeded")
        return []
      } catch let error as RenderFailure {
        guard case .data(let problems) = error else { Issue.record("unexpected \(error)"); return [] }
        return problems
      }
    }
  }
}
