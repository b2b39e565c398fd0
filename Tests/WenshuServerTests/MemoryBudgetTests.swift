import Foundation
import Testing
import WenshuServer

/// The Kubernetes manifest gives a pod what `MemoryBudget` says its arguments need
/// (`MemoryTests` measures the formula against a real server).
@Suite("Memory budget")
struct MemoryBudgetTests {
  @Test("deploy/kubernetes/wenshu.yaml: the memory limit covers the formula for the pod's arguments")
  func manifestAgrees() throws {
    let manifest = try DeploymentManifest()
    let budget = MemoryBudget(
      workers: try #require(manifest.argument("--workers"), "no --workers"),
      queue: manifest.argument("--queue") ?? ServerConfiguration.defaultQueue,
      bodyMiB: manifest.argument("--max-body-mib") ?? ServerConfiguration.defaultBodyLimit >> 20)
    let limits = (manifest.container["resources"] as? [String: Any])?["limits"] as? [String: Any]
    let limit = try #require(
      (limits?["memory"] as? String).flatMap { Int($0.replacingOccurrences(of: "Mi", with: "")) })
    #expect(limit >= budget.peakMiB, "limit \(limit)Mi, formula \(budget.peakMiB) MiB for \(manifest.args)")
  }

  @Test("the defaults with 2 workers fit the 400 MiB the docs state")
  func defaults() {
    let budget = MemoryBudget(
      workers: 2, queue: ServerConfiguration.defaultQueue, bodyMiB: ServerConfiguration.defaultBodyLimit >> 20)
    #expect(budget.peakMiB == 400)
  }
}
