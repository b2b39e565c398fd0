import Foundation
import Testing
import Yams

/// The Deployment in `deploy/kubernetes/wenshu.yaml`: its pod spec, first container and args.
struct DeploymentManifest {
  let pod: [String: Any]
  let container: [String: Any]

  init() throws {
    let deployment = try #require(try Self.object(kind: "Deployment"))
    let template = (deployment["spec"] as? [String: Any])?["template"] as? [String: Any]
    pod = try #require(template?["spec"] as? [String: Any])
    container = try #require((pod["containers"] as? [[String: Any]])?.first)
  }

  /// The manifest's first object of a kind (Deployment, NetworkPolicy, …).
  static func object(kind: String) throws -> [String: Any]? {
    let text = try String(
      contentsOf: ServerFixtures.root.appendingPathComponent("deploy/kubernetes/wenshu.yaml"), encoding: .utf8)
    return try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }.first { $0["kind"] as? String == kind }
  }

  var args: [String] { container["args"] as? [String] ?? [] }

  /// The integer after `name` in the container's args, if given.
  func argument(_ name: String) -> Int? {
    args.firstIndex(of: name).flatMap { args.indices.contains($0 + 1) ? Int(args[$0 + 1]) : nil }
  }
}
