import Testing
import WenshuServer

/// A rollout drops no request: the pod keeps serving through its `preStop` delay while it
/// leaves the Service's endpoints, and after SIGTERM the server lets every request in flight
/// finish, which Kubernetes allows only within the pod's grace period.
@Suite("Rollout")
struct RolloutTests {
  @Test("deploy/kubernetes/wenshu.yaml: the grace period covers the preStop delay and the longest request")
  func gracePeriodCoversDrain() throws {
    let manifest = try DeploymentManifest()
    let lifecycle = manifest.container["lifecycle"] as? [String: Any]
    let sleep = ((lifecycle?["preStop"] as? [String: Any])?["sleep"] as? [String: Any])?["seconds"] as? Int
    let preStop = try #require(sleep, "no preStop sleep")
    let grace = try #require(manifest.pod["terminationGracePeriodSeconds"] as? Int, "no grace period")
    // A request that arrives at the end of the delay may take its body timeout, then its budget.
    let longest =
      (manifest.argument("--body-timeout") ?? ServerConfiguration.defaultBodyTimeout)
      + (manifest.argument("--render-timeout") ?? ServerConfiguration.defaultRenderTimeout)
    #expect(preStop >= 5, "endpoints need a few seconds to drop the pod")
    #expect(grace > preStop + longest, "grace \(grace) s, preStop \(preStop) s + longest request \(longest) s")
  }
}
