import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import ZIPFoundation

@testable import WenshuServer

/// Batch jobs: items printed one by one (a bad one fails alone), kept in the job store across
/// a restart, visible to their key only, cancelled, removed after retention, and announced by
/// a signed webhook retried with the same delivery id.
@Suite("Batch jobs")
struct JobTests {
  static func sample(_ name: String = "qingdao-union") throws -> String {
    String(buffer: try ServerFixtures.sample("invoice-preview", name))
  }

  static func job(_ items: [String], webhook: String? = nil) -> ByteBuffer {
    let hook = webhook.map { #", "webhook": "\#($0)""# } ?? ""
    return ByteBuffer(string: #"{"document": "invoice-preview", "items": [\#(items.joined(separator: ","))]\#(hook)}"#)
  }

  static func configuration(_ jobs: JobSettings = JobSettings(), keys: String? = nil) throws -> ServerConfiguration {
    var configuration = ServerConfiguration(workers: 1, scopedKeys: try keys.map(APIKeyFile.parse) ?? [])
    configuration.jobs = jobs
    return configuration
  }

  static func object(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
  }

  /// Submits a job and answers its id.
  static func submit(
    _ client: some TestClientProtocol, _ body: ByteBuffer, headers: HTTPFields = ServerFixtures.json
  ) async throws -> String {
    try await client.execute(uri: "/v1/jobs", method: .post, headers: headers, body: body) { response in
      #expect(response.status == .accepted, "\(String(buffer: response.body))")
      let location = try #require(response.headers[.location])
      return String(location.dropFirst("/v1/jobs/".count))
    }
  }

  /// The job's status once it is no longer queued or running. Only a hang guard bounds the wait.
  static func finished(
    _ client: some TestClientProtocol, _ id: String, headers: HTTPFields = ServerFixtures.json
  ) async throws -> [String: Any] {
    for _ in 0..<2400 {
      let status = try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: headers) { try object($0) }
      if let state = status["state"] as? String, state != "queued", state != "running" { return status }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("job \(id) did not finish in 2 minutes (hang guard)")
    return [:]
  }

  static func entries(_ zip: ByteBuffer) throws -> [String] {
    try Archive(data: Data(buffer: zip), accessMode: .read).map(\.path)
  }

  @Test("a bad item fails alone with its path into the job; the others are printed, in order")
  func badItemFailsAlone() async throws {
    let good = try Self.sample()
    let bad = good.replacingOccurrences(of: #""total": "80.00""#, with: #""total": "81.00""#)
    #expect(bad != good)
    try await ServerFixtures.app(Self.configuration()).test(.router) { client in
      let id = try await Self.submit(client, Self.job([good, bad, good]))
      let status = try await Self.finished(client, id)
      #expect(status["state"] as? String == "completed")
      #expect(status["items"] as? Int == 3)
      #expect(status["printed"] as? Int == 2)
      #expect(status["failed"] as? Int == 1)
      let problems = status["problems"] as? [[String: Any]] ?? []
      #expect(!problems.isEmpty)
      #expect(problems.allSatisfy { ($0["path"] as? String)?.hasPrefix("items[1]") == true && $0["item"] as? Int == 2 })
      #expect(problems.contains { $0["path"] as? String == "items[1].total" }, "\(problems)")
      try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/zip")
        let names = try Self.entries(response.body)
        #expect(names.count == 2)
        #expect(names.map { String($0.prefix(4)) } == ["001-", "003-"], "\(names)")
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        var pdf = Data()
        let first = try #require(Array(archive).first)
        _ = try archive.extract(first) { pdf.append($0) }
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
      }
    }
  }

  @Test("the same Idempotency-Key and body give the same job; another body under it is 422")
  func idempotency() async throws {
    let item = try Self.sample()
    try await ServerFixtures.app(Self.configuration()).test(.router) { client in
      var headers = ServerFixtures.json
      headers[HTTPField.Name("Idempotency-Key")!] = "renewal-2026-01"
      let first = try await Self.submit(client, Self.job([item]), headers: headers)
      let again = try await Self.submit(client, Self.job([item]), headers: headers)
      #expect(first == again)
      try await client.execute(uri: "/v1/jobs", method: .post, headers: headers, body: Self.job([item, item])) {
        response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("idempotency-key-reused"))
      }
      let other = try await Self.submit(client, Self.job([item]))
      #expect(other != first)
    }
  }

  @Test("another key can neither see, fetch nor cancel a job; its own key can")
  func otherKeyCannotSee() async throws {
    let keys = """
      keys:
        - { id: first, sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce, offices: ["*"] }
        - { id: second, sha256: CFF328B0CD16B96494C4FFAAE5B78DBA91C35122BF4A434FB024B865DE72CB5F, offices: ["*"] }
      """
    let first: HTTPFields = [.contentType: "application/json", .authorization: "Bearer qingdao-secret"]
    let second: HTTPFields = [.contentType: "application/json", .authorization: "Bearer all-secret"]
    try await ServerFixtures.app(Self.configuration(keys: keys)).test(.router) { client in
      let id = try await Self.submit(client, Self.job([try Self.sample()]), headers: first)
      _ = try await Self.finished(client, id, headers: first)
      for (uri, method) in [("/v1/jobs/\(id)", HTTPRequest.Method.get), ("/v1/jobs/\(id)/result", .get)] {
        try await client.execute(uri: uri, method: method, headers: second) { #expect($0.status == .notFound) }
        try await client.execute(uri: uri, method: method, headers: first) { #expect($0.status == .ok) }
      }
      try await client.execute(uri: "/v1/jobs/\(id)", method: .delete, headers: second) {
        #expect($0.status == .notFound)
      }
      try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: first) { #expect($0.status == .ok) }
    }
  }

  @Test("a key limited to some offices cannot make a job with another office's item (403 at items[i].office)")
  func officeScope() async throws {
    let keys = """
      keys:
        - { id: guangdong-only, sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce, offices: [guangdong] }
      """
    let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer qingdao-secret"]
    try await ServerFixtures.app(Self.configuration(keys: keys)).test(.router) { client in
      try await client.execute(
        uri: "/v1/jobs", method: .post, headers: headers, body: Self.job([try Self.sample()])
      ) { response in
        #expect(response.status == .forbidden)
        let problem = try ScopedKeyTests.problem(response)
        #expect(ScopedKeyTests.paths(problem) == ["items[0].office"])
      }
    }
  }

  @Test("DELETE cancels an unfinished job: nothing more is printed and there is no result")
  func cancel() async throws {
    let long = String(buffer: try ServerFixtures.sample("confirmation", "henan-2000"))
    let body = ByteBuffer(
      string: #"{"document": "confirmation", "items": [\#(Array(repeating: long, count: 6).joined(separator: ","))]}"#)
    try await ServerFixtures.app(Self.configuration()).test(.router) { client in
      let id = try await Self.submit(client, body)
      try await client.execute(uri: "/v1/jobs/\(id)", method: .delete, headers: [:]) {
        #expect($0.status == .noContent)
      }
      let status = try await Self.finished(client, id)
      #expect(status["state"] as? String == "cancelled")
      let printed = status["printed"] as? Int ?? -1
      #expect(printed < 6)
      try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) {
        #expect($0.status == .conflict)
      }
      // An item in flight when it was cancelled is not recorded afterwards.
      try await Task.sleep(for: .seconds(2))
      let later = try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: [:]) { try Self.object($0) }
      #expect(later["printed"] as? Int == printed)
      #expect(later["remaining"] as? Int == 0)
    }
  }

  @Test("a finished job is removed after its retention; DELETE removes one at once")
  func retention() async throws {
    let item = try Self.sample()
    // 4 s, not 1: the finished state must be seen before the job goes, and on a busy machine
    // one status poll took longer than a second (the job was gone before it was seen done).
    try await ServerFixtures.app(Self.configuration(JobSettings(retention: 4))).test(.router) { client in
      let id = try await Self.submit(client, Self.job([item]))
      let status = try await Self.finished(client, id)
      #expect(status["expiresAt"] is String)
      var gone = false
      for _ in 0..<1200 where !gone {
        gone = try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: [:]) { $0.status == .notFound }
        if !gone { try await Task.sleep(for: .milliseconds(100)) }
      }
      #expect(gone, "the job outlived its retention of 4 s by 2 minutes (hang guard)")
    }
    try await ServerFixtures.app(Self.configuration()).test(.router) { client in
      let id = try await Self.submit(client, Self.job([item]))
      _ = try await Self.finished(client, id)
      // Kept while its retention (a day) runs.
      try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) { #expect($0.status == .ok) }
      try await client.execute(uri: "/v1/jobs/\(id)", method: .delete, headers: [:]) {
        #expect($0.status == .noContent)
      }
      try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: [:]) { #expect($0.status == .notFound) }
    }
  }

  @Test("with SQLite, a job made before a restart, its items held by a worker that died, is finished after it")
  func restartKeepsJob() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-jobs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("state/jobs.sqlite").path
    let item = try Self.sample()
    // The first process stores the job, but looks for work only once an hour: it ends before printing.
    let idle = JobSettings(database: path, lease: 1, pollInterval: .seconds(3600))
    let id = try await ServerFixtures.app(Self.configuration(idle)).test(.router) { client in
      let id = try await Self.submit(client, Self.job([item, item, item]))
      let status = try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: [:]) { try Self.object($0) }
      #expect(status["printed"] as? Int == 0)
      return id
    }
    // A worker claims two items and dies without a word.
    let store = try SQLiteJobStore(path: path, retention: 3600)
    let held = try await store.claim(worker: "dead", limit: 2, until: Date().addingTimeInterval(1), now: Date())
    #expect(held.count == 2)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let folderMode =
      try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[
        .posixPermissions] as? Int
    #expect(folderMode == 0o700)
    // The process starts again on the same file, and finishes the job once the dead lease runs out.
    try await ServerFixtures.app(Self.configuration(JobSettings(database: path, lease: 1))).test(.router) { client in
      let status = try await Self.finished(client, id)
      #expect(status["state"] as? String == "completed")
      #expect(status["printed"] as? Int == 3)
      try await client.execute(uri: "/v1/jobs/\(id)/result", method: .get, headers: [:]) { response in
        let names = try Self.entries(response.body)
        #expect(names.map { String($0.prefix(4)) } == ["001-", "002-", "003-"])
      }
    }
    // The dead worker's late completion is refused: the item is printed once.
    let late = try await store.complete(
      held[0].key, worker: "dead", outcome: .printed(file: [1], name: "late.pdf", pages: 1), now: Date())
    #expect(!late)
  }

  @Test("a webhook receiver that fails twice then succeeds gets the same delivery id three times, validly signed")
  func webhookRetried() async throws {
    let secret = "receiver-shared-secret"
    let calls = WebhookCalls()
    let router = Router()
    router.post("/hook") { request, _ -> Response in
      let body = try await request.body.collect(upTo: 1 << 20)
      let n = calls.record(headers: request.headers, body: [UInt8](buffer: body))
      return Response(status: n <= 2 ? .internalServerError : .ok)
    }
    let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await receiver.test(.live) { hook in
      let url = "http://127.0.0.1:\(hook.port!)/hook"
      var configuration = try Self.configuration(JobSettings(webhookPrivate: true, webhookFirstRetry: 0.05))
      configuration.webhookSecret = secret
      try await ServerFixtures.app(configuration).test(.router) { client in
        let job = try await Self.submit(client, Self.job([try Self.sample()], webhook: url))
        for _ in 0..<1200 where calls.count < 3 { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .milliseconds(300))
        let seen = calls.all
        #expect(seen.count == 3, "a delivered webhook is not sent again")
        let ids = Set(seen.map { $0.headers[HTTPField.Name("webhook-id")!] ?? "" })
        #expect(ids.count == 1 && !ids.contains(""))
        for call in seen {
          let id = call.headers[HTTPField.Name("webhook-id")!] ?? ""
          let timestamp = call.headers[HTTPField.Name("webhook-timestamp")!] ?? ""
          var message = Array("\(id).\(timestamp).".utf8)
          message += call.body
          let mac = HMAC<Crypto.SHA256>.authenticationCode(
            for: message, using: SymmetricKey(data: Array(secret.utf8)))
          #expect(call.headers[HTTPField.Name("webhook-signature")!] == "v1," + Data(mac).base64EncodedString())
          let payload = try #require(try JSONSerialization.jsonObject(with: Data(call.body)) as? [String: Any])
          #expect(payload["delivery"] as? String == id)
          #expect((payload["job"] as? [String: Any])?["id"] as? String == job)
          #expect((payload["job"] as? [String: Any])?["state"] as? String == "completed")
        }
        #expect(seen.allSatisfy { $0.body == seen[0].body })
      }
    }
  }

  @Test("a webhook to a loopback or private address is refused unless the server allows it")
  func webhookTargets() async throws {
    var configuration = try Self.configuration()
    configuration.webhookSecret = "receiver-shared-secret"
    try await ServerFixtures.app(configuration).test(.router) { client in
      for url in [
        "https://127.0.0.1/hook", "https://10.1.2.3/", "https://169.254.169.254/latest", "http://example.org/",
      ] {
        try await client.execute(
          uri: "/v1/jobs", method: .post, headers: ServerFixtures.json,
          body: Self.job([try Self.sample()], webhook: url)
        ) { response in
          #expect(response.status == .unprocessableContent, "\(url)")
          #expect(String(buffer: response.body).contains("webhook"))
        }
      }
    }
    #expect(WebhookTarget.isInternal("192.168.1.1") && WebhookTarget.isInternal("::1"))
    #expect(WebhookTarget.isInternal("fd00::1") && !WebhookTarget.isInternal("93.184.216.34"))
  }
}

/// What a test's webhook receiver was sent (a Mutex holds the calls: Sendable as checked).
final class WebhookCalls: Sendable {
  private let calls = Mutex<[(headers: HTTPFields, body: [UInt8])]>([])

  /// Records a call; answers how many there have been.
  func record(headers: HTTPFields, body: [UInt8]) -> Int {
    calls.withLock {
      $0.append((headers, body))
      return $0.count
    }
  }

  var count: Int { calls.withLock { $0.count } }
  var all: [(headers: HTTPFields, body: [UInt8])] { calls.withLock { $0 } }
}
