import Foundation
import Testing
import WenshuLayout

@testable import WenshuSheets

/// A cell that holds no typed value — an error (`#N/A`), a boolean, a formula — is refused at
/// the cell in a text column, rather than printed as a name (issue 21: `#N/A`, `TRUE`, `=1+1`).
@Suite("member sheets: cells that are not text")
struct CellKindTests {
  static func inline(_ ref: String, _ text: String) -> String {
    #"<c r="\#(ref)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
  }

  @Test("error, boolean and formula cells in the name column are refused at their cells")
  func refusedAtTheCell() throws {
    let rows = [
      "<row r=\"1\">" + Self.inline("A1", "姓名") + Self.inline("B1", "证件号码") + "</row>",
      "<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#N/A</v></c>" + Self.inline("B2", "410303199307043877") + "</row>",
      "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c>" + Self.inline("B3", "411103197007043729") + "</row>",
      "<row r=\"4\"><c r=\"A4\"><f>1+1</f><v>2</v></c>" + Self.inline("B4", "410105197009233421") + "</row>",
      "<row r=\"5\"><c r=\"A5\" t=\"str\"><f>C5&amp;\"x\"</f><v>张三x</v></c>" + Self.inline("B5", "410102196205150013")
        + "</row>",
      "<row r=\"6\">" + Self.inline("A6", "冯丽") + Self.inline("B6", "41010219900307268X") + "</row>",
    ]
    let xml =
      #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
      + rows.joined() + "</sheetData></worksheet>"
    let sheet = try WorksheetXML.parse(Data(xml.utf8), name: "会员名单", sharedStrings: [])
    let list = try MemberSheet(sheet, fields: try SheetFixtures.overAgeFields())
    let byCell = Dictionary(list.problems.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
    #expect(byCell["会员名单!A2"]?.contains("单元格是公式错误 #N/A") == true, "\(list.problems)")
    #expect(byCell["会员名单!A3"]?.contains("单元格是逻辑值 TRUE") == true, "\(list.problems)")
    #expect(byCell["会员名单!A4"]?.contains("单元格是公式 =1+1") == true, "\(list.problems)")
    #expect(byCell["会员名单!A5"]?.contains("单元格是公式 =C5&\"x\"") == true, "\(list.problems)")
    #expect(byCell["会员名单!A6"] == nil, "a typed name is read: \(list.problems)")
    #expect(!list.members.contains { ["#N/A", "TRUE", "2", "张三x"].contains($0["name"]?.text ?? "") })
  }

  @Test("a CSV cell written as a formula (=1+1) is refused in a text column")
  func csvFormula() throws {
    let csv = "姓名,证件号码\n=1+1,410303199307043877\n冯丽,41010219900307268X\n"
    let sheet = try SheetReader.read(Array(csv.utf8), fileName: "名单.csv")
    let list = try MemberSheet(sheet, fields: try SheetFixtures.overAgeFields())
    #expect(
      list.problems.contains { $0.path.hasSuffix("!A2") && $0.message.contains("单元格是公式 =1+1") }, "\(list.problems)")
  }

  @Test("an error cell in a date column is refused too; a date column may hold a formula's date")
  func dateColumn() {
    #expect(MemberCell.notData(.error("#VALUE!"), textColumn: false) != nil)
    #expect(MemberCell.notData(.formula("DATE(1960,1,2)", result: "21917"), textColumn: false) == nil)
    #expect(MemberCell.notData(.bool(false), textColumn: false) == nil)
  }
}
