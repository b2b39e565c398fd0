import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WenshuServer

/// DNS rebinding: a page on another site that points its name at 127.0.0.1 reaches a
/// loopback server with that name in `Host` (and its origin in `Origin`). Both servers answer
/// only to their own names; the preview asks for a key as a browser's password beyond loopback.
@Suite("Host and Origin checks")
struct HostCheckTests {
  static let host = HTTPField.Name("Host")!

  static func preview(keys: [APIKey] = [], allowedHosts: [String] = []) throws -> some ApplicationProtocol {
    try PreviewService.application(
      home: ServerFixtures.home, port: 0, keys: keys, allowedHosts: allowedHosts,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
  }

  @Test("serve: a Host that is not its name is 403; loopback names, IP addresses and added names pass")
  func serveHost() async throws {
    let app = try ServerFixtures.app(.init(workers: 1, allowedHosts: ["wenshu.internal", ".svc.example"]))
    try await app.test(.router) { client in
      for name in ["attacker.example", "attacker.example:8080", "localhost.attacker.example", "example"] {
        try await client.execute(uri: "/v1/documents", method: .get, headers: [Self.host: name]) { response in
          #expect(response.status == .forbidden, "\(name)")
          #expect(String(buffer: response.body).contains("Host not allowed"))
        }
      }
      for name in [
        "localhost", "LOCALHOST:8080", "127.0.0.1:8080", "[::1]:8080", "10.1.2.3", "wenshu.internal",
        "wenshu.internal.", "api.svc.example:443",
      ] {
        try await client.execute(uri: "/v1/documents", method: .get, headers: [Self.host: name]) {
          #expect($0.status == .ok, "\(name)")
        }
      }
    }
  }

  @Test("preview: a page of another origin is 403, its own page passes")
  func previewOrigin() async throws {
    try await Self.preview().test(.router) { client in
      try await client.execute(uri: "/api/documents", method: .get, headers: [Self.host: "rebound.example:8090"]) {
        #expect($0.status == .forbidden)
      }
      for origin in ["http://rebound.example:8090", "null"] {
        try await client.execute(
          uri: "/api/render/payment-notice", method: .post,
          headers: [Self.host: "127.0.0.1:8090", .origin: origin, .contentType: "application/json"],
          body: try ServerFixtures.sample("payment-notice", "qingdao")
        ) { response in
          #expect(response.status == .forbidden, "\(origin)")
          #expect(String(buffer: response.body).contains("Origin not allowed"))
        }
      }
      try await client.execute(
        uri: "/api/render/payment-notice", method: .post,
        headers: [Self.host: "127.0.0.1:8090", .origin: "http://127.0.0.1:8090", .contentType: "application/json"],
        body: try ServerFixtures.sample("payment-notice", "qingdao")
      ) { #expect($0.status == .ok) }
    }
  }

  static func basic(_ secret: String) -> String { "Basic " + Data("clerk:\(secret)".utf8).base64EncodedString() }

  @Test("preview with keys: a browser is asked for one (Basic); only a key for every office and document passes")
  func previewKeys() async throws {
    let keys =
      APIKey.unscoped(["all-secret"])
      + (try APIKeyFile.parse(
        "keys:\n  - {id: qingdao-core, sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce, offices: [qingdao]}"
      ))
    try await Self.preview(keys: keys).test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .unauthorized)
        #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=") == true)
      }
      try await client.execute(uri: "/", method: .get, headers: [.authorization: Self.basic("qingdao-secret")]) {
        #expect($0.status == .forbidden)
      }
      try await client.execute(uri: "/", method: .get, headers: [.authorization: Self.basic("wrong")]) {
        #expect($0.status == .unauthorized)
      }
      try await client.execute(uri: "/", method: .get, headers: [.authorization: Self.basic("all-secret")]) {
        #expect($0.status == .ok)
      }
    }
  }
}
