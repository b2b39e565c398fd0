import Foundation
import Testing

/// `wenshu serve` as an operator runs it: a real process, a real port, SIGTERM.
@Suite("wenshu serve process", .serialized)
struct ServeProcessTests {
  func startServer(port: Int, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Process {
    let binary = FileManager.default.fileExists(atPath: CLITests.binary)
      ? CLITests.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", "--port", String(port), "--workers", "1"] + extra
    process.currentDirectoryURL = Fixtures.root
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    for _ in 0..<100 {
      if (try? run("curl", ["-sf", "http://127.0.0.1:\(port)/readyz"]))?.status == 0 { return process }
      Thread.sleep(forTimeInterval: 0.1)
    }
    process.terminate()
    throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "server did not become ready"])
  }

  @Test("SIGTERM during a render: the render completes, then the process exits cleanly")
  func gracefulShutdown() throws {
    let port = 18_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
    let server = try startServer(port: port)
    let sample = Fixtures.root.appendingPathComponent("samples/confirmation/henan-2000.json").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("graceful-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: out) }
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    curl.arguments = [
      "curl", "-s", "-o", out.path, "-w", "%{http_code}", "-H", "Content-Type: application/json",
      "--data-binary", "@" + sample, "http://127.0.0.1:\(port)/v1/documents/confirmation",
    ]
    let status = Pipe()
    curl.standardOutput = status
    try curl.run()
    Thread.sleep(forTimeInterval: 0.15)  // the render is under way
    kill(server.processIdentifier, SIGTERM)
    curl.waitUntilExit()
    server.waitUntilExit()
    #expect(String(decoding: status.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "200")
    #expect(try Data(contentsOf: out).starts(with: Data("%PDF-".utf8)))
    #expect(server.terminationStatus == 0)
    // New requests are refused once it has stopped.
    #expect(try run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status != 0)
  }

  @Test("without API keys it will not listen beyond loopback")
  func refusesOpenWithoutKeys() throws {
    let r = try CLITests().wenshu(["serve", "--host", "0.0.0.0", "--port", "18999"])
    #expect(r.status == 78)
    #expect(r.stderr.contains("no API keys configured"))
  }
}
