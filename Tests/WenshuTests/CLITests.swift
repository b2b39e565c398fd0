import Foundation
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuTestSupport

/// The `wenshu` command as a clerk's script uses it: files and pipes, exit statuses, stderr.
@Suite("wenshu command line")
struct CLITests {
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("wenshu").path
  static let sample = Fixtures.root.appendingPathComponent("samples/confirmation/henan-12.json").path

  func wenshu(_ args: [String], stdin: [UInt8]? = nil) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    let binary =
      FileManager.default.fileExists(atPath: Self.binary)
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

  @Test("-o naming a pipe writes into it and leaves it a pipe (renaming over it would replace /dev/null as root)")
  func printsIntoAPipe() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("out.pdf").path
    try #require(mkfifo(fifo, 0o600) == 0)
    // Opened without waiting for a writer, and read on a thread so the writer never blocks.
    let fd = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(fd >= 0)
    let received = Received()
    let reader = Thread {
      var buffer = [UInt8](repeating: 0, count: 65536)
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        let n = read(fd, &buffer, buffer.count)
        if n > 0 {
          received.append(buffer[0..<n])
        } else if n == 0 && received.done {
          return
        } else {
          Thread.sleep(forTimeInterval: 0.005)
        }
      }
    }
    reader.start()
    let r = try wenshu(["print", "confirmation", Self.sample, "-o", fifo])
    received.done = true
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    close(fd)
    #expect(r.status == 0, "\(r.stderr)")
    let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
    #expect(type != .typeRegular, "the pipe was replaced by a file")
    #expect(received.bytes.starts(with: Array("%PDF-".utf8)), "the PDF went into the pipe")
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
    let pages =
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
      ?? 0
    #expect(pages > 200_000 / 40, "\(pages) pages")
    let last = String(
      decoding: try run("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", out.path, "-"]).stdout, as: UTF8.self)
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

  @Test("--version prints the version the served description states")
  func version() throws {
    let r = try wenshu(["--version"])
    #expect(r.status == 0)
    #expect(String(decoding: r.stdout, as: UTF8.self) == "\(ProductVersion.current)\n")
  }

  @Test func helpExplainsTheDocuments() throws {
    let r = try wenshu(["print", "--help"])
    let text = String(decoding: r.stdout, as: UTF8.self)
    // The usage and the example name `confirmation` and `members` anyway: look for the list
    // (help wraps long lines, so spaces and line breaks are folded first).
    let folded = text.replacing(/\s+/, with: " ")
    #expect(folded.contains("Documents: "), "\(text)")
    guard let entry = folded.range(of: "layout Layouts/confirmation.yaml; offices: any data fields: ") else {
      Issue.record("no entry for confirmation's layout and data fields in:\n\(text)")
      return
    }
    let fields = folded[entry.upperBound...].prefix(200)
    #expect(fields.contains("members"), "\(fields)")
    // A check run per activity reads the activity's fields, which are not the document's.
    #expect(!fields.contains("sharesPerPerson"), "\(fields)")
  }
}

/// The benchmark's layouts (scripts/bench-layouts/) are not the product's: invisible and
/// refused unless a caller names their folder.
@Suite("benchmark layouts stay out of the catalogue")
struct BenchLayoutTests {
  static let benchFolder = Fixtures.root.appendingPathComponent("scripts/bench-layouts").path
  static let benchInvoice = Fixtures.root.appendingPathComponent("scripts/bench-layouts/invoice.example.json").path

  @Test("wenshu documents and print --help list no bench variant")
  func notListed() throws {
    let documents = try CLITests().wenshu(["documents"])
    #expect(documents.status == 0, "\(documents.stderr)")
    let listing = String(decoding: documents.stdout, as: UTF8.self)
    #expect(listing.contains("invoice-preview\tdefault"), "\(listing)")
    #expect(!listing.contains("bench"), "\(listing)")
    let help = String(decoding: try CLITests().wenshu(["print", "--help"]).stdout, as: UTF8.self)
      .replacing(/\s+/, with: " ")  // help wraps long lines
    #expect(help.contains("invoice-preview"))
    #expect(!help.contains("variant bench"), "\(help)")
    #expect(!help.contains(".bench.yaml"), "\(help)")
  }

  @Test("\"variant\": \"bench\" is refused without --extra-layouts, printed with it")
  func onlyThroughTheOption() throws {
    let refused = try CLITests().wenshu(["print", "invoice-preview", Self.benchInvoice, "-o", "-"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("variant: 没有适用的版式"), "\(refused.stderr)")
    #expect(refused.stdout.isEmpty)
    let printed = try CLITests().wenshu([
      "print", "invoice-preview", Self.benchInvoice, "--extra-layouts", Self.benchFolder, "-o", "-",
    ])
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(printed.stdout.starts(with: Array("%PDF-".utf8)))
    let text = String(decoding: try run("pdftotext", ["-", "-"], stdin: printed.stdout).stdout, as: UTF8.self)
    #expect(text.contains("郑州市金水区第三人民医院工会委员会"))
  }

  @Test("a missing --extra-layouts folder is an error naming it")
  func missingFolder() throws {
    let r = try CLITests().wenshu([
      "print", "invoice-preview", Self.benchInvoice, "--extra-layouts", "/nonexistent-layouts", "-o", "-",
    ])
    #expect(r.status == 78)
    #expect(r.stderr.contains("/nonexistent-layouts"), "\(r.stderr)")
  }
}

@Suite("wenshu schema")
struct SchemaCommandTests {
  @Test(
    "every document's schema is JSON listing its required fields",
    arguments: [
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

/// What the pipe's reader thread received.
private final class Received: @unchecked Sendable {
  // Sendable: every field is read and written under the lock.
  private let lock = NSLock()
  private var data: [UInt8] = []
  private var finished = false
  var bytes: [UInt8] { lock.withLock { data } }
  var done: Bool {
    get { lock.withLock { finished } }
    set { lock.withLock { finished = newValue } }
  }
  func append(_ chunk: ArraySlice<UInt8>) { lock.withLock { data += chunk } }
}
