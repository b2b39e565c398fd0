import Foundation
import Testing
import WenshuLayout
import WenshuTestSupport

@testable import WenshuSheets

/// Limits that count what arrives, and reads that stop when their request does.
@Suite("member sheet limits")
struct SheetLimitTests {
  @Test("a ZIP entry declared as 2.9 kB that inflates to 80 MiB is refused once 64 MiB have come out")
  func zipBomb() throws {
    let bomb = try WenshuTestSupport.zipBomb(inflatedMiB: 80)
    #expect(bomb.count < 1 << 20, "the bomb is small: \(bomb.count) bytes")
    #expect {
      try SheetReader.read(bomb, fileName: "bomb.xlsx")
    } throws: { error in
      (error as? SheetError)?.message.contains("inflates to over 64 MiB") == true
    }
  }

  @Test("a workbook just under the limit is read (the limit counts the parts, not the file)")
  func underTheLimit() throws {
    let sheet = try SheetReader.read(try WenshuTestSupport.zipBomb(inflatedMiB: 1), fileName: "spaces.xlsx")
    #expect(sheet.rows.isEmpty)
  }

  @Test("a stopped request stops a CSV read part-way (a 4 MB list, stopped before it starts)")
  func stoppedCSV() throws {
    let row = "张三,身份证,410102199003072294,男,1990-03-07\n"
    let csv = Array(("姓名,证件类型,证件号码,性别,出生日期\n" + String(repeating: row, count: 80_000)).utf8)
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try SheetReader.read(csv, fileName: "members.csv", cancellation: stop)
    } throws: { error in
      (error as? SheetError)?.isStopped == true
    }
    // Not stopped, it reads every row.
    #expect(try SheetReader.read(csv, fileName: "members.csv").rows.count == 80_001)
  }

  @Test("a stopped request stops an xlsx read while it inflates")
  func stoppedXLSX() throws {
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try SheetReader.read(try SheetFixtures.bytes("openpyxl-members.xlsx"), fileName: "m.xlsx", cancellation: stop)
    } throws: { error in
      (error as? SheetError)?.isStopped == true
    }
  }

  @Test("a stopped request stops parsing a worksheet's XML")
  func stoppedWorksheet() throws {
    let cells = String(repeating: #"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#, count: 20_000)
    let xml = Data(("<worksheet><sheetData>" + cells + "</sheetData></worksheet>").utf8)
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try WorksheetXML.parse(xml, name: "Sheet1", sharedStrings: [], cancellation: stop)
    } throws: { error in
      (error as? SheetError)?.isStopped == true
    }
    #expect(try WorksheetXML.parse(xml, name: "Sheet1", sharedStrings: []).rows.count == 20_000)
  }

  @Test("a stopped request stops parsing the shared strings")
  func stoppedSharedStrings() throws {
    let xml = Data(("<sst>" + String(repeating: "<si><t>x</t></si>", count: 20_000) + "</sst>").utf8)
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try SharedStringsXML.parse(xml, cancellation: stop)
    } throws: { error in
      (error as? SheetError)?.isStopped == true
    }
    #expect(try SharedStringsXML.parse(xml).count == 20_000)
  }

  @Test("a stopped request stops making the sheet's rows into members")
  func stoppedMemberRows() throws {
    let header = SheetRow(number: 1, cells: [0: .text("姓名"), 1: .text("证件号码")])
    let rows = (2...5_001).map { SheetRow(number: $0, cells: [0: .text("张三"), 1: .text("11010519491231002X")]) }
    let sheet = Sheet(name: "Sheet1", rows: [header] + rows)
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try MemberSheet(sheet, fields: try SheetFixtures.overAgeFields(), cancellation: stop)
    } throws: { error in
      (error as? SheetError)?.isStopped == true
    }
    #expect(try MemberSheet(sheet, fields: try SheetFixtures.overAgeFields()).members.count == 5_000)
  }
}
