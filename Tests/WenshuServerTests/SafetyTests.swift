import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuDocuments
import WenshuServer
import ZIPFoundation

/// Safe by default: what the data may not change, names that cannot escape a folder,
/// headers a client controls, methods, encodings.
@Suite("HTTP safety")
struct SafetyTests {
  static let notice = (try? String(buffer: ServerFixtures.sample("payment-notice", "qingdao"))) ?? ""
  static let forged = notice.replacingOccurrences(
    of: "\"office\": \"qingdao\"",
    with:
      "\"office\": {\"id\": \"qingdao\", \"account\": {\"name\": \"中国职工保险互助会青岛办事处\", \"number\": \"6222000011112222\", \"bank\": \"某银行\", \"bankCode\": \"1\"}}"
  )

  @Test("an office's account in the data is refused; the operator may allow overrides")
  func officeOverrideRefused() async throws {
    #expect(Self.forged != Self.notice)
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/payment-notice", ByteBuffer(string: Self.forged)) { response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("\"path\":\"office\""))
      }
    }
    try await ServerFixtures.app(.init(workers: 1, allowOfficeOverrides: true)).test(.router) { client in
      try await client.postJSON("/v1/documents/payment-notice", ByteBuffer(string: Self.forged)) {
        #expect($0.status == .ok)
      }
    }
  }

  @Test("file names: no separators, no .., no control characters, 255 bytes at most, a telling ASCII fallback")
  func fileNames() {
    for hostile in ["../../etc/passwd", "..\\..\\x", "a:b*c?d\"e<f>g|h", "x\u{0}y\u{1B}z\u{202E}fdp.exe", "..", " . "] {
      let name = FileName(document: "notification", name: hostile, extension: "pdf")
      for file in [name.name, name.ascii] {
        #expect(!file.contains(".."), "\(file)")
        #expect(file.rangeOfCharacter(from: CharacterSet(charactersIn: "/\\:*?\"<>|")) == nil, "\(file)")
        #expect(
          !file.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
          }, "\(file)")
        #expect(!file.hasPrefix("."), "\(file)")
        #expect(file.hasSuffix(".pdf"))
      }
    }
    let long = FileName(document: "notification", name: "告知书-" + String(repeating: "工会", count: 200), extension: "pdf")
    #expect(long.name.utf8.count <= 255 && long.ascii.utf8.count <= 255)
    #expect(long.name.hasSuffix("工会.pdf") || long.name.hasSuffix("工.pdf"))
    let confirmation = FileName(document: "confirmation", name: "确认书-G16002025022510000694", extension: "pdf")
    #expect(confirmation.name == "确认书-G16002025022510000694.pdf")
    #expect(confirmation.ascii == "confirmation-G16002025022510000694.pdf")
  }

  @Test("the ASCII fallback tells apart two notices whose names have no ASCII, the same on every run")
  func asciiFallbackDistinct() {
    let one = FileName(document: "notification", name: "告知书-上海建朗信息科技有限公司工会", extension: "pdf")
    let other = FileName(document: "notification", name: "告知书-上海市浦东新区总工会", extension: "pdf")
    #expect(one.ascii != other.ascii)
    for file in [one, other] {
      #expect(file.ascii.hasPrefix("notification-") && file.ascii.hasSuffix(".pdf"), "\(file.ascii)")
      #expect(file.ascii.allSatisfy { $0.isASCII })
    }
    #expect(one.ascii == FileName(document: "notification", name: "告知书-上海建朗信息科技有限公司工会", extension: "pdf").ascii)
    // FNV-1a of the name's UTF-8 (python3 gives the same), so a name is the same on every machine.
    #expect(one.ascii == "notification-2e856a9a.pdf")
  }

  @Test("a name from the data cannot leave the folder in Content-Disposition or in a ZIP")
  func hostileNamesOverHTTP() async throws {
    let letter = String(buffer: try ServerFixtures.sample("notification", "shanghai-grassroots"))
    let union = try #require(letter.range(of: #""union"\s*:\s*"[^"]*""#, options: .regularExpression))
    let hostile = letter.replacingCharacters(in: union, with: #""union": "../../etc/passwd""#)
    let other = letter.replacingCharacters(in: union, with: #""union": "..\\..\\x""#)
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/notification", ByteBuffer(string: hostile)) { response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        let disposition = response.headers[.contentDisposition] ?? ""
        #expect(
          !disposition.contains("..") && !disposition.contains("/") && !disposition.contains("%2F"), "\(disposition)")
        // The ASCII fallback loses 告知书, so a hash of the whole name tells it from other notices.
        #expect(disposition.contains("filename=\"notification-etc_passwd-df0d819b.pdf\""), "\(disposition)")
      }
      try await client.postJSON(
        "/v1/documents/notification/batch?format=zip", ByteBuffer(string: "[\(hostile),\(other)]")
      ) { response in
        #expect(response.status == .ok)
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names.count == 2)
        for name in names { #expect(!name.contains("..") && !name.contains("/") && !name.contains("\\"), "\(name)") }
        #expect(archive.allSatisfy { $0.type == .file })
      }
    }
  }

  @Test("the auth scheme is case-insensitive")
  func bearerAnyCase() async throws {
    try await ServerFixtures.app(.init(apiKeys: ["s3cret-key"])).test(.router) { client in
      for scheme in ["Bearer", "bearer", "BEARER"] {
        try await client.execute(uri: "/v1/documents", method: .get, headers: [.authorization: "\(scheme) s3cret-key"])
        { #expect($0.status == .ok, "\(scheme)") }
      }
      try await client.execute(uri: "/v1/documents", method: .get, headers: [.authorization: "Basic s3cret-key"]) {
        #expect($0.status == .unauthorized)
      }
    }
  }

  @Test("X-Request-Id: a forged log line is replaced, a good id kept and logged quoted; traceparent logged")
  func requestIDs() async throws {
    let logs = LogStore()
    try await ServerFixtures.app(logs: logs).test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: "x status=500 path=/admin"]) {
        response in
        let id = response.headers[.requestID] ?? ""
        #expect(id != "x status=500 path=/admin" && !id.isEmpty)
      }
      try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: String(repeating: "a", count: 129)])
      {
        #expect($0.headers[.requestID]?.count == 36)
      }
      try await client.execute(
        uri: "/healthz", method: .get,
        headers: [
          .requestID: "order-42",
          HTTPField.Name("traceparent")!: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ]
      ) { #expect($0.headers[.requestID] == "order-42") }
    }
    let text = logs.all
    #expect(!text.contains("status=500 path=/admin"))
    #expect(text.contains("\"order-42\""))
    #expect(text.contains("4bf92f3577b34da6a3ce929d0e0e4736"))
  }

  @Test("a wrong method is 405 with Allow; every GET route answers HEAD")
  func methods() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/v1/documents/confirmation", method: .get) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "POST")
      }
      try await client.execute(uri: "/healthz", method: .post) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "GET, HEAD")
      }
      for path in [
        "/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/documents", "/v1/documents/confirmation/schema",
      ] {
        try await client.execute(uri: path, method: .head) { response in
          #expect(response.status == .ok, "\(path)")
          #expect(response.body.readableBytes == 0)
        }
      }
      try await client.execute(uri: "/nonesuch", method: .get) { #expect($0.status == .notFound) }
    }
  }

  @Test("documents are not cached; a PNG preview is inline and gives the document's page count")
  func cachingAndPreview() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", try ServerFixtures.sample("confirmation", "henan-12")) {
        response in
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
      }
      try await client.postJSON(
        "/v1/documents/confirmation?format=png&page=2&dpi=30", try ServerFixtures.sample("confirmation", "henan-12")
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(response.headers[.contentDisposition]?.hasPrefix("inline;") == true)
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "2")
      }
    }
  }

  @Test("a gzip body is read; one that inflates past the limit is 413; other codings 415")
  func gzipBodies() async throws {
    let sample = try ServerFixtures.sample("confirmation", "henan-12")
    let zipped = try gzip(Array(buffer: sample))
    let bomb = try gzip([UInt8](repeating: 0x20, count: 4 << 20))
    #expect(bomb.count < 64 << 10)
    try await ServerFixtures.app(.init(workers: 1, bodyLimit: 1 << 20)).test(.router) { client in
      var headers = ServerFixtures.json
      headers[.contentEncoding] = "gzip"
      try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: headers, body: ByteBuffer(bytes: zipped)
      ) { response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
      }
      try await client.execute(
        uri: "/v1/documents/confirmation", method: .post, headers: headers, body: ByteBuffer(bytes: bomb)
      ) {
        #expect($0.status == .contentTooLarge)
      }
      headers[.contentEncoding] = "br"
      try await client.execute(uri: "/v1/documents/confirmation", method: .post, headers: headers, body: sample) {
        #expect($0.status == .unsupportedMediaType)
      }
    }
  }

  /// gzip(1) from Debian, so the test does not trust the decoder it checks.
  func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-gzip-\(UUID().uuidString)")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-n", file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
  }
}

extension HTTPField.Name {
  static let requestID = HTTPField.Name("X-Request-Id")!
}
