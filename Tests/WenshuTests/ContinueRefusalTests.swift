import Foundation
import Testing
import WenshuTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `Expect: 100-continue` is answered only for a request that will be read: one the server
/// will refuse hears its final status first, and its client never sends the body.
@Suite("Continue refusals", .serialized)
struct ContinueRefusalTests {
  typealias Connection = ConnectionFaultTests.Connection
  let wire = WireTests()

  /// The first answer to a head with `Expect: 100-continue` and a 100-byte body announced.
  func answer(port: Int, path: String = "/v1/documents/confirmation", headers: String) throws -> String {
    let c = try Connection(port: port)
    #expect(
      c.send(
        Array(
          "POST \(path) HTTP/1.1\r\n\(headers)Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n"
            .utf8)))
    // A hang guard: every answer here is due at once.
    return wire.firstAnswer(c, seconds: 10)
  }

  @Test("no 100 Continue before a foreign Host (403), no or an unknown key (401), or a key for other documents (403)")
  func accessRefusals() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-continue-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let keys = folder.appendingPathComponent("keys.yaml")
    // k-notices: payment notices only; k-all: everything (the SHA-256 of each secret).
    try """
    keys:
      - { id: notices, sha256: 10db8e299ca3fe16bf9658307038930bd69aa8592beaf7e93ea41e2b64781f05, offices: ["*"], documents: [payment-notice] }
      - { id: all, sha256: 9e67b17bca118f04bd5eb90864b1f0ab5477090f3a05df3a27b3eb46719fe9e8, offices: ["*"] }
    """.write(to: keys, atomically: true, encoding: .utf8)
    let (port, server) = try wire.serve(["--api-keys-file", keys.path])
    defer { server.terminate(); server.waitUntilExit() }
    for (headers, status, what) in [
      ("Host: rebound.example\r\nX-API-Key: k-all\r\n", "403", "a foreign Host"),
      ("Host: localhost\r\n", "401", "no key"),
      ("Host: localhost\r\nX-API-Key: k-unknown\r\n", "401", "an unknown key"),
      ("Host: localhost\r\nX-API-Key: k-notices\r\n", "403", "a key for payment notices only"),
    ] {
      let first = try answer(port: port, headers: headers)
      #expect(first.hasPrefix("HTTP/1.1 \(status)"), "\(what): \(first.prefix(120))")
    }
    // The same keys where they may print are told to go on.
    for (path, key) in [("/v1/documents/payment-notice", "k-notices"), ("/v1/documents/confirmation", "k-all")] {
      let first = try answer(port: port, path: path, headers: "Host: localhost\r\nX-API-Key: \(key)\r\n")
      #expect(first.hasPrefix("HTTP/1.1 100 Continue"), "\(key) on \(path): \(first.prefix(120))")
    }
  }

  /// A server of one worker and no queue, its place taken by a render of 20,000 members
  /// (seconds of work) while `next` runs.
  func withFullServer(_ next: (Int) throws -> Void) throws {
    let (port, server) = try wire.serve(["--queue", "0", "--render-timeout", "600"])
    defer { server.terminate(); server.waitUntilExit() }
    let body = try longMemberList(from: try Fixtures.sample("confirmation", "henan-2000"), times: 10)
    let rendering = try Connection(port: port)
    #expect(
      rendering.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            .utf8) + [UInt8](body)))
    var busy = false
    for _ in 0..<500 where !busy {
      busy = inFlight(port) == 1
      if !busy { Thread.sleep(forTimeInterval: 0.02) }
    }
    #expect(busy, "the render never started")
    try next(port)
  }

  @Test("no 100 Continue when every place is taken: 429 before the body")
  func fullServer() throws {
    try withFullServer { port in
      let first = try answer(port: port, headers: "Host: localhost\r\n")
      #expect(first.hasPrefix("HTTP/1.1 429"), "\(first.prefix(120))")
    }
  }

  @Test("a full server answers 429 to a request's head, without waiting for a body it would not read")
  func admittedBeforeBody() throws {
    try withFullServer { port in
      let c = try Connection(port: port)
      #expect(
        c.send(
          Array(
            "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
              .utf8)))
      // A hang guard: the answer is due at once, and the body never comes.
      let first = wire.firstAnswer(c, seconds: 10)
      #expect(first.hasPrefix("HTTP/1.1 429"), "\(first.prefix(120))")
    }
  }

  /// `wenshu_renders_in_flight` from `/metrics`.
  func inFlight(_ port: Int) -> Double {
    let text = (try? run("curl", ["-s", "http://127.0.0.1:\(port)/metrics"])).map {
      String(decoding: $0.stdout, as: UTF8.self)
    }
    let line = (text ?? "").split(separator: "\n").first { $0.hasPrefix("wenshu_renders_in_flight ") } ?? ""
    return Double(line.split(separator: " ").last ?? "") ?? -1
  }
}
