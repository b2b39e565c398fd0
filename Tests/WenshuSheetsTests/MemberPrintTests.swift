import Foundation
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuSheets
import WenshuTestSupport

/// A clerk's spreadsheet through `wenshu print --members`, `template` and the renderer.
@Suite("printing from member sheets", .serialized)
struct MemberPrintTests {
  static let unit = SheetFixtures.folder.appendingPathComponent("henan-unit.json").path

  func text(ofPDF pdf: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [pdf.path, "-"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
  }

  @Test("a clerk's xlsx prints the over-age certificates of exactly its over-age members")
  func overAgeCertificates() throws {
    let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: pdf) }
    let members = SheetFixtures.folder.appendingPathComponent("openpyxl-members.xlsx").path
    let r = try wenshu(["print", "overage-certificate", Self.unit, "--members", members, "-o", pdf.path])
    #expect(r.status == 0, "\(r.stderr)")
    let text = try text(ofPDF: pdf)
    let certificates = text.components(separatedBy: "超龄人员在职证明").count - 1
    #expect(certificates == 3, "\(text)")
    for over in ["姜芳", "陶晓鹏", "郑国强"] { #expect(text.contains("我单位\(over)（姓名）"), "\(over)") }
    for under in ["冯丽", "金晨堃", "王小燕"] { #expect(!text.contains(under), "\(under)") }
    // The ignored columns are named; no member's name or number is in what is printed to stderr.
    #expect(r.stderr.contains("会员名单!G2") && r.stderr.contains("备注"))
    #expect(!r.stderr.contains("姜芳") && !r.stderr.contains("411103197007043729"))
  }

  @Test("every problem at once, each at its cell: the reader's and the renderer's; exit 65, no PDF")
  func problemsAtCells() throws {
    let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString).pdf")
    let members = SheetFixtures.folder.appendingPathComponent("openpyxl-problems.xlsx").path
    let r = try wenshu(["print", "overage-certificate", Self.unit, "--members", members, "-o", pdf.path])
    #expect(r.status == 65)
    #expect(!FileManager.default.fileExists(atPath: pdf.path))
    let lines = r.stderr.split(separator: "\n").map { $0.replacingOccurrences(of: "wenshu: ", with: "") }
    for cell in [
      "Sheet1!C3: 单元格存的是数字", "Sheet1!C4: 单元格存的是数字", "Sheet1!E6: “2025-13-01”不是日期", "Sheet1!E7: 日期 1900-02-29",
    ] {
      #expect(lines.contains { $0.hasPrefix(cell) }, "\(cell) in \(r.stderr)")
    }
    #expect(lines.contains { $0.hasPrefix("Sheet1!C5: ") && $0.contains("2") }, "\(r.stderr)")
    #expect(lines.contains { $0.hasPrefix("Sheet1!C8: ") && $0.contains("Sheet1 第2行") }, "\(r.stderr)")
    #expect(!r.stderr.contains("members["), "\(r.stderr)")
  }

  @Test("members already in the data are replaced by the sheet's, with a warning saying so")
  func replacesDataMembers() throws {
    let sample = SheetFixtures.root.appendingPathComponent("samples/overage-certificate/henan.json").path
    let members = SheetFixtures.folder.appendingPathComponent("openpyxl-members.xlsx").path
    let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: pdf) }
    let r = try wenshu(["print", "overage-certificate", sample, "--members", members, "-o", pdf.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("members: 数据中的 4 名会员已由表格中的名单替换"), "\(r.stderr)")
  }

  @Test("a zip bomb (2.9 kB declared, 80 MiB inflated) is refused at the inflate limit: exit 65, no PDF")
  func zipBomb() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-bomb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bomb = folder.appendingPathComponent("bomb.xlsx")
    try Data(WenshuTestSupport.zipBomb(inflatedMiB: 80)).write(to: bomb)
    let pdf = folder.appendingPathComponent("out.pdf")
    let r = try wenshu(["print", "overage-certificate", Self.unit, "--members", bomb.path, "-o", pdf.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("inflates to over 64 MiB"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pdf.path))
  }

  @Test("a missing column and an unreadable file are named")
  func missingColumnAndBadFile() throws {
    let missing = SheetFixtures.folder.appendingPathComponent("openpyxl-missing-column.xlsx").path
    let r = try wenshu(["print", "overage-certificate", Self.unit, "--members", missing, "-o", "-"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("Sheet1: 缺少必填列“证件号码”"), "\(r.stderr)")
    #expect(!r.stderr.contains("Sheet1 第2行"), "\(r.stderr)")
    let notASheet = try wenshu(["print", "overage-certificate", Self.unit, "--members", "/nonexistent.xlsx", "-o", "-"])
    #expect(notASheet.status == 65 && notASheet.stderr.contains("/nonexistent.xlsx"))
  }

  @Test("wenshu template writes the xlsx whose headers print reads; --csv the same with a BOM")
  func template() throws {
    let r = try wenshu(["template", "overage-certificate", "--xlsx", "-o", "-"])
    #expect(r.status == 0, "\(r.stderr)")
    let sheet = try SheetReader.read(r.stdout, fileName: "t.xlsx")
    let headers = sheet.rows.first?.cells.sorted { $0.key < $1.key }.map(\.value.text) ?? []
    #expect(headers == ["姓名", "证件类型", "证件号码", "性别", "出生日期", "在职原因", "职位", "职工医保缴纳情况"])
    let csv = try wenshu(["template", "overage-certificate", "--variant", "dispatch", "--office", "guangdong", "--csv"])
    #expect(String(decoding: csv.stdout, as: UTF8.self) == "\u{FEFF}姓名,证件类型,证件号码,性别,出生日期,派遣单位,职位,派遣起始日期\r\n")
    #expect(try wenshu(["template", "payment-notice"]).status == 65)
  }
}
