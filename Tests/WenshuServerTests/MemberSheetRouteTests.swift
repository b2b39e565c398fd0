import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer

/// `POST /v1/documents/{document}` as multipart/form-data: the data and the unit's sheet.
@Suite("Member sheet over HTTP")
struct MemberSheetRouteTests {
  static let fixtures = ServerFixtures.root.appendingPathComponent("Tests/WenshuSheetsTests/Fixtures")
  static let boundary = "----wenshu-form-7f3a"

  /// A form as browsers and `curl -F` send it.
  static func form(data: String, sheet name: String) throws -> (HTTPFields, ByteBuffer) {
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"data\"; filename=\"unit.json\"\r\n")
    body.writeString("Content-Type: application/json\r\n\r\n")
    body.writeBytes(try Data(contentsOf: fixtures.appendingPathComponent(data)))
    body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"\(name)\"\r\n")
    body.writeString("Content-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    body.writeString("\r\n--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
  }

  @Test("the data and an xlsx member list print the over-age members' certificates")
  func prints() async throws {
    let logs = LogStore()
    let (headers, body) = try Self.form(data: "henan-unit.json", sheet: "openpyxl-members.xlsx")
    try await ServerFixtures.app(logs: logs).test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body
      ) { response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        #expect(response.headers[.contentType] == "application/pdf")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "3")
        // The two columns the document does not read (序号, 备注) are counted as warnings.
        #expect(response.headers[HTTPField.Name("X-Wenshu-Warnings")!] == "2")
      }
    }
    #expect(!logs.all.contains("姜芳") && !logs.all.contains("411103197007043729"))
  }

  @Test("every problem at its cell, the sheet's own with the render's: 422")
  func problemsAtCells() async throws {
    let (headers, body) = try Self.form(data: "henan-unit.json", sheet: "openpyxl-problems.xlsx")
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body
      ) { response in
        #expect(response.status == .unprocessableContent)
        let problem = try #require(
          try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        let paths = (problem["problems"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == ["Sheet1!C3", "Sheet1!C4", "Sheet1!E6", "Sheet1!E7", "Sheet1!C5", "Sheet1!C8"])
      }
    }
  }

  @Test("a form without the members part, a broken form, and JSON bodies as before")
  func malformed() async throws {
    try await ServerFixtures.app().test(.router) { client in
      var only = ByteBuffer()
      only.writeString("--b\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n{}\r\n--b--\r\n")
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post,
        headers: [.contentType: "multipart/form-data; boundary=b"], body: only
      ) { response in
        #expect(response.status == .badRequest)
        #expect(String(buffer: response.body).contains("'members' part"))
      }
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post,
        headers: [.contentType: "multipart/form-data; boundary=b"], body: ByteBuffer(string: "--b\r\nno end")
      ) { #expect($0.status == .badRequest) }
      try await client.postJSON(
        "/v1/documents/overage-certificate", try ServerFixtures.sample("overage-certificate", "henan")
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("the body limit holds for a form: 413")
  func bodyLimit() async throws {
    let (headers, body) = try Self.form(data: "henan-unit.json", sheet: "openpyxl-members.xlsx")
    try await ServerFixtures.app(.init(workers: 1, bodyLimit: 4096)).test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body
      ) { #expect($0.status == .contentTooLarge) }
    }
  }
}
