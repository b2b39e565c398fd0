import Foundation
import Testing
import WenshuTestSupport

/// `wenshu serve` as an operator runs it: a real process, a real port, SIGTERM.
@Suite("wenshu serve process", .serialized)
struct ServeProcessTests {
  /// Starts `wenshu serve --port 0` (the system picks a free port, so no two runs collide)
  /// and waits until it is ready; the port is read back from its "listening" log line.
  func startServer(_ extra: [String] = [], environment: [String: String] = [:]) throws -> (port: Int, server: Process) {
    let binary =
      FileManager.default.fileExists(atPath: CLITests.binary)
      ? CLITests.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-serve-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", "--port", "0", "--workers", "1"] + extra
    process.currentDirectoryURL = Fixtures.root
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    for _ in 0..<200 {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasSuffix(" listening") }),
        let match = line.firstMatch(of: /\bport=(\d+)\b/), let port = Int(match.1),
        (try? run("curl", ["-sf", "http://127.0.0.1:\(port)/readyz"]))?.status == 0
      {
        return (port, process)
      }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    process.terminate()
    process.waitUntilExit()
    throw CocoaError(
      .featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "server did not become ready: \(text.suffix(500))"])
  }

  /// The server's `wenshu_renders_in_flight` gauge, from `/metrics`.
  func rendersInFlight(_ port: Int) throws -> Int? {
    let text = String(decoding: try run("curl", ["-sf", "http://127.0.0.1:\(port)/metrics"]).stdout, as: UTF8.self)
    let line = text.split(separator: "\n").first { $0.hasPrefix("wenshu_renders_in_flight ") }
    return line.flatMap { Double($0.split(separator: " ").last ?? "").map { Int($0) } }
  }

  @Test("SIGTERM during a render: the render completes, then the process exits cleanly")
  func gracefulShutdown() throws {
    let (port, server) = try startServer()
    defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
    // 10,000 members: long enough in a debug build to be seen in flight.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graceful-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = folder.appendingPathComponent("data.json")
    try longMemberList(from: try Fixtures.sample("confirmation", "henan-2000"), times: 5).write(to: sample)
    let out = folder.appendingPathComponent("out.pdf")
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    curl.arguments = [
      "curl", "-s", "-o", out.path, "-w", "%{http_code}", "-H", "Content-Type: application/json",
      "--data-binary", "@" + sample.path, "http://127.0.0.1:\(port)/v1/documents/confirmation",
    ]
    let status = Pipe()
    curl.standardOutput = status
    try curl.run()
    // SIGTERM only once the server says the render is under way.
    var inFlight = false
    let started = Date()
    while curl.isRunning && Date().timeIntervalSince(started) < 30 {
      if try rendersInFlight(port) == 1 { inFlight = true; break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(inFlight, "the render was never seen in flight (curl finished: \(!curl.isRunning))")
    kill(server.processIdentifier, SIGTERM)
    curl.waitUntilExit()
    server.waitUntilExit()
    #expect(String(decoding: status.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "200")
    #expect(try Data(contentsOf: out).starts(with: Data("%PDF-".utf8)))
    #expect(server.terminationStatus == 0)
    // New requests are refused once it has stopped.
    #expect(try run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status != 0)
  }

  @Test("--port 0 listens on a port the system picked and names it in the log")
  func portZero() throws {
    let (port, server) = try startServer()
    defer { server.terminate(); server.waitUntilExit() }
    #expect(port > 0)
    #expect(try run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status == 0)
  }

  @Test("without API keys it will not listen beyond loopback")
  func refusesOpenWithoutKeys() throws {
    let r = try CLITests().wenshu(["serve", "--host", "0.0.0.0", "--port", "18999"])
    #expect(r.status == 78)
    #expect(r.stderr.contains("no API keys configured"))
  }
}
