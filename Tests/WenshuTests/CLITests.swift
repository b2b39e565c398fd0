import Foundation
import Testing
import WenshuLayout
import WenshuTestSupport

/// The `wenshu` command as a clerk's script uses it: files and pipes, exit statuses, stderr.
@Suite("wenshu command line")
struct CLITests {
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("wenshu").path
  static let sample = Fixtures.root.appendingPathComponent("samples/confirmation/henan-12.json").path

  func wenshu(_ args: [String], stdin: [UInt8]? = nil) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    let binary = FileManager.default.fileExists(atPath: Self.binary)
      ? Self.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
    return try run(binary, args, stdin: stdin)
  }

  @Test func printsToAFile() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try wenshu(["print", "confirmation", Self.sample, "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try Data(contentsOf: out).starts(with: Data("%PDF-".utf8)))
  }

  @Test func stdinToStdout() throws {
    let data = try Fixtures.sample("confirmation", "henan-12")
    let r = try wenshu(["print", "confirmation", "-", "-o", "-"], stdin: data)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.starts(with: Array("%PDF-".utf8)))
  }

  @Test("bad data: exit 65, every problem on stderr, no file left behind")
  func badData() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).pdf")
    var json = String(decoding: try Fixtures.sample("confirmation", "henan-12"), as: UTF8.self)
    json = json.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"1e3\"")
    let r = try wenshu(["print", "confirmation", "-", "-o", out.path], stdin: Array(json.utf8))
    #expect(r.status == 65)
    #expect(r.stderr.contains("total: 金额不能用科学计数法"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let folder = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
    #expect(!folder.contains { $0.contains(out.lastPathComponent) })
  }

  @Test("200,000 members: the whole list prints, the last page signed")
  func twoHundredThousandMembers() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-200k-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("data.json")
    let out = folder.appendingPathComponent("out.pdf")
    try longMemberList(from: try Fixtures.sample("confirmation", "henan-2000"), times: 100).write(to: input)
    let r = try wenshu(["print", "confirmation", input.path, "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let info = String(decoding: try run("pdfinfo", [out.path]).stdout, as: UTF8.self)
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    #expect(pages > 200_000 / 40, "\(pages) pages")
    let last = String(decoding: try run("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", out.path, "-"]).stdout, as: UTF8.self)
    #expect(last.contains("第 \(pages) 页 共 \(pages) 页") && last.contains("单位领导"), "\(last.suffix(400))")
  }

  @Test func malformedJSONSaysWhere() throws {
    let r = try wenshu(["print", "confirmation", "-", "-o", "-"], stdin: Array("{\"a\": }".utf8))
    #expect(r.status == 65)
    #expect(r.stderr.contains("line 1, column 7"))
    #expect(r.stdout.isEmpty)
  }

  @Test func unknownDocumentAndMissingFile() throws {
    #expect(try wenshu(["print", "nonesuch", Self.sample, "-o", "-"]).status == 65)
    #expect(try wenshu(["print", "confirmation", "/nonexistent.json", "-o", "-"]).status == 66)
  }

  @Test func rmb() throws {
    let r = try wenshu(["rmb", "123444.00"])
    #expect(String(decoding: r.stdout, as: UTF8.self) == "壹拾贰万叁仟肆佰肆拾肆元整\n")
    let lines = try wenshu(["rmb"], stdin: Array("0.05\n12.345\n".utf8))
    #expect(String(decoding: lines.stdout, as: UTF8.self) == "伍分\n")
    #expect(lines.status == 65)
    #expect(lines.stderr.contains("12.345"))
  }

  @Test func helpExplainsTheDocuments() throws {
    let r = try wenshu(["print", "--help"])
    let text = String(decoding: r.stdout, as: UTF8.self)
    #expect(text.contains("confirmation"))
    #expect(text.contains("members"))
  }
}

@Suite("wenshu schema")
struct SchemaCommandTests {
  @Test("every document's schema is JSON listing its required fields", arguments: [
    ("confirmation", [String](), "members"), ("notification", ["--variant", "district"], "counts"),
    ("payment-notice", ["--office", "guangdong"], "slipNumber"), ("invoice-preview", [], "billCode"),
    ("overage-certificate", [], "startDate"),
  ])
  func schema(_ document: String, _ options: [String], _ field: String) throws {
    let r = try CLITests().wenshu(["schema", document] + options)
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONReader.parse(r.stdout)
    #expect(json["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    // Without options, a document of several layouts is one of them (`oneOf`).
    var layouts = [json]
    if case .array(let branches)? = json["oneOf"] { layouts = branches }
    let own = layouts.filter { if case .array(let r)? = $0["required"] { r.contains(.string(field)) } else { false } }
    #expect(!own.isEmpty, "\(field) required by a layout")
    #expect(own.allSatisfy { $0["additionalProperties"] == .bool(false) })
  }
}
