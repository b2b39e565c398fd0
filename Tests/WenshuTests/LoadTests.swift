import Foundation
import Testing

/// The server under wrk, at and beyond saturation, for a bounded time: nothing but 200 and
/// 429 + Retry-After, p99 reported, and memory back near its baseline afterwards.
@Suite("Load", .serialized)
struct LoadTests {
  func rss(_ pid: Int32) -> Int {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
  }

  func wrk(_ port: Int, connections: Int, seconds: Int) throws -> String {
    let script = Fixtures.root.appendingPathComponent("scripts/load/post.lua").path
    let sample = Fixtures.root.appendingPathComponent("samples/invoice-preview/qingdao-union.json").path
    let r = try run(
      "wrk",
      [
        "-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script,
        "http://127.0.0.1:\(port)/v1/documents/invoice-preview", "--", sample,
      ])
    return String(decoding: r.stdout, as: UTF8.self)
  }

  @Test("saturation: only 200 and 429, memory returns to baseline")
  func saturation() throws {
    // scripts/setup installs wrk: without it this test fails rather than pass untested.
    try #require(
      try run("sh", ["-c", "command -v wrk"]).status == 0, "wrk is not installed (scripts/setup installs it)")
    let (port, server) = try ServeProcessTests().startServer(["--queue", "4"])
    defer { server.terminate(); server.waitUntilExit() }
    // Warm-up at saturation: fonts, caches, and a buffer for each of the 32 connections.
    _ = try wrk(port, connections: 32, seconds: 3)
    Thread.sleep(forTimeInterval: 0.5)
    let baseline = rss(server.processIdentifier)
    let report = try wrk(port, connections: 32, seconds: 5)  // far past 1 worker + 4 queued
    _ = try wrk(port, connections: 32, seconds: 5)
    Thread.sleep(forTimeInterval: 0.5)
    let after = rss(server.processIdentifier)
    let metrics = String(decoding: try run("curl", ["-sf", "http://127.0.0.1:\(port)/metrics"]).stdout, as: UTF8.self)
    let statuses = metrics.split(separator: "\n").filter { $0.hasPrefix("wenshu_requests_total{") }
    #expect(statuses.contains { $0.contains("status=\"200\"") }, "no render succeeded")
    #expect(statuses.contains { $0.contains("status=\"429\"") }, "the queue never filled")
    for line in statuses {
      // 499: a render whose connection wrk closed when its run ended (a hang-up, not a failure).
      #expect(
        line.contains("status=\"200\"") || line.contains("status=\"429\"") || line.contains("status=\"499\""),
        "unexpected: \(line)")
    }
    let p99 = report.split(separator: "\n").first { $0.contains("99%") }.map(String.init) ?? "?"
    let rate = report.split(separator: "\n").first { $0.hasPrefix("Requests/sec") }.map(String.init) ?? "?"
    print(
      "load: \(rate.trimmingCharacters(in: .whitespaces)); p99 \(p99.trimmingCharacters(in: .whitespaces)); RSS \(baseline / 1024) → \(after / 1024) MiB"
    )
    // Tens of thousands of requests go through here; anything kept per request shows up.
    // (A cancelled `asyncAfter` timer kept each request's closure for the 60 s budget: +40 MiB.)
    #expect(after < baseline + 16 * 1024, "RSS grew from \(baseline) kB to \(after) kB")
  }
}
