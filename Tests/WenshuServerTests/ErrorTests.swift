import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import WenshuTestSupport

/// Every error status the service promises, each as problem+json; bad input never a 500.
@Suite("HTTP errors")
struct ErrorTests {
  func expectProblem(_ response: TestResponse, _ status: HTTPResponse.Status, containing text: String? = nil) {
    #expect(response.status == status)
    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
    let body = String(buffer: response.body)
    #expect(body.contains("\"status\":\(status.code)"))
    if let text { #expect(body.contains(text), "\(body)") }
  }

  @Test func statuses() async throws {
    try await ServerFixtures.app(.init(workers: 1, bodyLimit: 64 << 10)).test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: "{\"a\": }")) {
        expectProblem($0, .badRequest, containing: "line 1, column 7")
      }
      try await client.postJSON("/v1/documents/nonesuch", ByteBuffer(string: "{}")) {
        expectProblem($0, .notFound)
      }
      try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: [.contentType: "text/plain"],
        body: ByteBuffer(string: "{}")
      ) {
        expectProblem($0, .unsupportedMediaType)
      }
      try await client.postJSON("/v1/documents/confirmation", try ServerFixtures.sample("confirmation", "henan-2000")) {
        expectProblem($0, .contentTooLarge)
      }
      var bad = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
      bad = bad.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"12.345\"")
      bad = bad.replacingOccurrences(of: "\"name\" : \"郑州市金水区第一实验小学工会\"", with: "\"name\" : \"\u{2A6D7}\"")
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: bad)) {
        expectProblem($0, .unprocessableContent, containing: "\"path\":\"total\"")
      }
    }
  }

  @Test("a character no font has is a 422 naming the field")
  func missingGlyph() async throws {
    let json = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
      .replacingOccurrences(of: "\"name\" : \"郑州市金水区第一实验小学工会\"", with: "\"name\" : \"工会\u{2A6D7}\"")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: json)) {
        expectProblem($0, .unprocessableContent, containing: "\"path\":\"unit.name\"")
      }
    }
  }

  /// The domain's cross-checks answer like the schema's: 422, every problem with its path.
  @Test("figures that do not add up are a 422 naming each figure")
  func crossChecks() async throws {
    let json = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
      .replacingOccurrences(of: "\"memberCount\" : 12", with: "\"memberCount\" : 13")
      .replacingOccurrences(of: "\"amount\" : \"960.00\"", with: "\"amount\" : \"961.00\"")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: json)) {
        expectProblem($0, .unprocessableContent, containing: "\"path\":\"activities[0].memberCount\"")
        expectProblem($0, .unprocessableContent, containing: "\"path\":\"activities[0].amount\"")
      }
    }
  }

  @Test("a full queue answers 429 with Retry-After and the problem type busy")
  func busy() async throws {
    let body = try ServerFixtures.sample("confirmation", "henan-2000")
    try await ServerFixtures.app(.init(workers: 1, queueLimit: 0)).test(.router) { client in
      let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?, String?).self) { group in
        for _ in 0..<4 {
          group.addTask {
            try await client.postJSON("/v1/documents/confirmation", body) {
              let type = $0.status == .ok ? nil : String(buffer: $0.body).firstMatch(of: /"type":"([^"]*)"/)?.1
              return ($0.status, $0.headers[.retryAfter], type.map(String.init))
            }
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(statuses.contains { $0.0 == .ok })
      #expect(statuses.contains { $0.0 == .tooManyRequests && $0.1 == "1" && $0.2 == "urn:wenshu:problem:busy" })
      #expect(statuses.allSatisfy { $0.0 == .ok || $0.0 == .tooManyRequests })
    }
  }

  @Test("a render over its time budget answers 503 and is cancelled, freeing its worker")
  func timeBudget() async throws {
    // 20,000 members: the 2,000-member sample's list ten times over.
    let long = try longMemberList(
      from: Array(buffer: try ServerFixtures.sample("confirmation", "henan-2000")), times: 10)
    // Cancelled, the render lets go of its worker within a row or two.
    try await BudgetYardstick(
      uri: "/v1/documents/confirmation", headers: ServerFixtures.json, body: ByteBuffer(bytes: long)
    )
    .expectWorkerFreed(
      budget: .milliseconds(300), whole: { #expect($0.status == .ok) },
      budgeted: {
        expectProblem($0, .serviceUnavailable, containing: "time budget")
        // Not worth retrying: its own problem type, and no Retry-After.
        #expect(String(buffer: $0.body).contains(#""type":"urn:wenshu:problem:time-budget""#))
        #expect($0.headers[.retryAfter] == nil)
      })
  }

  @Test("API keys: none, a wrong one and the right one; probes stay open")
  func apiKeys() async throws {
    try await ServerFixtures.app(.init(apiKeys: ["s3cret-key"])).test(.router) { client in
      try await client.execute(uri: "/v1/documents", method: .get) { expectProblem($0, .unauthorized) }
      try await client.execute(uri: "/v1/documents", method: .get, headers: [.authorization: "Bearer wrong"]) {
        expectProblem($0, .unauthorized)
      }
      try await client.execute(uri: "/v1/documents", method: .get, headers: [.authorization: "Bearer s3cret-key"]) {
        #expect($0.status == .ok)
      }
      try await client.execute(
        uri: "/v1/documents", method: .get, headers: [HTTPField.Name("X-API-Key")!: "s3cret-key"]
      ) { #expect($0.status == .ok) }
      try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
    }
  }

  @Test("logs carry one line per request and never a member's name or ID number")
  func noPersonalDataInLogs() async throws {
    let logs = LogStore()
    let sample = try ServerFixtures.sample("confirmation", "henan-12")
    let broken = String(buffer: sample).replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"1e3\"")
    try await ServerFixtures.app(logs: logs).test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", sample) { #expect($0.status == .ok) }
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: broken)) {
        #expect($0.status == .unprocessableContent)
      }
    }
    let text = logs.all
    let requests = logs.events.filter { $0.message == "request" }.map(\.metadata)
    #expect(requests.count == 2, "\(requests)")
    // Values a client chooses are logged quoted, so none can forge a field or a line.
    #expect(
      requests.allSatisfy { $0["request_id"]?.isEmpty == false && $0["path"] == "\"/v1/documents/confirmation\"" },
      "\(requests)")
    #expect(requests.map { $0["status"] } == ["200", "422"], "\(requests)")
    #expect(requests.first?["pages"] == "2", "\(requests)")
    let data = try JSONSerialization.jsonObject(with: Data(buffer: sample)) as! [String: Any]
    for member in data["members"] as! [[String: Any]] {
      #expect(!text.contains(member["name"] as! String))
      #expect(!text.contains(member["idNumber"] as! String))
    }
    #expect(!text.contains("郑州市金水区第一实验小学工会"))
  }

  @Test("over a live socket")
  func live() async throws {
    try await ServerFixtures.app(.init(port: 0)).test(.live) { client in
      try await client.postJSON("/v1/documents/payment-notice", try ServerFixtures.sample("payment-notice", "qingdao"))
      { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).hasPrefix("%PDF-"))
      }
    }
  }
}

@Suite("HTTP bad-input matrix")
struct HTTPBadInputTests {
  static let base = (try? String(buffer: ServerFixtures.sample("confirmation", "henan-12"))) ?? ""
  static let cases: [(String, String, String)] = [
    ("NUL", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"王\\u0000丽娟\""), "\"path\":\"unit.contact\""),
    (
      "wrong type", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : true"),
      "\"path\":\"total\""
    ),
    (
      "unknown field",
      base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"960.00\", \"totl\": 1"),
      "\"path\":\"totl\""
    ),
    (
      "exponent", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : 1e9"), "\"path\":\"total\""
    ),
    ("-0 total", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : -0"), "\"path\":\"total\""),
    (
      "impossible date",
      base.replacingOccurrences(of: "\"printedAt\" : \"2025-02-25\"", with: "\"printedAt\" : \"2025-13-01\""),
      "\"path\":\"printedAt\""
    ),
    ("no glyph", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"\u{2A6D7}\""), "U+2A6D7"),
    ("RTL override", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"\\u202E王丽娟\""), "U+202E"),
    (
      "1 MB string",
      base.replacingOccurrences(of: "\"王丽娟\"", with: "\"" + String(repeating: "王", count: 1_000_000) + "\""), "文字过长"
    ),
    ("deep nesting", String(repeating: "[", count: 5000), "nested more than 64 levels"),
  ]

  @Test("each is a 4xx problem naming the field, never a 500", arguments: cases.map(\.0))
  func matrix(_ name: String) async throws {
    let (_, json, expected) = Self.cases.first { $0.0 == name }!
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: json)) { response in
        #expect((400..<500).contains(Int(response.status.code)), "\(name): \(response.status)")
        #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        #expect(String(buffer: response.body).contains(expected), "\(name)")
      }
    }
  }
}
