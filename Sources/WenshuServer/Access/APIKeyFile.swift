import Foundation
import Yams

/// `--api-keys-file` / `WENSHU_API_KEYS_FILE`: the scoped keys, as YAML.
///
/// ```yaml
/// keys:
///   - id: qingdao-core
///     sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
///     offices: [qingdao]
///     documents: [payment-notice]   # optional: every document
/// ```
///
/// Only the SHA-256 of each secret is stored (`printf %s SECRET | sha256sum`), so the file
/// gives nothing away. `offices: ["*"]` is every office. Anything else is refused with the
/// key and field it is about, so a typo never widens or drops a key.
public enum APIKeyFile {
  public struct Invalid: Error, CustomStringConvertible {
    public let description: String
  }

  public static func read(_ path: String) throws(Invalid) -> [APIKey] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw Invalid(description: "\(path): cannot read the file")
    }
    do { return try parse(text) } catch { throw Invalid(description: "\(path): \(error.description)") }
  }

  public static func parse(_ text: String) throws(Invalid) -> [APIKey] {
    let root: Any?
    do { root = try Yams.load(yaml: text) } catch { throw Invalid(description: "not YAML: \(error)") }
    guard let top = root as? [String: Any], let list = top["keys"] as? [Any], top.count == 1 else {
      throw Invalid(
        description:
          "expected 'keys:' with a list of {id, sha256, offices, documents?} (plain keys, one per line, go in WENSHU_API_KEYS)"
      )
    }
    var keys: [APIKey] = []
    for (i, item) in list.enumerated() {
      let key = try parseKey(item, at: "keys[\(i)]")
      if keys.contains(where: { $0.id == key.id }) { throw Invalid(description: "keys[\(i)].id: '\(key.id)' twice") }
      if keys.contains(where: { $0.digest == key.digest }) {
        throw Invalid(description: "keys[\(i)].sha256: the same secret as another key")
      }
      keys.append(key)
    }
    guard !keys.isEmpty else { throw Invalid(description: "keys: the list is empty") }
    return keys
  }

  static func parseKey(_ item: Any, at path: String) throws(Invalid) -> APIKey {
    guard let fields = item as? [String: Any] else {
      throw Invalid(description: "\(path): expected {id, sha256, offices}")
    }
    let known = ["id", "sha256", "offices", "documents", "webhookSecret"]
    if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
      throw Invalid(description: "\(path).\(unknown): unknown field (id, sha256, offices, documents, webhookSecret)")
    }
    guard let id = fields["id"] as? String, (1...64).contains(id.utf8.count),
      id.utf8.allSatisfy({ $0 < 0x80 && (isalnum(Int32($0)) != 0 || "._-".utf8.contains($0)) })
    else { throw Invalid(description: "\(path).id: 1 to 64 of A-Z a-z 0-9 . _ -") }
    guard let hex = fields["sha256"] as? String, let digest = Self.bytes(hex: hex) else {
      throw Invalid(description: "\(path).sha256: 64 hex digits, the SHA-256 of the secret")
    }
    guard let offices = strings(fields["offices"]), !offices.isEmpty else {
      throw Invalid(description: "\(path).offices: a list of office ids, or [\"*\"] for every office")
    }
    var documents: [String]?
    if fields["documents"] != nil {
      guard let list = strings(fields["documents"]), !list.isEmpty else {
        throw Invalid(description: "\(path).documents: a list of documents (leave it out for every document)")
      }
      documents = list
    }
    var webhookSecret: [UInt8]?
    if fields["webhookSecret"] != nil {
      guard let secret = fields["webhookSecret"] as? String, secret.utf8.count >= 16 else {
        throw Invalid(description: "\(path).webhookSecret: at least 16 characters, shared with the webhook's receiver")
      }
      webhookSecret = Array(secret.utf8)
    }
    return APIKey(
      id: id, sha256: digest, offices: offices == ["*"] ? nil : Set(offices), documents: documents.map { Set($0) },
      webhookSecret: webhookSecret)
  }

  private static func strings(_ value: Any?) -> [String]? {
    guard let list = value as? [Any] else { return nil }
    let strings = list.compactMap { $0 as? String }
    return strings.count == list.count ? strings : nil
  }

  private static func bytes(hex: String) -> [UInt8]? {
    let digits = Array(hex.lowercased().utf8)
    guard digits.count == 64 else { return nil }
    var bytes: [UInt8] = []
    for i in stride(from: 0, to: 64, by: 2) {
      guard let byte = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
