import Foundation
import Testing
import WenshuServer
import WenshuTestSupport

/// The server's memory stays within `MemoryBudget` when every place is taken by a body at the
/// limit (`MemoryBudgetTests` holds the manifest to the same formula).
@Suite("Memory formula", .serialized)
struct MemoryTests {
  @Test("1 worker, queue 2: a body just under the 5 MiB limit in every place at once; peak within the formula")
  func peakWithinFormula() throws {
    let budget = MemoryBudget(workers: 1, queue: 2, bodyMiB: 5)
    let (port, server) = try ServeProcessTests().startServer([
      "--queue", "2", "--max-body-mib", "5", "--render-timeout", "600",
    ])
    defer { server.terminate(); server.waitUntilExit() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-memory-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // 34,000 members (4.98 MB), filled up with spaces to 1 kB under the 5 MiB limit (the render timeout above is a hang guard).
    let body = folder.appendingPathComponent("long.json")
    var data = try longMemberList(from: try Fixtures.sample("confirmation", "henan-2000"), times: 17)
    print("memory: \(data.count) bytes of members")
    #expect(data.count <= 5 << 20 - 1024, "\(data.count) bytes")
    data.append(Data(repeating: UInt8(ascii: " "), count: max(0, 5 << 20 - 1024 - data.count)))
    try data.write(to: body)
    // All at once: one renders, two wait with their bodies, one is turned away before its body.
    let clients = (0..<4).map { i in
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
      p.arguments = [
        "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "600", "-H", "Content-Type: application/json",
        "-H", "Expect:", "--data-binary", "@" + body.path, "http://127.0.0.1:\(port)/v1/documents/confirmation",
      ]
      let out = Pipe()
      p.standardOutput = out
      return (p, out, i)
    }
    for (p, _, _) in clients { try p.run() }
    var codes: [String] = []
    for (p, out, _) in clients {
      p.waitUntilExit()
      codes.append(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
    #expect(codes.filter { $0 == "200" }.count >= 3, "\(codes)")
    #expect(codes.allSatisfy { $0 == "200" || $0 == "429" }, "\(codes)")
    let peak = try BatchMemoryTests.peakMiB(server.processIdentifier)
    print("memory: peak \(peak) MiB for \(codes) (the formula allows \(budget.peakMiB) MiB)")
    #expect(peak <= Double(budget.peakMiB), "peak RSS \(peak) MiB, formula \(budget.peakMiB) MiB")
  }
}
