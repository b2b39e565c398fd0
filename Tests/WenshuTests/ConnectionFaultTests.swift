import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Clients that misbehave on the wire, against a real `wenshu serve`: one that hangs up in
/// the middle of a response, one that sends its body a byte at a time.
@Suite("Connection faults", .serialized)
struct ConnectionFaultTests {
  /// A blocking TCP connection to 127.0.0.1.
  final class Connection {
    let fd: Int32
    init(port: Int) throws {
      fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard result == 0 else { throw CocoaError(.fileReadUnknown) }
      var timeout = timeval(tv_sec: 10, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
    func send(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }
    func receive(_ count: Int) -> [UInt8] {
      var buffer = [UInt8](repeating: 0, count: count)
      let n = recv(fd, &buffer, count, 0)
      return n > 0 ? Array(buffer[0..<n]) : []
    }
    deinit { close(fd) }
  }

  /// A real `wenshu serve` on a free port the system picked; the caller stops it.
  func serve(_ arguments: [String] = []) throws -> (port: Int, server: Process) {
    try ServeProcessTests().startServer(arguments)
  }

  func healthy(_ port: Int) throws -> Bool { try run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status == 0 }

  @Test("a client that disconnects mid-response leaves the server serving")
  func disconnectMidResponse() throws {
    let (port, server) = try serve()
    defer { server.terminate(); server.waitUntilExit() }
    let body = try Fixtures.sample("confirmation", "henan-2000")
    for _ in 0..<3 {
      let c = try Connection(port: port)
      #expect(
        c.send(
          Array(
            "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
              .utf8) + body))
      #expect(!c.receive(64).isEmpty)  // the response has begun; hang up now
    }
    #expect(try healthy(port))
    let r = try run(
      "curl",
      [
        "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
        "--data-binary", "@" + Fixtures.root.appendingPathComponent("samples/confirmation/henan-12.json").path,
        "http://127.0.0.1:\(port)/v1/documents/confirmation",
      ])
    #expect(String(decoding: r.stdout, as: UTF8.self) == "200")
  }

  @Test("a client that sends `Expect: 100-continue` is told to go on at once, then answered")
  func expectContinue() throws {
    let (port, server) = try serve()
    defer { server.terminate(); server.waitUntilExit() }
    let body = try Fixtures.sample("confirmation", "henan-12")
    let c = try Connection(port: port)
    var timeout = timeval(tv_sec: 2, tv_usec: 0)  // curl itself waits 1 s, then sends anyway
    setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    #expect(
      c.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n"
            .utf8)))
    let interim = String(decoding: c.receive(4096), as: UTF8.self)
    #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n"), "\(interim.prefix(200))")
    #expect(c.send(body))
    let final = String(decoding: c.receive(4096), as: UTF8.self)
    #expect(final.hasPrefix("HTTP/1.1 200 OK"), "\(final.prefix(200))")
  }

  @Test("a body sent a byte at a time is cut off by the body timeout with 408")
  func slowBody() throws {
    let (port, server) = try serve(["--body-timeout", "1"])
    defer { server.terminate(); server.waitUntilExit() }
    let c = try Connection(port: port)
    #expect(
      c.send(
        Array(
          "POST /v1/documents/confirmation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
            .utf8)))
    let started = Date()
    var response: [UInt8] = []
    for byte in Array("{\"office\": \"henan\"".utf8) {
      guard c.send([byte]) else { break }
      Thread.sleep(forTimeInterval: 0.15)
      if Date().timeIntervalSince(started) > 1.5 { break }
    }
    response = c.receive(4096)
    let text = String(decoding: response, as: UTF8.self)
    #expect(text.hasPrefix("HTTP/1.1 408"), "\(text.prefix(200))")
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(try healthy(port))
  }
}
