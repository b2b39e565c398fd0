import Foundation
import Testing
import WenshuLayout
import WenshuTestSupport

/// `print --format xlsx`: a document's row tables as a workbook that reads as its pages,
/// checked with openpyxl and LibreOffice (scripts/sheet-tools) and poppler's pdftotext.
@Suite("Lists as spreadsheets", .serialized)
struct ListExportTests {
  static let layouts = SheetFixtures.folder.appendingPathComponent("layouts").path
  static let datedList = SheetFixtures.folder.appendingPathComponent("dated-list.json").path

  func temporary(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-list-\(UUID().uuidString)-\(name)")
  }

  /// The cells' texts as a clerk reads them (a whole number without `.0`).
  static func texts(_ row: [SheetTools.Cell]) -> [String] {
    row.map { cell in
      if cell.type == "n", let d = Double(cell.text), d == d.rounded() { return String(Int(d)) }
      return cell.text
    }
  }

  @Test("the 2,000-member 确认书 as xlsx: its title, header and 2,000 rows, each as the PDF prints it")
  func confirmationReadsAsItsPages() throws {
    let pdf = temporary("c.pdf")
    let xlsx = temporary("c.xlsx")
    defer { for f in [pdf, xlsx] { try? FileManager.default.removeItem(at: f) } }
    let sample = "samples/confirmation/henan-2000.json"
    #expect(try wenshu(["print", "confirmation", sample, "-o", pdf.path]).status == 0)
    let printed = try wenshu(["print", "confirmation", sample, "-o", xlsx.path])
    #expect(printed.status == 0, "\(printed.stderr)")
    let text = try SheetTools.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
    // The member table's lines: 序号 姓名 性别 年龄 保障活动 状态, one per member.
    let pdfRows = String(decoding: text.stdout, as: UTF8.self).split(separator: "\n").map {
      $0.split(separator: " ").map(String.init)
    }.filter { $0.count == 6 && Int($0[0]) != nil }
    let sheets = try SheetTools.openpyxl(xlsx)
    try #require(sheets.count == 1)
    #expect(sheets[0].name == "会员名单")
    let rows = sheets[0].rows.map(Self.texts)
    #expect(rows[0] == ["中国职工保险互助会河南省办事处 参加职工互助保障活动确认书 G16002025022510002000"] + Array(repeating: "", count: 5))
    let header = try #require(rows.firstIndex { $0.first == "序号" })
    #expect(rows[header] == ["序号", "姓名", "性别", "年龄", "保障活动", "状态"])
    let body = Array(rows[(header + 1)...])
    #expect(body.count == 2000)
    #expect(pdfRows.count == 2000)
    #expect(body == pdfRows)
    // Numbers as numbers: 序号 and 年龄.
    let first = sheets[0].rows[header + 1]
    #expect(first[0].type == "n" && first[3].type == "n" && first[1].type == "s")
  }

  @Test(
    "a grouped list as xlsx: each group's header and 小计 rows where the pages print them, merged as there, and {@groupIndex} restarting in each group"
  )
  func groupedListReadsAsItsPages() throws {
    let pdf = temporary("g.pdf")
    let xlsx = temporary("g.xlsx")
    defer { for f in [pdf, xlsx] { try? FileManager.default.removeItem(at: f) } }
    let data = SheetFixtures.folder.appendingPathComponent("grouped-list.json").path
    for out in [pdf, xlsx] {
      let r = try wenshu(["print", "grouped-list", data, "--extra-layouts", Self.layouts, "-o", out.path])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let rows = try SheetTools.openpyxl(xlsx)[0].rows.map(Self.texts)
    let header = try #require(rows.firstIndex { $0.first == "序号" })
    #expect(
      Array(rows[(header + 1)...]) == [
        ["所在工会：机关工会（3 人）", "", "", ""],
        ["1", "1", "张伟", "100"], ["2", "2", "王芳", "50"], ["3", "3", "李娜", "80"],
        ["机关工会 小计", "", "", "230"],
        ["所在工会：后勤工会（2 人）", "", "", ""],
        ["1", "4", "刘洋", "100"], ["2", "5", "陈静", "1200.5"],
        ["后勤工会 小计", "", "", "1300.5"],
        ["合计", "", "", "1530.5"],
      ])
    // The same rows, in the same order, are lines of the PDF.
    let text = try SheetTools.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
    let lines = String(decoding: text.stdout, as: UTF8.self).split(separator: "\n")
      .map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
    var next = lines.startIndex
    for row in rows[(header + 1)...] {
      let printed = row.filter { !$0.isEmpty }.joined(separator: " ")
        .replacingOccurrences(of: "1200.5", with: "1,200.50").replacingOccurrences(of: "1300.5", with: "1,300.50")
        .replacingOccurrences(of: "1530.5", with: "1,530.50")
      let found = lines[next...].firstIndex { $0.replacingOccurrences(of: ".00", with: "") == printed }
      #expect(found != nil, "\(printed) is not a line of the PDF after line \(next)")
      next = (found ?? next) + 1
    }
    // A group's header spans the table, its 小计 three columns, as on the page.
    let xml = try SheetTools.run("/usr/bin/unzip", ["-p", xlsx.path, "xl/worksheets/sheet1.xml"])
    let merges = String(decoding: xml.stdout, as: UTF8.self).matches(of: /<mergeCell ref="([A-Z0-9:]+)"\/>/).map {
      String($0.1)
    }
    let top = header + 1  // 1-based row of the header is header + 1
    #expect(
      Set(merges)
        == [
          "A1:D1", "A\(top + 1):D\(top + 1)", "A\(top + 5):C\(top + 5)", "A\(top + 6):D\(top + 6)",
          "A\(top + 9):C\(top + 9)", "A\(top + 10):C\(top + 10)",
        ])
  }

  @Test("numbers, amounts and dates are typed cells as printed; formula-looking names are strings")
  func typedCells() throws {
    let xlsx = temporary("d.xlsx")
    defer { try? FileManager.default.removeItem(at: xlsx) }
    let r = try wenshu(["print", "dated-list", Self.datedList, "--extra-layouts", Self.layouts, "-o", xlsx.path])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try SheetTools.openpyxl(xlsx)[0].rows
    let header = try #require(rows.firstIndex { $0.first?.text == "序号" })
    let first = rows[header + 1]
    #expect(first.map(\.type) == ["n", "s", "d", "d", "d", "n", "n", "n"])
    #expect(first[1].text == #"=HYPERLINK("http://x","点我")"#)
    #expect(rows[header + 2][1].text == "@SUM(A1)" && rows[header + 2][1].type == "s")
    #expect(first[2].text == "2025-02-25" && first[2].format == #"yyyy\-mm\-dd"#)
    #expect(first[3].text == "2025-02-25" && first[3].format == #"yyyy"年"m"月"d"日""#)
    #expect(first[4].format == #"yyyy"年"mm"月"dd"日""#)
    #expect(first[5].value.text.flatMap(Double.init) == 1234.5 && first[5].format == "#,##0.00")
    #expect(first[6].value.text.flatMap(Double.init) == 1234.5 && first[6].format == "0.00")
    #expect(first[7].value.text.flatMap(Double.init) == 2339 && first[7].format == "#,##0")
    // 80.00 below a thousand keeps the money column's one format.
    #expect(rows[header + 2][5].format == "#,##0.00")
  }

  @Test("the 电子保单's insured list keeps ID numbers masked as printed")
  func maskedIDsStayMasked() throws {
    let xlsx = temporary("p.xlsx")
    defer { try? FileManager.default.removeItem(at: xlsx) }
    let sample = "samples/policy/guangzhou-300.json"
    #expect(try wenshu(["print", "policy", sample, "--format", "xlsx", "-o", xlsx.path]).status == 0)
    let sheet = try SheetTools.openpyxl(xlsx)[0]
    #expect(sheet.name == "参保人员清单")
    let header = try #require(sheet.rows.firstIndex { $0.first?.text == "序号" })
    let ids = sheet.rows[(header + 1)...].map { $0[3].text }
    #expect(ids.count == 300)
    let data = String(decoding: try Data(contentsOf: SheetFixtures.root.appendingPathComponent(sample)), as: UTF8.self)
    for id in ids {
      // 4401**********4067, a passport H******89: masked as the page prints it, never whole.
      #expect(id.contains("******"), "\(id)")
      #expect(!data.contains(id))
    }
  }

  @Test("a formula-looking name stays a string after a LibreOffice round trip")
  func formulaStaysTextInLibreOffice() throws {
    let folder = temporary("lo")
    let xlsx = folder.appendingPathComponent("dated.xlsx")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let r = try wenshu(["print", "dated-list", Self.datedList, "--extra-layouts", Self.layouts, "-o", xlsx.path])
    #expect(r.status == 0, "\(r.stderr)")
    let saved = try SheetTools.libreOffice(xlsx, to: "xlsx", in: folder.appendingPathComponent("out"))
    let rows = try SheetTools.openpyxl(saved)[0].rows
    let names = rows.compactMap { $0.count > 1 ? $0[1] : nil }.filter {
      $0.text.hasPrefix("=") || $0.text.hasPrefix("@")
    }
    #expect(names.map(\.text) == [#"=HYPERLINK("http://x","点我")"#, "@SUM(A1)"])
    #expect(names.allSatisfy { $0.type == "s" })
  }

  @Test("a document with no list asked for xlsx: exit 64 naming it, and no file")
  func noListNoFile() throws {
    let xlsx = temporary("n.xlsx")
    let r = try wenshu(["print", "payment-notice", "samples/payment-notice/qingdao.json", "-o", xlsx.path])
    #expect(r.status == 64)
    #expect(r.stderr.contains("payment-notice") && r.stderr.contains("sheet:"))
    #expect(!FileManager.default.fileExists(atPath: xlsx.path))
  }

  @Test("the workbook is private (0600) and the same data gives the same bytes, a while later too")
  func privateAndDeterministic() throws {
    let a = temporary("a.xlsx")
    let b = temporary("b.xlsx")
    defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
    for (i, f) in [a, b].enumerated() {
      // Past the ZIP clock's two seconds, so a time stamp of the moment would show.
      if i > 0 { Thread.sleep(forTimeInterval: 2.5) }
      let r = try wenshu(["print", "enrolment-statistics", "samples/enrolment-statistics/pudong-60.json", "-o", f.path])
      #expect(r.status == 0)
    }
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    let mode = try FileManager.default.attributesOfItem(atPath: a.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("a 20,000-member list as xlsx peaks no higher in memory than its PDF")
  func longListMemory() throws {
    let data = temporary("20000.json")
    let out = temporary("20000")
    defer {
      for f in [data, out, out.appendingPathExtension("pdf"), out.appendingPathExtension("xlsx")] {
        try? FileManager.default.removeItem(at: f)
      }
    }
    let sample = [UInt8](
      try Data(contentsOf: SheetFixtures.root.appendingPathComponent("samples/confirmation/henan-2000.json")))
    try longMemberList(from: sample, times: 10).write(to: data)
    func peakKiB(_ format: String) throws -> Int {
      // A Python parent of its own, so the peak is this one process's (ru_maxrss of its children).
      let script =
        "import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]); "
        + "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
      var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("wenshu").path
      if !FileManager.default.fileExists(atPath: binary) {
        binary = SheetFixtures.root.appendingPathComponent(".build/debug/wenshu").path
      }
      let r = try SheetTools.run(
        "/usr/bin/python3",
        ["-c", script, binary, "print", "confirmation", data.path, "-o", out.appendingPathExtension(format).path],
        in: SheetFixtures.root)
      let words = String(decoding: r.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace)
      try #require(words.count == 2 && words[0] == "0", "\(r.stderr)")
      return Int(words[1])!
    }
    let pdf = try peakKiB("pdf")
    let xlsx = try peakKiB("xlsx")
    print("20,000 members, peak RSS: PDF \(pdf / 1024) MiB, xlsx \(xlsx / 1024) MiB")
    #expect(xlsx <= pdf, "xlsx \(xlsx) KiB > PDF \(pdf) KiB")
    let rows = try SheetTools.openpyxl(out.appendingPathExtension("xlsx"))[0].rows
    #expect(rows.filter { Int(Self.texts($0).first ?? "") != nil }.count == 20_000)
  }
}
