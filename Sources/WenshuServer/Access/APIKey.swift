import Foundation
import HTTPTypes

/// One caller's key: its id (what logs and answers name), the SHA-256 of its secret (the
/// secret itself is never stored), and what it may print.
public struct APIKey: Sendable, Equatable {
  public let id: String
  let digest: [UInt8]
  /// The offices it may print for; nil = every office.
  public let offices: Set<String>?
  /// The documents it may print; nil = every document.
  public let documents: Set<String>?
  /// Signs the webhooks of this key's jobs (`webhookSecret` in the keys file): the receiver
  /// checks the signature with the same secret.
  public let webhookSecret: [UInt8]?

  public init(
    id: String, sha256: [UInt8], offices: Set<String>?, documents: Set<String>? = nil, webhookSecret: [UInt8]? = nil
  ) {
    self.id = id
    digest = sha256
    self.offices = offices
    self.documents = documents
    self.webhookSecret = webhookSecret
  }

  /// Keys given the old way (`WENSHU_API_KEYS`): every office and document, named `env-1`, `env-2`, … by position.
  public static func unscoped(_ secrets: [String]) -> [APIKey] {
    secrets.enumerated().map {
      APIKey(id: "env-\($0.offset + 1)", sha256: SHA256.hash(Array($0.element.utf8)), offices: nil)
    }
  }

  /// Whether it may print every office's and document's data (what the preview asks of a key).
  public var unlimited: Bool { offices == nil && documents == nil }

  var holder: String { "API key '\(id)'" }
}

/// The keys a server accepts, in `Authorization: Bearer KEY` (the scheme in any case,
/// RFC 9110 §11.1), `Authorization: Basic` with the key as password (what a browser asks
/// for), or `X-API-Key`.
struct APIKeys: Sendable {
  let keys: [APIKey]

  init(_ keys: [APIKey]) { self.keys = keys }

  var isEmpty: Bool { keys.isEmpty }

  /// The key the request presents, if it is one of ours. The presented secret is hashed and
  /// compared with every key's digest in constant time, so timing reveals neither key nor match.
  func key(for headers: HTTPFields) -> APIKey? {
    guard let presented = Self.presented(headers) else { return nil }
    let digest = SHA256.hash(Array(presented.utf8))
    var found: APIKey?
    for key in keys where constantTimeEqual(key.digest, digest) && found == nil { found = key }
    return found
  }

  func accept(_ headers: HTTPFields) -> Bool { key(for: headers) != nil }

  static func presented(_ headers: HTTPFields) -> String? {
    if let key = headers[.apiKey] { return key }
    guard let auth = headers[.authorization] else { return nil }
    let parts = auth.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2 else { return nil }
    let credentials = parts[1].trimmingCharacters(in: .whitespaces)
    switch parts[0].lowercased() {
    case "bearer": return credentials
    case "basic":
      // user:password, base64; the user name is not read.
      guard let decoded = Data(base64Encoded: credentials), let text = String(data: decoded, encoding: .utf8),
        let colon = text.firstIndex(of: ":")
      else { return nil }
      return String(text[text.index(after: colon)...])
    default: return nil
    }
  }
}

/// Compares without stopping at the first difference, so timing does not reveal a key.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
  for i in 0..<max(a.count, b.count) {
    difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
  }
  return difference == 0
}
