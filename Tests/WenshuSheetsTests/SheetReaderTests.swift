import Foundation
import Testing
import WenshuLayout

@testable import WenshuSheets

/// The member lists as the offices' tools write them, read into members.
@Suite("member sheets")
struct SheetReaderTests {
  @Test(
    "a clean list from openpyxl, LibreOffice and Excel's two CSVs: the same members",
    arguments: [
      "openpyxl-members.xlsx", "libreoffice-members.xlsx", "members-utf8-bom.csv", "members-gbk.csv",
      "openpyxl-second-sheet.xlsx",
    ])
  func cleanList(file: String) throws {
    let list = try MemberSheet(try SheetFixtures.sheet(file), fields: try SheetFixtures.overAgeFields())
    #expect(list.problems == [])
    #expect(SheetFixtures.people(list) == SheetFixtures.cleanList)
  }

  @Test("a workbook whose first sheet is a 填写说明: the list is read from the sheet with the header")
  func listBehindInstructions() throws {
    #expect(try SheetFixtures.sheet("openpyxl-second-sheet.xlsx").name == "会员名单")
    #expect(try SheetFixtures.sheet("openpyxl-missing-column.xlsx").name == "Sheet1")
  }

  @Test("rows keep their sheet numbers: title and two-row header above, empty rows skipped")
  func rowNumbers() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("openpyxl-members.xlsx"), fields: try SheetFixtures.overAgeFields())
    #expect(list.rowNumbers == [4, 5, 6, 9, 10, 11])
    #expect(list.sheetName == "会员名单")
  }

  @Test("columns the document does not read are named in warnings")
  func extraColumns() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("openpyxl-members.xlsx"), fields: try SheetFixtures.overAgeFields())
    try #require(list.warnings.map(\.path) == ["会员名单!A2", "会员名单!G2"])
    #expect(list.warnings[1].message.contains("备注"))
  }

  @Test("a missing required column is named, once")
  func missingColumn() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("openpyxl-missing-column.xlsx"), fields: try SheetFixtures.overAgeFields())
    #expect(list.problems.map(\.description) == ["Sheet1: 缺少必填列“证件号码” (the required column 证件号码 is missing)"])
    #expect(list.warnings.map(\.path) == ["Sheet1!C1"])
    // The renderer's own complaint about each row's missing number is not repeated.
    #expect(list.locate(DataProblem(path: "members[0].idNumber", message: "缺少")) == nil)
  }

  @Test("bad cells: ID numbers stored as numbers, a date that is not one, Excel's 1900-02-29")
  func badCells() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("openpyxl-problems.xlsx"), fields: try SheetFixtures.overAgeFields())
    try #require(list.problems.map(\.path) == ["Sheet1!C3", "Sheet1!C4", "Sheet1!E6", "Sheet1!E7"])
    #expect(list.problems[0].message.contains("单元格存的是数字 4.10102199003072"))
    #expect(list.problems[1].message.contains("须以文本格式存储"))
    #expect(list.problems[2].message.contains("“2025-13-01”不是日期"))
    #expect(list.problems[3].message.contains("1900-02-29 不存在"))
    #expect(list.members.count == 7)
  }

  @Test("an 18-digit number is refused however it is written; a 15-digit one is exact and read")
  func idNumberCells() {
    for literal in ["410102199003072294", "4.10102199003072E+17", "4.10102199003072E+017"] {
      guard case .failure = MemberCell.idNumber(.number(literal)) else {
        Issue.record("\(literal) was read")
        continue
      }
    }
    guard case .success(let value) = MemberCell.idNumber(.number("410102900307229")) else {
      Issue.record("a 15-digit number was refused")
      return
    }
    #expect(value == .string("410102900307229"))
  }

  @Test("LibreOffice opening a CSV turns IDs into numbers: each refused, an X-final one kept")
  func libreOfficeFloatTrap() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("libreoffice-from-csv.xlsx"), fields: try SheetFixtures.overAgeFields())
    #expect(list.problems.map(\.path) == (2...6).map { "'libreoffice-from-csv'!C\($0)" })
    #expect(list.members.last?["idNumber"]?.text == "41010219900307268X")
    #expect(list.problems.allSatisfy { $0.message.contains("E+017") })
  }

  @Test("a renderer's path is shown at the clerk's cell; a mention of another member too")
  func locate() throws {
    let list = try MemberSheet(
      try SheetFixtures.sheet("openpyxl-members.xlsx"), fields: try SheetFixtures.overAgeFields())
    let problem = DataProblem(path: "members[4].idNumber", message: "与 members[1] 重复")
    #expect(list.locate(problem)?.description == "会员名单!D10: 与 会员名单 第5行 重复")
    #expect(list.locate(DataProblem(path: "members[3]", message: "x"))?.path == "会员名单 第9行")
    #expect(list.locate(DataProblem(path: "unit.name", message: "x"))?.path == "unit.name")
  }

  @Test("Excel serial dates in the 1900 system, around its false leap day")
  func serialDates() throws {
    #expect(try SheetDate.fromSerial("1", date1904: false).iso == "1900-01-01")
    #expect(try SheetDate.fromSerial("59", date1904: false).iso == "1900-02-28")
    #expect(try SheetDate.fromSerial("61", date1904: false).iso == "1900-03-01")
    #expect(try SheetDate.fromSerial("45713", date1904: false).iso == "2025-02-25")
    #expect(try SheetDate.fromSerial("45713.75", date1904: false).iso == "2025-02-25")
    #expect(try SheetDate.fromSerial("0", date1904: true).iso == "1904-01-01")
    #expect(throws: SheetDate.Failure.lotusLeapDay) { try SheetDate.fromSerial("60", date1904: false) }
  }

  @Test("dates as clerks type them", arguments: ["2025-02-25", "2025/2/25", "2025年2月25日", "2025.02.25", "20250225"])
  func textDates(text: String) throws {
    #expect(try SheetDate.fromText(text).iso == "2025-02-25")
  }

  @Test("not dates", arguments: ["2025-02-30", "25/2/2025", "二〇二五年", "2025-2"])
  func notDates(text: String) {
    #expect(throws: SheetDate.Failure.notADate) { try SheetDate.fromText(text) }
  }

  @Test(
    "header names offices use map to fields",
    arguments: [
      ("身份证号", "idNumber"), ("身份证号码", "idNumber"), ("公民身份号码", "idNumber"), ("证件号码*", "idNumber"),
      ("名字", "name"), ("姓名*", "name"), ("证件类型(身份证)*", "idType"), ("出生 日期", "birthDate"),
    ])
  func headers(header: String, field: String) {
    #expect(MemberColumns.field(forHeader: header) == field)
  }

  @Test("the template reads back: its headers are the columns, in order (inline strings)")
  func templateRoundTrip() throws {
    let fields = try SheetFixtures.overAgeFields()
    let columns = fields.map { TemplateXLSX.Column(header: MemberColumns.header(forField: $0.name)!, text: true) }
    let sheet = try XLSXReader.read(try TemplateXLSX.write(columns: columns))
    #expect(sheet.name == "会员名单")
    #expect(sheet.rows.count == 1)
    let headers = sheet.rows[0].cells.sorted { $0.key < $1.key }.map(\.value.text)
    #expect(headers.compactMap(MemberColumns.field(forHeader:)) == fields.map(\.name))
  }

  @Test("shared strings: rich-text runs joined, Excel's phonetic guide (rPh) left out")
  func sharedStrings() throws {
    let xml = """
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">\
      <si><t>证件号码</t><rPh sb="0" eb="2"><t>ショウケン</t></rPh><phoneticPr fontId="1"/></si>\
      <si><r><rPr><b/></rPr><t>姓</t></r><r><t xml:space="preserve">名 </t></r></si></sst>
      """
    #expect(try SharedStringsXML.parse(Data(xml.utf8)) == ["证件号码", "姓名 "])
  }

  @Test("not a sheet: a damaged ZIP and an old .xls say so")
  func notASheet() {
    #expect(throws: SheetError.self) { try SheetReader.read([0x50, 0x4B, 0x03, 0x04, 0, 0], fileName: "a.xlsx") }
    #expect(throws: SheetError.self) { try SheetReader.read([0xD0, 0xCF, 0x11, 0xE0, 0, 0], fileName: "a.xls") }
  }
}
