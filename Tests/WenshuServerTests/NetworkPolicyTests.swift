import Testing

@testable import WenshuServer

/// The pods may reach only what the server needs: DNS, webhooks on the public internet and
/// the jobs' PostgreSQL store. Read from `deploy/kubernetes/wenshu.yaml`'s NetworkPolicy, as
/// Kubernetes reads it (a destination is allowed when any egress rule has its port and a peer
/// that matches it), so a rule widened or lost fails here, not in a cluster.
@Suite("NetworkPolicy")
struct NetworkPolicyTests {
  @Test("egress: webhooks leave on 443 for public addresses, never for one the server's check refuses")
  func webhooksPublicOnly() throws {
    let policy = try EgressPolicy()
    // The ends of every range WebhookTarget refuses, and addresses beside them.
    let addresses = [
      "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255",
      "127.0.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255",
      "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255",
      "::", "::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "fc00::1", "fd12:3456::1",
      "fe80::1", "febf:ffff::1", "ff02::1",
      "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255",
      "172.32.0.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
      "::ffff:8.8.8.8", "2001:4860:4860::8888", "2606:4700:4700::1111", "fec0::1",
    ]
    for address in addresses where WebhookTarget.isInternal(address) {
      #expect(!policy.allows(address: address, port: 443), "\(address) is refused by the server, open in the policy")
    }
    for address in addresses where !WebhookTarget.isInternal(address) {
      #expect(policy.allows(address: address, port: 443), "\(address) is a public receiver, closed in the policy")
    }
    // Only https goes out to addresses: not another port, not PostgreSQL or DNS on the internet.
    for port in [80, 53, 5432, 8080] {
      #expect(!policy.allows(address: "8.8.8.8", port: port, protocol: "TCP"), "port \(port)")
    }
    #expect(!policy.allows(address: "8.8.8.8", port: 53, protocol: "UDP"))
  }

  @Test("egress: DNS only to the cluster's DNS pods, PostgreSQL on 5432 only to the store's pods")
  func dnsAndStore() throws {
    let policy = try EgressPolicy()
    let dns = Pod(namespace: ["kubernetes.io/metadata.name": "kube-system"], labels: ["k8s-app": "kube-dns"])
    #expect(policy.allows(pod: dns, port: 53, protocol: "UDP") && policy.allows(pod: dns, port: 53, protocol: "TCP"))
    #expect(!policy.allows(pod: dns, port: 443, protocol: "TCP"))
    let impostor = Pod(namespace: ["kubernetes.io/metadata.name": "tenant"], labels: ["k8s-app": "kube-dns"])
    #expect(!policy.allows(pod: impostor, port: 53, protocol: "UDP"), "a kube-dns label in another namespace")

    let store = Pod(namespace: nil, labels: ["app.kubernetes.io/name": "postgresql"])
    #expect(policy.allows(pod: store, port: 5432, protocol: "TCP"))
    #expect(!policy.allows(pod: store, port: 22, protocol: "TCP"))
    let neighbour = Pod(namespace: nil, labels: ["app.kubernetes.io/name": "billing"])
    for port in [5432, 443, 8080] {
      #expect(!policy.allows(pod: neighbour, port: port, protocol: "TCP"), "another pod of the namespace, \(port)")
    }
  }
}

/// A pod as a NetworkPolicy peer sees it: its namespace's labels (nil: the policy's own
/// namespace) and its own labels.
struct Pod {
  let namespace: [String: String]?
  let labels: [String: String]
}

/// The NetworkPolicy's egress rules, evaluated as Kubernetes does for one destination.
struct EgressPolicy: CustomStringConvertible {
  let rules: [[String: Any]]
  var description: String { "the NetworkPolicy's \(rules.count) egress rules" }

  init() throws {
    let policy = try #require(try DeploymentManifest.object(kind: "NetworkPolicy"))
    let spec = try #require(policy["spec"] as? [String: Any])
    #expect((spec["policyTypes"] as? [String])?.contains("Egress") == true, "egress not enforced")
    rules = spec["egress"] as? [[String: Any]] ?? []
  }

  func allows(address: String, port: Int, protocol name: String = "TCP") -> Bool {
    // A v4-mapped address leaves as the IPv4 address it carries.
    let lowered = address.lowercased()
    let target = lowered.hasPrefix("::ffff:") && lowered.contains(".") ? String(lowered.dropFirst(7)) : address
    guard let bytes = IPAddress.bytes(target) else { return false }
    return allows(port: port, protocol: name) { peer in
      guard let block = peer["ipBlock"] as? [String: Any], let cidr = block["cidr"] as? String else { return false }
      let except = block["except"] as? [String] ?? []
      return IPAddress.contains(cidr, bytes) && !except.contains { IPAddress.contains($0, bytes) }
    }
  }

  func allows(pod: Pod, port: Int, protocol name: String) -> Bool {
    allows(port: port, protocol: name) { peer in
      guard peer["ipBlock"] == nil else { return false }
      let namespaceSelector = peer["namespaceSelector"] as? [String: Any]
      let podSelector = peer["podSelector"] as? [String: Any]
      guard namespaceSelector != nil || podSelector != nil else { return false }
      let namespaceMatches =
        namespaceSelector.map { Self.matches($0, pod.namespace ?? ["kubernetes.io/metadata.name": "wenshu"]) }
        ?? (pod.namespace == nil)
      return namespaceMatches && (podSelector.map { Self.matches($0, pod.labels) } ?? true)
    }
  }

  /// Any rule whose ports admit the port (none listed: all) and whose peers admit the destination.
  private func allows(port: Int, protocol name: String, peer: ([String: Any]) -> Bool) -> Bool {
    rules.contains { rule in
      let ports = rule["ports"] as? [[String: Any]]
      let portMatches =
        ports?.contains {
          ($0["protocol"] as? String ?? "TCP") == name && ($0["port"] as? Int).map { $0 == port } ?? true
        }
        ?? true
      let peers = rule["to"] as? [[String: Any]]
      return portMatches && (peers?.contains(where: peer) ?? true)
    }
  }

  /// A label selector (matchLabels only; matchExpressions are not used here and match nothing).
  private static func matches(_ selector: [String: Any], _ labels: [String: String]) -> Bool {
    if selector["matchExpressions"] != nil { return false }
    let wanted = selector["matchLabels"] as? [String: Any] ?? [:]
    return wanted.allSatisfy { labels[$0.key] == "\($0.value)" }
  }
}
