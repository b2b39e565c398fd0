import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import WenshuSigning

/// `GET /v1/verify`, `GET /verify` and `GET /v1/keys` on a server started with code keys.
@Suite("verification routes")
struct VerificationRouteTests {
  /// A key folder: Qingdao's current key, and one retired key of Qingdao's whose code is `old`.
  struct Folder {
    let url: URL
    let current: CodeKey
    let old: String
  }

  static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "openssl \(arguments)")
  }

  static let facts = VerificationFacts(
    document: "payment-notice", number: "PRT2612", office: "qingdao", unit: "青岛<b>单位</b> & \"Co\" 's",
    amounts: ["5,652.00"], pages: 1, printed: "2025-03-01", digest: "00112233445566778899aabbccddeeff")

  /// Makes a key, signs a code with it, rotates it (its public half kept in retired/), makes a new one.
  static func folder() throws -> Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-code-keys-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("retired"), withIntermediateDirectories: true)
    let key = url.appendingPathComponent("qingdao.ed25519").path
    try openssl(["genpkey", "-algorithm", "ed25519", "-out", key])
    let old = try VerificationCode.issue(facts, key: try #require(try CodeKeyRing(folder: url).current["qingdao"]))
    try openssl(["pkey", "-in", key, "-pubout", "-out", url.appendingPathComponent("retired/qingdao.2025-01.pub").path])
    try FileManager.default.removeItem(atPath: key)
    try openssl(["genpkey", "-algorithm", "ed25519", "-out", key])
    return Folder(url: url, current: try #require(try CodeKeyRing(folder: url).current["qingdao"]), old: old)
  }

  static func query(_ code: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return code.addingPercentEncoding(withAllowedCharacters: allowed)!
  }

  func app(_ folder: Folder, apiKeys: [String] = []) throws -> some ApplicationProtocol {
    var configuration = ServerConfiguration(workers: 1, apiKeys: apiKeys)
    configuration.signingKeys = try SigningKeys(folder: folder.url)
    return try ServerFixtures.app(configuration)
  }

  func answer(_ response: TestResponse) throws -> VerificationAnswer {
    try JSONDecoder().decode(VerificationAnswer.self, from: Data(Array(buffer: response.body)))
  }

  @Test("/v1/verify: a genuine code's facts; an altered one valid: false with the reason; no code 400")
  func json() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let code = try VerificationCode.issue(Self.facts, key: folder.current)
    var characters = Array(code)
    characters[characters.count - 2] = characters[characters.count - 2] == "0" ? "1" : "0"
    let altered = String(characters)
    try await app(folder).test(.router) { client in
      try await client.execute(uri: "/v1/verify?c=\(Self.query(code))", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        let answer = try answer(response)
        #expect(answer.valid && answer.facts == Self.facts && answer.keyId == folder.current.id)
        #expect(answer.retired == false)
      }
      // A form's `+` for a space (Base45 has spaces) reads as a space.
      let plus = Self.query(code).replacingOccurrences(of: "%20", with: "+")
      try await client.execute(uri: "/v1/verify?c=\(plus)", method: .get) { response in
        let answer = try answer(response)
        #expect(answer.valid)
      }
      try await client.execute(uri: "/v1/verify?c=\(Self.query(altered))", method: .get) { response in
        #expect(response.status == .ok)
        let answer = try answer(response)
        #expect(!answer.valid && answer.facts == nil && answer.reason != nil)
      }
      try await client.execute(uri: "/v1/verify", method: .get) { response in
        #expect(response.status == .badRequest)
      }
      // Longer than the description allows: refused, on both routes.
      let long = "WS1:" + String(repeating: "A", count: 4093)
      for path in ["/v1/verify", "/verify"] {
        try await client.execute(uri: "\(path)?c=\(long)", method: .get) { response in
          #expect(response.status == .badRequest, "\(path)")
        }
      }
    }
  }

  @Test("after a rotation the old key's code still verifies, marked retired; /v1/keys lists both keys by id")
  func rotation() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    try await app(folder).test(.router) { client in
      try await client.execute(uri: "/v1/verify?c=\(Self.query(folder.old))", method: .get) { response in
        let answer = try answer(response)
        #expect(answer.valid && answer.retired == true && answer.keyId != folder.current.id)
      }
      try await client.execute(uri: "/v1/keys", method: .get) { response in
        #expect(response.status == .ok)
        struct Listing: Decodable { var keys: [PublishedKey] }
        let keys = try JSONDecoder().decode(Listing.self, from: Data(Array(buffer: response.body))).keys
        #expect(keys.map(\.status) == ["current", "retired"])
        #expect(keys.map(\.office) == ["qingdao", "qingdao"])
        #expect(keys[0].id == folder.current.id && keys[0].publicKey == folder.current.publicPEM)
        #expect(!String(decoding: Array(buffer: response.body), as: UTF8.self).contains("PRIVATE"))
      }
    }
  }

  @Test("/verify: a page with the verdict and every fact escaped; without a code, the form; no API key needed")
  func page() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let code = try VerificationCode.issue(Self.facts, key: folder.current)
    try await app(folder, apiKeys: ["a-key-the-clerk-does-not-have"]).test(.router) { client in
      try await client.execute(uri: "/verify?c=\(Self.query(code))", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        let html = String(decoding: Array(buffer: response.body), as: UTF8.self)
        #expect(html.contains("genuine"))
        #expect(html.contains("青岛&lt;b&gt;单位&lt;/b&gt; &amp; &quot;Co&quot; &#39;s"), "\(html)")
        #expect(!html.contains("<b>"))
        #expect(html.contains("PRT2612") && html.contains("5,652.00"))
      }
      try await client.execute(uri: "/verify?c=\(Self.query("WS1:<script>"))", method: .get) { response in
        let html = String(decoding: Array(buffer: response.body), as: UTF8.self)
        #expect(html.contains("not valid") && !html.contains("<script>"))
      }
      try await client.execute(uri: "/verify", method: .get) { response in
        let html = String(decoding: Array(buffer: response.body), as: UTF8.self)
        #expect(response.status == .ok)
        #expect(html.contains("<form") && !html.contains("genuine"))
      }
      try await client.execute(uri: "/v1/keys", method: .get) { response in #expect(response.status == .ok) }
      // The render routes still need the key.
      try await client.execute(uri: "/v1/documents", method: .get) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }
}
