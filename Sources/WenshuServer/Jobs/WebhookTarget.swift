import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a webhook may go. A job's webhook is a URL its sender chose, called from inside the
/// operator's network: without a check, a client could make the server call its neighbours
/// (SSRF). So the URL must be https and its host must resolve to public addresses only —
/// loopback, private (RFC 1918, fc00::/7), link-local (cloud metadata at 169.254.169.254),
/// shared (100.64/10), unspecified and multicast addresses are refused — unless the server
/// is started with `--webhook-private` (then http and any address are allowed: for tests and
/// receivers inside the operator's own network). The name is resolved again before each
/// delivery, so a name that later points inside is refused then too.
struct WebhookTarget: Sendable {
  let allowPrivate: Bool

  struct Refused: Error, CustomStringConvertible {
    let description: String
  }

  /// The URL, checked; throws `Refused` saying why not.
  func check(_ text: String) throws(Refused) -> URL {
    guard text.utf8.count <= 2048, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      let host = url.host, !host.isEmpty
    else { throw Refused(description: "webhook: not an absolute URL") }
    guard scheme == "https" || (allowPrivate && scheme == "http") else {
      throw Refused(description: "webhook: the URL must be https")
    }
    guard url.user == nil, url.password == nil else {
      throw Refused(description: "webhook: credentials in the URL are not accepted")
    }
    if allowPrivate { return url }
    let addresses = Self.resolve(host)
    guard !addresses.isEmpty else { throw Refused(description: "webhook: the host '\(host)' does not resolve") }
    if let inside = addresses.first(where: Self.isInternal) {
      throw Refused(
        description:
          "webhook: '\(host)' resolves to \(inside), a loopback, private or link-local address (refused unless the server runs with --webhook-private)"
      )
    }
    return url
  }

  /// The host's addresses as text (an IP literal is its own).
  static func resolve(_ host: String) -> [String] {
    let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(name, nil, &hints, &list) == 0 else { return [] }
    defer { freeaddrinfo(list) }
    var addresses: [String] = []
    var next = list
    while let info = next {
      var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
      if getnameinfo(
        info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
      {
        addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
      }
      next = info.pointee.ai_next
    }
    return addresses
  }

  /// Whether an address is not on the public internet.
  static func isInternal(_ address: String) -> Bool {
    if address.contains(":") {
      let a = address.lowercased()
      if a == "::1" || a == "::" { return true }
      if a.hasPrefix("::ffff:") { return isInternal(String(a.dropFirst(7))) }
      return a.hasPrefix("fc") || a.hasPrefix("fd") || a.hasPrefix("fe8") || a.hasPrefix("fe9")
        || a.hasPrefix("fea") || a.hasPrefix("feb") || a.hasPrefix("ff") || a.hasPrefix("64:ff9b:")
    }
    let parts = address.split(separator: ".").compactMap { Int($0) }
    guard parts.count == 4 else { return true }
    switch (parts[0], parts[1]) {
    case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
    case (172, 16...31), (100, 64...127), (198, 18...19): return true
    case (224...255, _): return true
    default: return false
    }
  }
}
