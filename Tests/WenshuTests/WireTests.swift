import Foundation
import Testing
import WenshuTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// What a client sees on the wire before and while its render runs, against a real
/// `wenshu serve` on a free port: refusals before the body, and a hang-up stopping the render.
@Suite("Wire", .serialized)
struct WireTests {
  typealias Connection = ConnectionFaultTests.Connection

  /// A port nothing listens on now (bound to 0, then released).
  static func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p in
        bind(fd, p, length) == 0 ? getsockname(fd, p, &length) : -1
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  func serve(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> (port: Int, server: Process) {
    try ServeProcessTests().startServer(arguments, environment: environment)
  }

  /// Waits at most `seconds` for the first bytes of an answer.
  func firstAnswer(_ c: Connection, seconds: Int) -> String {
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return String(decoding: c.receive(4096), as: UTF8.self)
  }

  @Test("a declared 10 GiB body is 413 at once, without 100 Continue and without reading it")
  func hugeContentLength() throws {
    let (port, server) = try serve()
    defer { server.terminate(); server.waitUntilExit() }
    for expect in ["Expect: 100-continue\r\n", ""] {
      let c = try Connection(port: port)
      #expect(
        c.send(
          Array(
            "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\(expect)Content-Length: 10737418240\r\n\r\n{"
              .utf8)))
      // A hang guard, not a clock: a server that waited for the body would answer only at the
      // 30 s body timeout.
      let answer = firstAnswer(c, seconds: 15)
      #expect(answer.hasPrefix("HTTP/1.1 413"), "\(expect): \(answer.prefix(120))")
    }
    #expect(try run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status == 0)
  }

  @Test("100 Continue only with the right key: without one, 401 before the body")
  func continueAfterKey() throws {
    let (port, server) = try serve(environment: ["WENSHU_API_KEYS": "k-one"])
    defer { server.terminate(); server.waitUntilExit() }
    let head =
      "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100\r\n"
    let refused = try Connection(port: port)
    #expect(refused.send(Array((head + "Authorization: Bearer wrong\r\n\r\n").utf8)))
    let answer = firstAnswer(refused, seconds: 10)
    #expect(answer.hasPrefix("HTTP/1.1 401"), "\(answer.prefix(120))")
    let allowed = try Connection(port: port)
    #expect(allowed.send(Array((head + "Authorization: bearer k-one\r\n\r\n").utf8)))
    #expect(firstAnswer(allowed, seconds: 10).hasPrefix("HTTP/1.1 100 Continue"))
  }

  @Test(
    "a client that hangs up mid-render frees its worker within seconds, not at the end of the render, and is counted as 499, not 503"
  )
  func hangUpCancels() throws {
    let (port, server) = try serve(["--workers", "1", "--max-body-mib", "16"])
    defer { server.terminate(); server.waitUntilExit() }
    // 40,000 members: ~13 s of work in a debug build; parsing them (~1 s) cannot be interrupted.
    let body = try longMemberList(from: try Fixtures.sample("confirmation", "henan-2000"), times: 20)
    let c = try Connection(port: port)
    #expect(
      c.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            .utf8) + [UInt8](body)))
    func inFlight() throws -> Double {
      let text = String(decoding: try run("curl", ["-s", "http://127.0.0.1:\(port)/metrics"]).stdout, as: UTF8.self)
      let line = text.split(separator: "\n").first { $0.hasPrefix("wenshu_renders_in_flight ") } ?? ""
      return Double(line.split(separator: " ").last ?? "") ?? -1
    }
    var busy = false
    for _ in 0..<100 where !busy {
      busy = try inFlight() == 1
      if !busy { Thread.sleep(forTimeInterval: 0.02) }
    }
    #expect(busy, "the render never started")
    shutdown(c.fd, Int32(SHUT_RDWR))
    let hungUp = Date()
    var freed = false
    while !freed && Date().timeIntervalSince(hungUp) < 3 {
      freed = try inFlight() == 0
      if !freed { Thread.sleep(forTimeInterval: 0.02) }
    }
    #expect(freed, "the worker was still rendering 3 s after the client hung up")
    // The server did not fail: the request is counted as nginx counts a client gone.
    var statuses: [Substring] = []
    for _ in 0..<100 where !statuses.contains(where: { $0.contains("status=\"499\"") }) {
      Thread.sleep(forTimeInterval: 0.02)
      statuses = requestCounts(port)
    }
    #expect(statuses.contains { $0.contains("status=\"499\"") }, "\(statuses)")
    #expect(!statuses.contains { $0.contains("status=\"503\"") }, "\(statuses)")
  }

  /// The `wenshu_requests_total` lines of `/metrics`.
  func requestCounts(_ port: Int) -> [Substring] {
    let text = (try? run("curl", ["-s", "http://127.0.0.1:\(port)/metrics"])).map {
      String(decoding: $0.stdout, as: UTF8.self)
    }
    return (text ?? "").split(separator: "\n").filter { $0.hasPrefix("wenshu_requests_total{") }
  }

  @Test("no 100 Continue for an unknown document or a body that is not JSON: 404 and 415 before the body")
  func noContinueBeforeRefusal() throws {
    let (port, server) = try serve()
    defer { server.terminate(); server.waitUntilExit() }
    for (path, type, status) in [
      ("/v1/documents/no-such-document", "application/json", "404"),
      ("/v1/documents/confirmation", "text/plain", "415"),
      ("/v1/documents/confirmation/batch", "multipart/form-data; boundary=x", "415"),
    ] {
      let c = try Connection(port: port)
      #expect(
        c.send(
          Array(
            "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(type)\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n"
              .utf8)))
      let answer = firstAnswer(c, seconds: 10)
      #expect(answer.hasPrefix("HTTP/1.1 \(status)"), "\(path) \(type): \(answer.prefix(120))")
    }
    // A request that will be read still hears it at once.
    let c = try Connection(port: port)
    #expect(
      c.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n"
            .utf8)))
    #expect(firstAnswer(c, seconds: 10).hasPrefix("HTTP/1.1 100 Continue"))
  }

  @Test("a body that stalls (head sent, then silence) is answered 408 at the body timeout and counted as 408, not 500")
  func stalledBody() throws {
    let (port, server) = try serve(["--body-timeout", "1", "--idle-timeout", "30"])
    defer { server.terminate(); server.waitUntilExit() }
    let c = try Connection(port: port)
    #expect(
      c.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"unit\":"
            .utf8)))
    // A hang guard, not a measurement: the answer is due after 1 s.
    let answer = firstAnswer(c, seconds: 20)
    #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(120))")
    let statuses = requestCounts(port)
    #expect(statuses.contains { $0.contains("status=\"408\"") }, "\(statuses)")
    #expect(!statuses.contains { $0.contains("status=\"500\"") }, "\(statuses)")
  }
}
