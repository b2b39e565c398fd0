import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer

@testable import WenshuServer

/// Who may print: keys stored as SHA-256 digests, each limited to its offices (and
/// documents), answered 403 naming the key outside them; every render logged with its key.
@Suite("Scoped API keys")
struct ScopedKeyTests {
  /// The secrets are `qingdao-secret`, `notice-secret` and `all-secret`; the file has only digests.
  static let file = """
    keys:
      - id: qingdao-core
        sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce
        offices: [qingdao]
      - id: qingdao-notices
        sha256: 64f45b49df8946a307d95e8f75679bd77882ed8c5beabff2da6c1007c6c44fbc
        offices: [qingdao]
        documents: [payment-notice]
      - id: head-office
        sha256: CFF328B0CD16B96494C4FFAAE5B78DBA91C35122BF4A434FB024B865DE72CB5F
        offices: ["*"]
    """

  static func app(logs: LogStore? = nil, legacy: [String] = []) throws -> some ApplicationProtocol {
    try ServerFixtures.app(.init(workers: 1, apiKeys: legacy, scopedKeys: APIKeyFile.parse(file)), logs: logs)
  }

  static func headers(_ secret: String) -> HTTPFields {
    [.contentType: "application/json", .authorization: "Bearer \(secret)"]
  }

  static func problem(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
  }

  static func paths(_ problem: [String: Any]) -> [String] {
    (problem["problems"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
  }

  @Test("SHA-256 gives the standard's test vectors, one block and several")
  func sha256() {
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(Array(String(repeating: "文书", count: 100).utf8))
        == "afff59120ec1fb3a304a100c02cc98d762abbc7253c692d427ede7de7e4db65e")
  }

  @Test("a key file is read as YAML; a typo, a secret in clear or a plain list is refused naming the key and field")
  func keyFile() throws {
    let keys = try APIKeyFile.parse(Self.file)
    #expect(keys.map(\.id) == ["qingdao-core", "qingdao-notices", "head-office"])
    #expect(keys[0].offices == ["qingdao"] && keys[0].documents == nil)
    #expect(keys[1].documents == ["payment-notice"])
    #expect(keys[2].offices == nil && keys[2].unlimited)
    let digest = "e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce"
    let refused: [(String, String)] = [
      ("keys:\n  - {id: a, sha256: \(digest), office: [qingdao]}", "keys[0].office: unknown field"),
      ("keys:\n  - {id: a, sha256: qingdao-secret, offices: [qingdao]}", "keys[0].sha256"),
      ("keys:\n  - {id: a, sha256: \(digest)}", "keys[0].offices"),
      ("keys:\n  - {id: a, sha256: \(digest), offices: []}", "keys[0].offices"),
      ("keys:\n  - {id: a, sha256: \(digest), offices: [qingdao], documents: []}", "keys[0].documents"),
      ("keys:\n  - {id: 'a b', sha256: \(digest), offices: [qingdao]}", "keys[0].id"),
      (
        "keys:\n  - {id: a, sha256: \(digest), offices: [qingdao]}\n  - {id: a, sha256: \(digest), offices: [henan]}",
        "keys[1].id: 'a' twice"
      ),
      ("s3cret-key\nother-key\n", "plain keys, one per line, go in WENSHU_API_KEYS"),
      ("keys: []", "keys: the list is empty"),
    ]
    for (text, message) in refused {
      #expect(throws: APIKeyFile.Invalid.self) { try APIKeyFile.parse(text) }
      do { _ = try APIKeyFile.parse(text) } catch { #expect(error.description.contains(message), "\(error)") }
    }
  }

  @Test("a key naming an office or document the layouts do not have stops start-up")
  func unknownScope() throws {
    for scope in ["offices: [qingdoa]", "offices: [qingdao], documents: [payment-notise]"] {
      let keys = try APIKeyFile.parse(
        "keys:\n  - {id: typo, sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce, \(scope)}")
      #expect(throws: APIKeyFile.Invalid.self) {
        _ = try ServerFixtures.app(.init(workers: 1, scopedKeys: keys))
      }
    }
  }

  @Test("a key prints its own office's documents; another office's or data with no office is 403 naming the key")
  func officeScope() async throws {
    let qingdao = String(buffer: try ServerFixtures.sample("payment-notice", "qingdao"))
    let guangdong = try ServerFixtures.sample("payment-notice", "guangdong")
    let noOffice = qingdao.replacingOccurrences(of: "\"office\": \"qingdao\",", with: "")
    #expect(noOffice != qingdao)
    try await Self.app().test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/payment-notice", method: .post, headers: Self.headers("qingdao-secret"),
        body: ByteBuffer(string: qingdao)
      ) { #expect($0.status == .ok) }
      for (body, office) in [
        (guangdong, "not for office 'guangdong'"), (ByteBuffer(string: noOffice), "names no office"),
      ] {
        try await client.execute(
          uri: "/v1/documents/payment-notice", method: .post, headers: Self.headers("qingdao-secret"), body: body
        ) { response in
          #expect(response.status == .forbidden)
          let problem = try Self.problem(response)
          let detail = problem["detail"] as? String ?? ""
          #expect(detail.contains("API key 'qingdao-core'") && detail.contains(office), "\(detail)")
          #expect(!String(buffer: response.body).contains("qingdao-secret"))
          #expect(Self.paths(problem) == ["office"])
        }
      }
      // The same check on …/validate: nothing printed, but nor is another office's check run.
      try await client.execute(
        uri: "/v1/documents/payment-notice/validate", method: .post, headers: Self.headers("qingdao-secret"),
        body: guangdong
      ) { #expect($0.status == .forbidden) }
      // A key for every office prints them all.
      try await client.execute(
        uri: "/v1/documents/payment-notice", method: .post, headers: Self.headers("all-secret"), body: guangdong
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("a key limited to some documents gets 403 for another, naming the key")
  func documentScope() async throws {
    try await Self.app().test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: Self.headers("notice-secret"),
        body: try ServerFixtures.sample("confirmation", "qingdao-8")
      ) { response in
        #expect(response.status == .forbidden)
        let detail = try Self.problem(response)["detail"] as? String ?? ""
        #expect(detail.contains("API key 'qingdao-notices'"))
      }
      try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: Self.headers("qingdao-secret"),
        body: try ServerFixtures.sample("confirmation", "qingdao-8")
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("a batch with one item of another office is refused whole, at that item")
  func batchScope() async throws {
    let qingdao = String(buffer: try ServerFixtures.sample("payment-notice", "qingdao"))
    let guangdong = String(buffer: try ServerFixtures.sample("payment-notice", "guangdong"))
    try await Self.app().test(.router) { client in
      for format in ["", "?format=zip"] {
        try await client.execute(
          uri: "/v1/documents/payment-notice/batch\(format)", method: .post, headers: Self.headers("qingdao-secret"),
          body: ByteBuffer(string: "[\(qingdao), \(qingdao), \(guangdong)]")
        ) { response in
          #expect(response.status == .forbidden)
          let problem = try Self.problem(response)
          #expect(Self.paths(problem) == ["[2].office"])
        }
      }
      try await client.execute(
        uri: "/v1/documents/payment-notice/batch", method: .post, headers: Self.headers("qingdao-secret"),
        body: ByteBuffer(string: "[\(qingdao), \(qingdao)]")
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("data with a member sheet is held to the key's offices like JSON")
  func formScope() async throws {
    let (form, body) = try MemberSheetRouteTests.form(data: "henan-unit.json", sheet: "openpyxl-members.xlsx")
    var authorized = form
    authorized[.authorization] = "Bearer qingdao-secret"
    let headers = authorized
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body) {
        response in
        #expect(response.status == .forbidden)
        let detail = try Self.problem(response)["detail"] as? String ?? ""
        #expect(detail.contains("not for office 'henan'"))
      }
    }
  }

  @Test("keys given the old way print every office's; listings and schemas are open to any valid key")
  func unscopedAndListings() async throws {
    try await Self.app(legacy: ["s3cret-key"]).test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/payment-notice", method: .post, headers: Self.headers("s3cret-key"),
        body: try ServerFixtures.sample("payment-notice", "guangdong")
      ) { #expect($0.status == .ok) }
      for uri in ["/v1/documents", "/v1/documents/payment-notice/schema?office=guangdong", "/openapi.yaml"] {
        try await client.execute(uri: uri, method: .get, headers: Self.headers("notice-secret")) {
          #expect($0.status == .ok, "\(uri)")
        }
      }
      try await client.execute(uri: "/v1/documents", method: .get, headers: Self.headers("wrong-secret")) {
        #expect($0.status == .unauthorized)
      }
    }
  }

  @Test("one log line per render: key, document, office, number, pages and the file's SHA-256; no name or ID number")
  func renderRecord() async throws {
    let logs = LogStore()
    let qingdao = String(buffer: try ServerFixtures.sample("confirmation", "qingdao-8"))
    let digests = try await Self.app(logs: logs).test(.router) { client -> [String] in
      let one = try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: Self.headers("qingdao-secret"),
        body: ByteBuffer(string: qingdao)
      ) { response in
        #expect(response.status == .ok)
        return SHA256.hex(Array(response.body.readableBytesView))
      }
      let batch = try await client.execute(
        uri: "/v1/documents/confirmation/batch", method: .post, headers: Self.headers("all-secret"),
        body: ByteBuffer(string: "[\(qingdao), \(qingdao)]")
      ) { response in
        #expect(response.status == .ok)
        return SHA256.hex(Array(response.body.readableBytesView))
      }
      return [one, batch]
    }
    let renders = logs.events.filter { $0.message == "render" }
    let number = try #require(qingdao.firstMatch(of: /"confirmationNumber"\s*:\s*"([^"]+)"/)?.1)
    #expect(renders.count == 3)
    for (i, render) in renders.enumerated() {
      #expect(render.metadata["key"] == (i == 0 ? "qingdao-core" : "head-office"))
      #expect(render.metadata["document"] == "confirmation")
      #expect(render.metadata["office"] == "\"qingdao\"")
      #expect(render.metadata["reference"] == "\"\(number)\"")
      #expect(render.metadata["pages"] == "2")
      #expect(render.metadata["sha256"] == digests[i == 0 ? 0 : 1])
      #expect(render.metadata["item"] == (i == 0 ? nil : String(i)))
    }
    let members = qingdao.matches(of: /"(name|idNumber)"\s*:\s*"([^"]+)"/).map { String($0.2) }
    #expect(members.count > 8)
    for value in members { #expect(!logs.all.contains(value), "\(value) in the logs") }
    #expect(!logs.all.contains("secret"))
  }
}
