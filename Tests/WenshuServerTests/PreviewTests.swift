import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WenshuDocuments
import WenshuServer

/// `wenshu preview`'s routes (the browser test, scripts/preview-test, drives the page itself).
@Suite("Preview routes", .serialized)
struct PreviewTests {
  static func app(home: WenshuHome = ServerFixtures.home) throws -> some ApplicationProtocol {
    try PreviewService.application(home: home, port: 0, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
  }

  static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
  }

  @Test("the page, its script and style sheet come from the binary")
  func assets() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        let page = String(buffer: response.body)
        #expect(page.contains("<textarea id=\"data\""), "\(page.prefix(200))")
        #expect(page.contains("src=\"/preview.js\""))
      }
      try await client.execute(uri: "/preview.js", method: .get) { response in
        #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(String(buffer: response.body).contains("function locate("))
      }
      try await client.execute(uri: "/preview.css", method: .get) { #expect($0.status == .ok) }
    }
  }

  @Test("the pickers list documents, variants, offices and samples; a sample is served only by its name")
  func catalogueAndSamples() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/api/documents", method: .get) { response in
        let body = try Self.object(response.body)
        let documents = try #require(body["documents"] as? [[String: Any]])
        let notification = try #require(documents.first { $0["document"] as? String == "notification" })
        #expect(notification["variants"] as? [String] == ["default", "district"])
        #expect((notification["samples"] as? [String])?.contains("shanghai-district") == true)
        #expect(body["layoutError"] == nil)
      }
      let sample = try ServerFixtures.sample("confirmation", "henan-12")
      try await client.execute(uri: "/api/samples/confirmation/henan-12", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.body == sample)
      }
      for uri in ["/api/samples/confirmation/missing", "/api/samples/confirmation/..%2F..%2FPackage"] {
        try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound, "\(uri)") }
      }
    }
  }

  @Test("data renders to one PNG page; problems come with their paths, a syntax error with its line")
  func render() async throws {
    let sample = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
    try await Self.app().test(.router) { client in
      try await client.postJSON("/api/render/confirmation?page=9&dpi=40", ByteBuffer(string: sample)) { response in
        let body = try Self.object(response.body)
        let png = try #require(Data(base64Encoded: body["png"] as? String ?? ""))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Page 9 of a 2-page document: the last page is shown.
        #expect(body["pages"] as? Int == 2)
        #expect(body["page"] as? Int == 2)
      }
      let broken = sample.replacingOccurrences(of: "41110319811020330X", with: "411103198110203301")
      try await client.postJSON("/api/render/confirmation", ByteBuffer(string: broken)) { response in
        let body = try Self.object(response.body)
        #expect(body["png"] == nil)
        let problems = try #require(body["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["path"] as? String == "members[0].idNumber" }, "\(problems)")
      }
      try await client.postJSON("/api/render/confirmation", ByteBuffer(string: "{\n  \"unit\": ,\n}")) { response in
        let syntax = try #require(try Self.object(response.body)["syntaxError"] as? [String: Any])
        #expect(syntax["line"] as? Int == 2)
        #expect(syntax["column"] as? Int == 11)
      }
    }
  }

  @Test("a saved layout is reloaded; a broken one is answered with its file and line until it is fixed")
  func reload() async throws {
    let folder = try ServerFixtures.editableHome("preview")
    defer { try? FileManager.default.removeItem(at: folder) }
    let layout = folder.appendingPathComponent("Layouts/notification.yaml")
    let original = try String(contentsOf: layout, encoding: .utf8)
    let sample = try ServerFixtures.sample("notification", "shanghai-grassroots")

    try await Self.app(home: WenshuHome(root: folder)).test(.live) { client in
      func layouts(since generation: Int) async throws -> [String: Any] {
        try await client.execute(uri: "/api/layouts?since=\(generation)", method: .get) { try Self.object($0.body) }
      }
      func render() async throws -> [String: Any] {
        try await client.postJSON("/api/render/notification", sample) { try Self.object($0.body) }
      }
      let before = try await render()
      #expect(before["png"] != nil)

      try (original + "\nbogus: 1\n").write(to: layout, atomically: true, encoding: .utf8)
      let broken = try await layouts(since: 1)
      #expect(broken["generation"] as? Int == 2)
      let error = try #require(broken["layoutError"] as? [String: Any])
      #expect(error["file"] as? String == "Layouts/notification.yaml")
      #expect(error["line"] as? Int == original.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
      let refused = try await render()
      #expect(refused["layoutError"] != nil)
      #expect(refused["png"] == nil)

      try original.write(to: layout, atomically: true, encoding: .utf8)
      let fixed = try await layouts(since: 2)
      #expect(fixed["layoutError"] == nil)
      let after = try await render()
      #expect(after["png"] as? String == before["png"] as? String)
    }
  }
}
