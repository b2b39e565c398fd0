import Foundation
import Testing
import Yams

/// The Deployment in `deploy/kubernetes/wenshu.yaml`: its pod spec, first container and args.
struct DeploymentManifest {
  let pod: [String: Any]
  let container: [String: Any]

  init() throws {
    let text = try String(
      contentsOf: ServerFixtures.root.appendingPathComponent("deploy/kubernetes/wenshu.yaml"), encoding: .utf8)
    let deployment = try #require(
      try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }.first { $0["kind"] as? String == "Deployment" })
    let template = (deployment["spec"] as? [String: Any])?["template"] as? [String: Any]
    pod = try #require(template?["spec"] as? [String: Any])
    container = try #require((pod["containers"] as? [[String: Any]])?.first)
  }

  var args: [String] { container["args"] as? [String] ?? [] }

  /// The integer after `name` in the container's args, if given.
  func argument(_ name: String) -> Int? {
    args.firstIndex(of: name).flatMap { args.indices.contains($0 + 1) ? Int(args[$0 + 1]) : nil }
  }
}
