/// The names a server answers to in `Host` (and, for the preview's browser routes, in
/// `Origin`), so a page on another site cannot drive a server on loopback by pointing its
/// own name at 127.0.0.1 (DNS rebinding): the browser then sends that site's name, which is
/// not one of these. An IP address is always accepted (a rebound page never has one as its
/// name); names are the loopback ones, the address the server listens on, and any added
/// with `--allowed-host` (`.example.org` for its subdomains, `*` for any name).
public struct AllowedHosts: Sendable {
  let names: Set<String>
  let suffixes: [String]
  let any: Bool

  public init(listeningOn host: String, adding extra: [String] = []) {
    var names: Set<String> = ["localhost"]
    var suffixes: [String] = []
    var any = false
    for name in [host] + extra {
      let name = Self.normalized(name)
      if name == "*" { any = true } else if name.hasPrefix(".") { suffixes.append(name) } else { names.insert(name) }
    }
    self.names = names
    self.suffixes = suffixes
    self.any = any
  }

  /// `authority` is a `Host` header (`name`, `name:port`, `[v6]:port`); a request without one
  /// (HTTP/1.0, which no browser sends) is accepted.
  func admits(authority: String?) -> Bool {
    guard let authority, !authority.isEmpty else { return true }
    if authority.hasPrefix("[") { return true }  // an IPv6 literal
    let name = Self.normalized(String(authority.split(separator: ":", maxSplits: 1).first ?? ""))
    if any || Self.isIPv4(name) || names.contains(name) { return true }
    return suffixes.contains { name.hasSuffix($0) }
  }

  /// `Origin` is `scheme://host[:port]`, or `null` (a sandboxed or file page: refused).
  func admits(origin: String?) -> Bool {
    guard let origin else { return true }
    guard let range = origin.range(of: "://") else { return false }
    return admits(authority: String(origin[range.upperBound...]))
  }

  private static func normalized(_ name: String) -> String {
    var name = name.lowercased()
    while name.hasSuffix(".") { name.removeLast() }
    return name
  }

  private static func isIPv4(_ name: String) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
