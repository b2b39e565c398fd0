import Foundation
import Testing

/// A batch is bounded in memory: each document is laid out and written before the next.
@Suite("Batch memory", .serialized)
struct BatchMemoryTests {
  /// Peak resident memory of a process (VmHWM), in MiB.
  static func peakMiB(_ pid: Int32) throws -> Double {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
  }

  @Test("40 × 2,000-member confirmations as a ZIP: the whole server stays under 150 MiB")
  func fortyLongLists() throws {
    let (port, server) = try ServeProcessTests().startServer(["--max-body-mib", "32", "--render-timeout", "600"])
    defer { server.terminate(); server.waitUntilExit() }
    let one = String(decoding: try Fixtures.sample("confirmation", "henan-2000"), as: UTF8.self)
    let batch = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-batch-\(UUID().uuidString).json")
    let out = batch.appendingPathExtension("zip")
    defer {
      try? FileManager.default.removeItem(at: batch)
      try? FileManager.default.removeItem(at: out)
    }
    try Data(("[" + Array(repeating: one, count: 40).joined(separator: ",") + "]").utf8).write(to: batch)
    let r = try run(
      "curl",
      [
        "-s", "-o", out.path, "-w", "%{http_code}", "-H", "Content-Type: application/json", "--max-time", "300",
        "--data-binary", "@" + batch.path, "http://127.0.0.1:\(port)/v1/documents/confirmation/batch?format=zip",
      ])
    #expect(String(decoding: r.stdout, as: UTF8.self) == "200")
    let listing = try run("unzip", ["-l", out.path])
    #expect(String(decoding: listing.stdout, as: UTF8.self).contains("40 files"))
    let peak = try Self.peakMiB(server.processIdentifier)
    #expect(peak < 150, "peak RSS \(peak) MiB")
  }
}
