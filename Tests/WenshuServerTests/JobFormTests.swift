import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuTestSupport
import ZIPFoundation

@testable import WenshuServer

/// `POST /v1/jobs` as a form: per item a `data` part and its unit's `members` spreadsheet, each
/// sheet read when its item prints (a bad one fails its item alone, at its cells).
@Suite("Batch jobs from a form")
struct JobFormTests {
  static let fixtures = MemberSheetRouteTests.fixtures

  static func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
  }

  /// A form as `curl -F` sends it: (name, file name, bytes) in order.
  static func form(_ parts: [(String, String?, [UInt8])], boundary: String = "----job-form-1") -> (
    HTTPFields, ByteBuffer
  ) {
    var body = ByteBuffer()
    for (name, file, bytes) in parts {
      body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"")
      if let file { body.writeString("; filename=\"\(file)\"") }
      body.writeString("\r\n\r\n")
      body.writeBytes(bytes)
      body.writeString("\r\n")
    }
    body.writeString("--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
  }

  static func text(_ name: String, _ value: String) -> (String, String?, [UInt8]) { (name, nil, Array(value.utf8)) }

  static func unit() throws -> (String, String?, [UInt8]) { ("data", "unit.json", try fixture("henan-unit.json")) }

  static func sheet(_ name: String) throws -> (String, String?, [UInt8]) { ("members", name, try fixture(name)) }

  @Test("each item prints with its own sheet; a sheet with bad rows fails its item alone, at its cells")
  func itemsWithSheets() async throws {
    let (headers, body) = Self.form([
      Self.text("document", "overage-certificate"),
      try Self.unit(), try Self.sheet("openpyxl-members.xlsx"),
      try Self.unit(), try Self.sheet("openpyxl-problems.xlsx"),
      try Self.unit(), try Self.sheet("members-utf8-bom.csv"),
    ])
    let (renderHeaders, renderBody) = try MemberSheetRouteTests.form(
      data: "henan-unit.json", sheet: "openpyxl-members.xlsx")
    try await ServerFixtures.app(JobTests.configuration()).test(.router) { client in
      let id = try await JobTests.submit(client, body, headers: headers)
      let status = try await JobTests.finished(client, id)
      #expect(status["state"] as? String == "completed")
      #expect(status["printed"] as? Int == 2 && status["failed"] as? Int == 1, "\(status)")
      let problems = status["problems"] as? [[String: Any]] ?? []
      #expect(problems.allSatisfy { $0["item"] as? Int == 2 && ($0["path"] as? String)?.hasPrefix("items[1]") == true })
      // The same cells as the render route's form answers for this sheet.
      #expect(
        problems.compactMap { $0["sheet"] as? String }
          == ["Sheet1!C3", "Sheet1!C4", "Sheet1!E6", "Sheet1!E7", "Sheet1!C5", "Sheet1!C8"], "\(problems)")
      let zip = try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) {
        [UInt8](buffer: $0.body)
      }
      let archive = try Archive(data: Data(zip), accessMode: .read)
      #expect(archive.map { String($0.path.prefix(4)) } == ["001-", "003-"])
      var first = Data()
      _ = try archive.extract(try #require(Array(archive).first)) { first.append($0) }
      // Item 1 is the PDF the render route's form makes of the same data and sheet.
      let rendered = try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post, headers: renderHeaders, body: renderBody
      ) { [UInt8](buffer: $0.body) }
      #expect([UInt8](first) == rendered)
    }
  }

  @Test("a zip bomb as an item's sheet fails that item at what it inflates to; the others print")
  func sheetInflationCounted() async throws {
    let (headers, body) = Self.form([
      Self.text("document", "overage-certificate"),
      try Self.unit(), try Self.sheet("openpyxl-members.xlsx"),
      try Self.unit(), ("members", "bomb.xlsx", try WenshuTestSupport.zipBomb(inflatedMiB: 80)),
    ])
    var configuration = try JobTests.configuration()
    configuration.bodyLimit = 4 << 20
    try await ServerFixtures.app(configuration).test(.router) { client in
      let id = try await JobTests.submit(client, body, headers: headers)
      let status = try await JobTests.finished(client, id)
      #expect(status["printed"] as? Int == 1 && status["failed"] as? Int == 1, "\(status)")
      let problems = status["problems"] as? [[String: Any]] ?? []
      #expect(problems.count == 1)
      #expect(problems.first?["path"] as? String == "items[1]")
      #expect(problems.first?["sheet"] as? String == "bomb.xlsx")
      #expect((problems.first?["message"] as? String)?.contains("inflates to over 8 MiB") == true, "\(problems)")
    }
  }

  @Test("Idempotency-Key: the same form under another boundary is the same job; another sheet under it is 422")
  func idempotentForm() async throws {
    let parts = [
      Self.text("document", "overage-certificate"), try Self.unit(), try Self.sheet("openpyxl-members.xlsx"),
    ]
    var flipped = parts
    flipped[2].2[flipped[2].2.count / 2] ^= 0x01
    let changed = flipped
    try await ServerFixtures.app(JobTests.configuration()).test(.router) { client in
      func submit(_ parts: [(String, String?, [UInt8])], boundary: String) async throws -> TestResponse {
        var (headers, body) = Self.form(parts, boundary: boundary)
        headers[HTTPField.Name("Idempotency-Key")!] = "unit-2026"
        return try await client.execute(uri: "/v1/jobs", method: .post, headers: headers, body: body) { $0 }
      }
      let first = try await submit(parts, boundary: "----one")
      let again = try await submit(parts, boundary: "----two")
      #expect(first.status == .accepted && again.status == .accepted)
      #expect(first.headers[.location] != nil && first.headers[.location] == again.headers[.location])
      let other = try await submit(changed, boundary: "----one")
      #expect(other.status == .unprocessableContent)
      #expect(String(buffer: other.body).contains("idempotency-key-reused"))
    }
  }

  @Test("a form that cannot be a job is refused before anything is stored, naming what is wrong")
  func refusedForms() async throws {
    let cases: [([(String, String?, [UInt8])], HTTPResponse.Status, String)] = [
      (
        [Self.text("document", "overage-certificate"), try Self.sheet("members-utf8-bom.csv"), try Self.unit()],
        .badRequest, "before any 'data' part"
      ),
      (
        [Self.text("document", "overage-certificate"), try Self.unit(), Self.text("colour", "red")],
        .badRequest, "unknown part 'colour'"
      ),
      (
        [
          Self.text("document", "overage-certificate"), try Self.unit(), try Self.sheet("members-utf8-bom.csv"),
          try Self.sheet("members-utf8-bom.csv"),
        ], .badRequest, "two 'members' parts after items[0]"
      ),
      ([Self.text("document", "overage-certificate")], .unprocessableContent, "items"),
      (
        [Self.text("document", "invoice-preview"), try Self.unit(), try Self.sheet("members-utf8-bom.csv")],
        .unprocessableContent, "items[0].members"
      ),
      ([try Self.unit()], .unprocessableContent, "document"),
      ([Self.text("document", "overage-certificate"), ("data", nil, Array("{".utf8))], .badRequest, "items[0]"),
      (
        [Self.text("document", "overage-certificate"), Self.text("format", "ofd"), try Self.unit()],
        .unprocessableContent, "'ofd'"
      ),
    ]
    try await ServerFixtures.app(JobTests.configuration()).test(.router) { client in
      for (parts, status, words) in cases {
        let (headers, body) = Self.form(parts)
        try await client.execute(uri: "/v1/jobs", method: .post, headers: headers, body: body) { response in
          #expect(response.status == status, "\(words): \(String(buffer: response.body))")
          #expect(String(buffer: response.body).contains(words), "\(String(buffer: response.body))")
        }
      }
    }
  }
}
