import ArgumentParser
import Foundation
import WenshuServer

/// Who may reach a server (`serve`, `preview`): its API keys and the names it answers to.
struct AccessOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "YAML file of scoped keys: keys: [{id, sha256, offices, documents?}] (also $WENSHU_API_KEYS_FILE).",
      discussion: "sha256 is the hex SHA-256 of the secret (printf %s SECRET | sha256sum); offices: [\"*\"] is all.",
      valueName: "file"))
  var apiKeysFile: String?
  @Option(
    name: .customLong("allowed-host"),
    help: ArgumentHelp(
      "A name the Host header may carry besides loopback names, IP addresses and --host (repeatable; .example.org for its subdomains, * for any; also $WENSHU_ALLOWED_HOSTS, comma-separated).",
      valueName: "name"))
  var allowedHosts: [String] = []
  @Flag(help: "Listen on a non-loopback address without API keys.") var insecureOpen = false

  static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

  /// Keys given the old way (every office), one per line or comma-separated, in $WENSHU_API_KEYS.
  var unscopedKeys: [String] {
    (ProcessInfo.processInfo.environment["WENSHU_API_KEYS"] ?? "").split(whereSeparator: { $0 == "," || $0.isNewline })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The scoped keys of --api-keys-file or $WENSHU_API_KEYS_FILE (exits 78 on a bad file).
  func scopedKeys() throws -> [APIKey] {
    guard let path = apiKeysFile ?? ProcessInfo.processInfo.environment["WENSHU_API_KEYS_FILE"] else { return [] }
    do { return try APIKeyFile.read(path) } catch {
      printError("--api-keys-file \(error.description)")
      throw Exit.config
    }
  }

  var hosts: [String] {
    allowedHosts
      + (ProcessInfo.processInfo.environment["WENSHU_ALLOWED_HOSTS"] ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
  }

  /// Refuses to listen beyond loopback without keys, unless told to.
  func requireKeys(host: String, haveKeys: Bool) throws {
    guard !haveKeys, !Self.loopback.contains(host), !insecureOpen else { return }
    printError(
      "no API keys configured: refusing to listen on \(host). Set WENSHU_API_KEYS, --api-keys-file, or pass --insecure-open"
    )
    throw Exit.config
  }
}
