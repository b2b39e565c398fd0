import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuSigning

@testable import WenshuServer

/// `format: "pdf"` jobs: one PDF of the printed items' pages in item order, the failed items
/// left out and counted in the result's headers; formats a job does not offer refused.
@Suite("Batch jobs as one PDF")
struct JobPDFTests {
  static func job(_ items: [String], format: String) -> ByteBuffer {
    ByteBuffer(
      string: #"{"document": "invoice-preview", "format": "\#(format)", "items": [\#(items.joined(separator: ","))]}"#)
  }

  /// What `tool` prints for a PDF, and what it complains of.
  static func poppler(_ tool: String, _ arguments: [String], _ pdf: [UInt8]) throws -> (out: String, err: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-job-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(pdf).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
    process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let text = out.fileHandleForReading.readDataToEndOfFile()
    let complaints = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: text, as: UTF8.self), String(decoding: complaints, as: UTF8.self))
  }

  static func render(_ client: some TestClientProtocol, _ item: String) async throws -> [UInt8] {
    try await client.execute(
      uri: "/v1/documents/invoice-preview", method: .post, headers: ServerFixtures.json, body: ByteBuffer(string: item)
    ) { [UInt8](buffer: $0.body) }
  }

  @Test("a PDF job's result holds the printed items' pages in item order, the failed one left out and counted")
  func printedItemsInOrder() async throws {
    let union = try JobTests.sample("qingdao-union")
    let members = try JobTests.sample("qingdao-members")
    let bad = union.replacingOccurrences(of: #""total": "80.00""#, with: #""total": "81.00""#)
    #expect(bad != union)
    try await ServerFixtures.app(JobTests.configuration()).test(.router) { client in
      let id = try await JobTests.submit(client, Self.job([members, bad, union, union], format: "pdf"))
      let status = try await JobTests.finished(client, id)
      #expect(status["state"] as? String == "completed")
      #expect(status["format"] as? String == "pdf")
      #expect(status["printed"] as? Int == 3 && status["failed"] as? Int == 1)
      let problems = status["problems"] as? [[String: Any]] ?? []
      #expect(problems.contains { $0["path"] as? String == "items[1].total" && $0["item"] as? Int == 2 })
      let result = try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/pdf")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Items-Printed")!] == "3")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Items-Failed")!] == "1")
        #expect(response.headers[.contentDisposition]?.contains(".pdf") == true)
        return [UInt8](buffer: response.body)
      }
      // Poppler reads it without a complaint, with every printed page.
      let info = try Self.poppler("pdfinfo", [], result)
      #expect(info.err.isEmpty, "\(info.err)")
      let pages = status["pages"] as? Int ?? 0
      #expect(pages == 3)
      let pageLine = info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      #expect(pageLine?.split(separator: " ").last == "\(pages)", "\(info.out)")
      // Its text is the printed items' own, in item order: 1, 3, 4.
      let membersText = try Self.poppler("pdftotext", [], try await Self.render(client, members)).out
      let unionText = try Self.poppler("pdftotext", [], try await Self.render(client, union)).out
      #expect(membersText.contains("320.00") && unionText.contains("80.00"))
      #expect(try Self.poppler("pdftotext", [], result).out == membersText + unionText + unionText)
      // The same stored items give the same bytes.
      let again = try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) {
        [UInt8](buffer: $0.body)
      }
      #expect(again == result)
    }
  }

  @Test("on a server that signs, a PDF job's items are merged unsigned (as a batch's one PDF); a ZIP job's are signed")
  func mergedUnsigned() async throws {
    let pki = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-pki-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: pki) }
    let tools = SigningRouteTests()
    let made = try tools.runTool(
      ServerFixtures.root.appendingPathComponent("scripts/make-signing-keys").path, [pki.path])
    try #require(made == 0)
    var configuration = try JobTests.configuration()
    configuration.signingKeys = try SigningKeys(folder: pki.appendingPathComponent("keys"))
    let item = try JobTests.sample()
    try await ServerFixtures.app(configuration).test(.router) { client in
      var results: [String: [UInt8]] = [:]
      for format in ["pdf", "zip"] {
        let id = try await JobTests.submit(client, Self.job([item, item], format: format))
        let status = try await JobTests.finished(client, id)
        #expect(status["printed"] as? Int == 2, "\(format): \(status)")
        results[format] = try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) {
          [UInt8](buffer: $0.body)
        }
      }
      let signature = Array("/ETSI.CAdES.detached".utf8)
      func signed(_ bytes: [UInt8]?) -> Bool {
        guard let bytes, bytes.count >= signature.count else { return false }
        return (0...(bytes.count - signature.count)).contains {
          bytes[$0..<($0 + signature.count)].elementsEqual(signature)
        }
      }
      #expect(!signed(results["pdf"]))
      #expect(try Self.poppler("pdfinfo", [], results["pdf"] ?? []).err.isEmpty)
      #expect(signed(results["zip"]), "the ZIP's PDFs are stored, so their signatures show")
    }
  }

  @Test("a format a job does not offer (xlsx, ofd, anything) is 422 naming format and the choices")
  func otherFormatsRefused() async throws {
    try await ServerFixtures.app(JobTests.configuration()).test(.router) { client in
      for format in ["xlsx", "ofd", "png"] {
        try await client.execute(
          uri: "/v1/jobs", method: .post, headers: ServerFixtures.json,
          body: Self.job([try JobTests.sample()], format: format)
        ) { response in
          #expect(response.status == .unprocessableContent, "\(format)")
          let problem = try ScopedKeyTests.problem(response)
          #expect(ScopedKeyTests.paths(problem) == ["format"])
          let detail = problem["detail"] as? String ?? ""
          #expect(detail.contains("'\(format)'") && detail.contains("zip") && detail.contains("pdf"), "\(detail)")
        }
      }
    }
  }

  @Test("the concatenation renumbers references but not look-alikes in strings, names and comments")
  func referencesOnly() throws {
    var pdf = Array("%PDF-1.5\n".utf8)
    var offsets: [Int] = []
    func object(_ body: String) {
      offsets.append(pdf.count)
      pdf += Array("\(offsets.count) 0 obj\n\(body)\nendobj\n".utf8)
    }
    object("<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>")
    object("<< /Type /Page % 9 0 R\n /Parent 1 0 R /Contents 3 0 R /Note (1 0 R) /F-1-0 <31> >>")
    object("<< /Length 5 >>\nstream\n1 0 R\nendstream")
    object("<< /Type /Catalog /Pages 1 0 R >>")
    let table = pdf.count
    pdf += Array("xref\n0 5\n0000000000 65535 f \n".utf8)
    for offset in offsets { pdf += PDFConcatenation.entry(offset, generation: 0, inUse: true) }
    pdf += Array("trailer\n<< /Size 5 /Root 4 0 R >>\nstartxref\n\(table)\n%%EOF\n".utf8)
    var book = PDFConcatenation()
    let first = try book.append(pdf)
    let second = String(decoding: try book.append(pdf), as: UTF8.self)
    _ = first
    // The second part's objects are 7 to 9: references move by 6, look-alikes stay.
    #expect(
      second.contains("8 0 obj\n<< /Type /Page % 9 0 R\n /Parent 7 0 R /Contents 9 0 R /Note (1 0 R) /F-1-0 <31> >>"),
      "\(second)")
    #expect(second.contains("stream\n1 0 R\nendstream"))
    #expect(second.contains("7 0 obj\n<< /Parent 1 0 R /Type /Pages /Kids [ 8 0 R ] /Count 1 >>"), "\(second)")
    #expect(!second.contains("/Catalog"))
    let end = String(decoding: book.finish(), as: UTF8.self)
    #expect(end.contains("/Kids [ 3 0 R 7 0 R ]\n   /Count 2"))
  }
}
