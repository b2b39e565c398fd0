import Foundation
import Testing
import WenshuServer
import Yams

/// The Kubernetes manifest gives a pod what `MemoryBudget` says its arguments need
/// (`MemoryTests` measures the formula against a real server).
@Suite("Memory budget")
struct MemoryBudgetTests {
  @Test("deploy/kubernetes/wenshu.yaml: the memory limit covers the formula for the pod's arguments")
  func manifestAgrees() throws {
    let text = try String(
      contentsOf: ServerFixtures.root.appendingPathComponent("deploy/kubernetes/wenshu.yaml"), encoding: .utf8)
    let deployment = try #require(
      try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }.first { $0["kind"] as? String == "Deployment" })
    let spec = (deployment["spec"] as? [String: Any])?["template"] as? [String: Any]
    let container = try #require(((spec?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first)
    let args = container["args"] as? [String] ?? []
    func value(_ name: String, _ fallback: Int) -> Int {
      args.firstIndex(of: name).flatMap { args.indices.contains($0 + 1) ? Int(args[$0 + 1]) : nil } ?? fallback
    }
    let budget = MemoryBudget(
      workers: try #require(args.firstIndex(of: "--workers").map { _ in value("--workers", 0) }, "no --workers"),
      queue: value("--queue", ServerConfiguration.defaultQueue),
      bodyMiB: value("--max-body-mib", ServerConfiguration.defaultBodyLimit >> 20))
    let limits = (container["resources"] as? [String: Any])?["limits"] as? [String: Any]
    let limit = try #require(
      (limits?["memory"] as? String).flatMap { Int($0.replacingOccurrences(of: "Mi", with: "")) })
    #expect(limit >= budget.peakMiB, "limit \(limit)Mi, formula \(budget.peakMiB) MiB for \(args)")
  }

  @Test("the defaults with 2 workers fit the 400 MiB the docs state")
  func defaults() {
    let budget = MemoryBudget(
      workers: 2, queue: ServerConfiguration.defaultQueue, bodyMiB: ServerConfiguration.defaultBodyLimit >> 20)
    #expect(budget.peakMiB == 400)
  }
}
