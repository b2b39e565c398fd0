import Foundation
import Testing
import WenshuLayout

@testable import WenshuSheets

/// `--failed-rows`: the rows that failed handed back to the clerk, read by openpyxl and
/// LibreOffice as a clerk's Excel would, fixed and imported again.
@Suite("failed rows handed back", .serialized)
struct FailedRowsTests {
  static let formula = #"=HYPERLINK("http://example.com","点我")"#

  /// A valid resident ID number from its first 17 digits.
  static func idNumber(_ prefix17: String) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(prefix17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
    return prefix17 + String(Array("10X98765432")[sum % 11])
  }

  /// A list of 8 rows (sheet rows 2–9) of which 5 fail, one of each kind the reader or the
  /// checks refuse: a wrong check character, a duplicate, an empty name, an ID stored as a
  /// number, Excel's 1900-02-29 (on a row whose name looks like a formula).
  static func badList() throws -> [UInt8] {
    var sheet = WorkbookXLSX.Worksheet(name: "Sheet1")
    func row(_ cells: [WorkbookXLSX.Cell?]) {
      var r: [Int: WorkbookXLSX.Cell] = [:]
      for (i, c) in cells.enumerated() { if let c { r[i] = c } }
      sheet.rows.append(r)
    }
    row(["序号", "姓名", "证件类型", "身份证号码", "性别", "出生日期"].map { .text($0) })
    row([.number("1"), .text("冯丽"), .text("身份证"), .text("410303199307043877"), .text("男"), .text("1993-07-04")])
    row([.number("2"), .text("姜芳"), .text("身份证"), .text("411103197007043720"), .text("女"), .text("1970-07-04")])
    row([.number("3"), .text("陶晓鹏"), .text("身份证"), .text("410105197009233421"), .text("女"), .text("1970-09-23")])
    row([.number("4"), .text("王小燕"), .text("身份证"), .text("410303199307043877"), nil, nil])
    row([.number("5"), nil, .text("身份证"), .text("411103200311011873"), nil, nil])
    row([.number("6"), .text("郑国强"), .text("身份证"), .number("4.1010219620515E+17"), .text("男"), .text("1962-05-15")])
    row([.number("7"), .text(formula), .text("身份证"), .text(idNumber("41010219850101001")), .text("男"), .number("60")])
    row([
      .number("8"), .text("金晨"), .text("身份证"), .text(idNumber("41010219920202002")), .text("女"), .text("1992-02-02"),
    ])
    return try WorkbookXLSX.write([sheet])
  }

  /// Each failed row's sheet number and what its reason must say.
  static let expected: [(Int, String)] = [
    (3, "身份证号码：校验位错误，应为 9"),
    (5, "身份证号码：与 Sheet1 第2行 重复"),
    (6, "姓名："),
    (7, "身份证号码：单元格存的是数字"),
    // A formula-looking name is refused at its cell too (issue 21), before the date.
    (8, "姓名：单元格是公式"),
  ]

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("failed-rows-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Prints with the bad list and --failed-rows: exit 65, the workbook written, private.
  static func failedWorkbook(in folder: URL) throws -> URL {
    let list = folder.appendingPathComponent("名单.xlsx")
    try Data(try badList()).write(to: list)
    let failed = folder.appendingPathComponent("failed.xlsx")
    let r = try wenshu([
      "print", "overage-certificate", MemberPrintTests.unit, "--members", list.path, "--failed-rows", failed.path,
      "-o", folder.appendingPathComponent("out.pdf").path,
    ])
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("failed rows: 5 written to"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pdf").path))
    let mode = try FileManager.default.attributesOfItem(atPath: failed.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    return failed
  }

  @Test("openpyxl reads exactly the failed rows, in order, with their row numbers, reasons, fills and comments")
  func openpyxlReadsFailedRows() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sheets = try SheetTools.openpyxl(try Self.failedWorkbook(in: folder))
    #expect(sheets.map(\.name) == ["失败人员"])
    let rows = try #require(sheets.first?.rows)
    #expect(rows.first?.map(\.text) == ["序号", "姓名", "证件类型", "身份证号码", "性别", "出生日期", "原行号", "失败原因"])
    let body = Array(rows.dropFirst())
    #expect(body.map { $0[6].text } == Self.expected.map { String($0.0) })
    for (row, (number, reason)) in zip(body, Self.expected) {
      #expect(row[7].text.hasPrefix(reason), "row \(number): \(row[7].text)")
      #expect(
        !row[7].text.replacingOccurrences(of: Self.formula, with: "").contains("("),
        "the English gloss is left out: \(row[7].text)")
      // The cell to fix is filled and carries its problem; the others are not.
      let marked = row.indices.filter { row[$0].fill == "FFFFC7CE" }
      #expect(marked.count == (number == 8 ? 2 : 1), "row \(number): the name and the date on row 8")
      if let column = marked.first {
        #expect(row[column].comment.map { reason.hasSuffix("：") || reason.contains($0.prefix(6)) } == true)
      }
    }
    // What the clerk typed comes back as typed: the ID stored as a number, the formula-looking name.
    #expect(body[3][3].type == "n")
    #expect(body[4][1].type == "s" && body[4][1].text == Self.formula)
    #expect(body[0][1].text == "姜芳" && body[0][3].text == "411103197007043720")
  }

  @Test("LibreOffice reads the same rows and reasons; a formula-looking name stays text through its round trip")
  func libreOfficeReadsFailedRows() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let failed = try Self.failedWorkbook(in: folder)
    let csv = try SheetTools.libreOffice(failed, to: "csv", in: folder.appendingPathComponent("csv"))
    let sheet = try CSVReader.read(Array(try Data(contentsOf: csv)), name: "csv")
    let rows = sheet.rows.dropFirst().map { r in (0...7).map { r.cells[$0]?.text ?? "" } }
    #expect(rows.map { $0[6] } == Self.expected.map { String($0.0) })
    for (row, (number, reason)) in zip(rows, Self.expected) {
      #expect(row[7].hasPrefix(reason), "row \(number): \(row[7])")
    }
    #expect(rows.last?[1] == Self.formula, "LibreOffice evaluated the name: \(rows.last ?? [])")
    // Saved again by LibreOffice as .xlsx: the name is a string cell there, not a formula.
    let resaved = try SheetTools.libreOffice(failed, to: "xlsx", in: folder.appendingPathComponent("xlsx"))
    let cell = try #require(try SheetTools.openpyxl(resaved).first?.rows.last?[1])
    #expect(cell.type == "s" && cell.text == Self.formula, "\(cell.type) \(cell.text)")
  }

  @Test("the failed rows fixed in the workbook, with the good rows added, print the certificates")
  func fixedRowsPrint() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let failed = try Self.failedWorkbook(in: folder)
    let fixed = folder.appendingPathComponent("fixed.xlsx")
    try SheetTools.fix(
      failed, sheet: "失败人员",
      set: [
        (3, "身份证号码", "411103197007043729"), (5, "身份证号码", "41010219900307268X"), (6, "姓名", "金晨堃"),
        (7, "身份证号码", "410102196205150013"), (8, "姓名", "李华"), (8, "出生日期", "1985-01-01"),
      ],
      append: [
        ["1", "冯丽", "身份证", "410303199307043877", "男", "1993-07-04"],
        ["3", "陶晓鹏", "身份证", "410105197009233421", "女", "1970-09-23"],
        ["8", "金晨", "身份证", Self.idNumber("41010219920202002"), "女", "1992-02-02"],
      ], to: fixed)
    let pdf = folder.appendingPathComponent("超龄证明.pdf")
    let again = folder.appendingPathComponent("again.xlsx")
    let r = try wenshu([
      "print", "overage-certificate", MemberPrintTests.unit, "--members", fixed.path, "--failed-rows", again.path,
      "-o", pdf.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: again.path), "no failed rows, no file")
    // The two added columns are named as ignored, nothing else.
    #expect(r.stderr.contains("原行号") && r.stderr.contains("失败原因"), "\(r.stderr)")
    let text = try MemberPrintTests().text(ofPDF: pdf)
    #expect(text.components(separatedBy: "超龄人员在职证明").count - 1 == 3, "\(text)")
    for over in ["姜芳", "陶晓鹏", "郑国强"] { #expect(text.contains("我单位\(over)（姓名）"), "\(over)") }
  }

  @Test("a CSV list gives a CSV: the same rows and reasons, a formula-looking value prefixed with '")
  func csvInCSVOut() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let list = folder.appendingPathComponent("名单.csv")
    let lines = [
      "序号,姓名,证件类型,身份证号码,性别,出生日期",
      "1,冯丽,身份证,410303199307043877,男,1993-07-04",
      "2,\"\(Self.formula.replacingOccurrences(of: "\"", with: "\"\""))\",身份证,411103197007043720,女,1970-07-04",
      "3,@SUM(A1),身份证,410105197009233421,女,2025-13-01",
    ]
    try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: list)
    let failed = folder.appendingPathComponent("failed.csv")
    let r = try wenshu([
      "print", "overage-certificate", MemberPrintTests.unit, "--members", list.path, "--failed-rows", failed.path,
      "-o", "-",
    ])
    #expect(r.status == 65, "\(r.stderr)")
    let bytes = [UInt8](try Data(contentsOf: failed))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, for Excel")
    let back = try CSVReader.read(bytes, name: "failed")
    let rows = back.rows.map { r in (0...7).map { r.cells[$0]?.text ?? "" } }
    #expect(rows.first == ["序号", "姓名", "证件类型", "身份证号码", "性别", "出生日期", "原行号", "失败原因"])
    #expect(rows.dropFirst().map { $0[6] } == ["3", "4"])
    #expect(rows.dropFirst().map { $0[1] } == ["'" + Self.formula, "'@SUM(A1)"])
    #expect(rows.count == 3 && rows[1][7].contains("身份证号码：校验位错误") && rows[2][7].contains("出生日期："))
  }

  @Test("a missing column is on a first sheet of its own, before the (empty) failed rows")
  func generalProblemsFirst() throws {
    let sheet = Sheet(
      name: "Sheet1",
      rows: [
        SheetRow(number: 1, cells: [0: .text("姓名"), 1: .text("性别")]),
        SheetRow(number: 2, cells: [0: .text("冯丽"), 1: .text("男")]),
      ])
    let fields = try SheetFixtures.overAgeFields()
    let list = try MemberSheet(sheet, fields: fields)
    let failed = FailedRows(sheet: sheet, list: list, fields: fields, problems: list.problems)
    #expect(failed.rows.isEmpty && failed.general.map(\.path) == ["Sheet1"])
    let back = try XLSXReader.read(try failed.workbook())
    #expect(back.name == "表格问题")
    #expect(back.rows.dropFirst().first?.cells[1]?.text == "缺少必填列“证件号码”")
  }

  @Test("text that XML cannot hold is written as Excel's _xHHHH_; specials escaped; a literal _x0041_ kept")
  func xmlText() {
    #expect(XMLText.escape("a<b>&\"c\u{1}d\u{FFFE}") == "a&lt;b&gt;&amp;&quot;c_x0001_d_xFFFE_")
    #expect(XMLText.escape("x_x0041_y") == "x_x005F_x0041_y")
    #expect(XMLText.escape("tab\tnew\nline") == "tab\tnew\nline")
  }

  @Test("CSV values that a spreadsheet would evaluate are prefixed; plain numbers are not")
  func csvInjection() {
    for value in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
      #expect(CSVWriter.neutralised(value) == "'" + value, "\(value)")
    }
    for value in ["-5", "+3.5", "1e3", "冯丽", "410303199307043877"] { #expect(CSVWriter.neutralised(value) == value) }
  }

  @Test("the English gloss is dropped from a reason, a full-width bracket and a row mention kept")
  func clerkWords() {
    #expect(FailedRows.clerkWords("校验位错误，应为 2（若末位无误） (check character should be 2)") == "校验位错误，应为 2（若末位无误）")
    #expect(FailedRows.clerkWords("与 Sheet1 第2行 重复 (the same number as Sheet1 第2行)") == "与 Sheet1 第2行 重复")
    #expect(FailedRows.clerkWords("日期 1900-02-29 不存在 (Excel's 1900-02-29 is not a date)") == "日期 1900-02-29 不存在")
    #expect(FailedRows.clerkWords("缺少 (2)") == "缺少 (2)")
  }
}
