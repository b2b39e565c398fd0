import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer

/// `POST /v1/documents/{document}/validate`, and warnings and problems kept to a readable size.
@Suite("Validate route and bounded reports")
struct ValidateTests {
  func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
  }

  @Test("valid data: valid, its pages and its warnings in the body")
  func valid() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/invoice-preview/validate", try ServerFixtures.sample("invoice-preview", "qingdao-union")
      ) { response in
        #expect(response.status == .ok)
        let body = try object(response.body)
        #expect(body["valid"] as? Bool == true)
        #expect(body["pages"] as? Int == 1)
        #expect(body["warningCount"] as? Int == 1)
        #expect((body["warnings"] as? [[String: Any]])?.first?["path"] as? String == "payer.creditCode")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Warnings")!] == "1")
      }
    }
  }

  @Test("problems with their paths and the row a clerk sees in 序号; nothing is printed")
  func problems() async throws {
    let bad = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
      .replacingOccurrences(of: "\"王丽娟\"", with: "\"\u{2A6D7}\"")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation/validate", ByteBuffer(string: bad)) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        let body = try object(response.body)
        #expect(body["valid"] as? Bool == false)
        let problems = try #require(body["problems"] as? [[String: Any]])
        #expect(
          problems.contains {
            ($0["path"] as? String)?.hasPrefix("unit.contact") == true
              || ($0["message"] as? String)?.contains("U+2A6D7") == true
          }, "\(problems)")
      }
      let row = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
      let data = try JSONSerialization.jsonObject(with: Data(row.utf8)) as! [String: Any]
      var members = data["members"] as! [[String: Any]]
      members[11]["idNumber"] = "41010519900101001X"
      var changed = data
      changed["members"] = members
      try await client.postJSON(
        "/v1/documents/confirmation/validate", ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: changed))
      ) { response in
        let problems = try #require(try object(response.body)["problems"] as? [[String: Any]])
        let p = try #require(
          problems.first { ($0["path"] as? String)?.hasPrefix("members[11]") == true }, "\(problems)")
        #expect(p["row"] as? Int == 12)
      }
    }
  }

  @Test("300 e-bills with a failing payer code: a count in the header, not 300 warnings")
  func warningsCounted() async throws {
    let bill = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-union"))
    let batch = "[" + Array(repeating: bill, count: 300).joined(separator: ",") + "]"
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/invoice-preview/batch", ByteBuffer(string: batch)) { response in
        #expect(response.status == .ok)
        #expect(response.headers[HTTPField.Name("X-Wenshu-Warnings")!] == "300")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "300")
      }
    }
  }

  @Test("300,000 unknown keys: the first 100 problems and the total")
  func problemsCapped() async throws {
    var text = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-union"))
    text.removeLast(text.count - text.lastIndex(of: "}")!.utf16Offset(in: text))
    text += (0..<300_000).map { ",\"k\($0)\":1" }.joined() + "}"
    let body = ByteBuffer(string: text)
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/invoice-preview", body) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.body.readableBytes < 64 << 10, "\(response.body.readableBytes) bytes")
        let body = try object(response.body)
        #expect((body["problems"] as? [Any])?.count == 100)
        #expect((body["problemCount"] as? Int ?? 0) >= 300_000)
      }
    }
  }
}
