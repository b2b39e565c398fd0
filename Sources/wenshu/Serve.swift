import ArgumentParser
import Foundation
import Logging
import WenshuDocuments
import WenshuServer
import WenshuSigning

extension Wenshu {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Runs the HTTP render service.",
      discussion: """
        POST /v1/documents/{document} with JSON data returns the PDF; see docs/openapi.yaml \
        (also served at /openapi.yaml) for every route. Fonts and layouts load once at \
        start-up; a broken layout stops it with the file and line. SIGTERM: renders in \
        flight finish, new requests are refused.

        API keys: $WENSHU_API_KEYS (comma-separated) or --api-keys-file (one per line). With \
        no keys the service only listens on 127.0.0.1 unless --insecure-open is given.
        """)

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on; 0 lets the system pick a free one (the 'listening' log line names it).")
    var port: Int = 8080
    @Option(help: "Renders at once (default: the number of cores).") var workers: Int = ServerConfiguration.cores
    @Option(help: "Renders that may wait for a worker; beyond, 503 with Retry-After.") var queue: Int = 64
    @Option(
      name: .customLong("max-body-mib"), help: "Largest request body, in MiB, also after gzip decoding (413 beyond).")
    var maxBodyMiB: Int = 32
    @Option(help: "Time budget of one render, in seconds.") var renderTimeout: Int = 60
    @Option(help: "Time a client has to send its request body, in seconds (then 408).") var bodyTimeout: Int = 30
    @Option(help: "Seconds without traffic before a connection is closed.") var idleTimeout: Int = 60
    @Option(help: "File with one API key per line.") var apiKeysFile: String?
    @Flag(help: "Listen on a non-loopback address without API keys.") var insecureOpen = false
    @Flag(
      help:
        "Let the data override fields of its office's profile (name, account, bank, seal, signer). Off by default: an official notice then always carries the profile's own account."
    )
    var allowOfficeOverrides = false
    @Option(
      help: ArgumentHelp(
        "The operator's folder of signing keys (<office id>.pem chain and <office id>.key): every PDF of an office with a key is signed (PAdES B-B); the others are not. Read at start-up.",
        valueName: "folder"))
    var signingKeys: String?

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
      guard workers >= 1, queue >= 0, maxBodyMiB >= 1, renderTimeout >= 1 else {
        throw ValidationError("--workers, --max-body-mib and --render-timeout are at least 1; --queue at least 0")
      }
    }

    func run() async throws {
      LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
      var logger = Logger(label: "wenshu")
      logger.logLevel = .info
      var keys = (ProcessInfo.processInfo.environment["WENSHU_API_KEYS"] ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      if let apiKeysFile {
        guard let text = try? String(contentsOfFile: apiKeysFile, encoding: .utf8) else {
          printError("cannot read --api-keys-file \(apiKeysFile)")
          throw Exit.config
        }
        keys += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        }
      }
      let loopback = host == "127.0.0.1" || host == "::1" || host == "localhost"
      if keys.isEmpty && !loopback && !insecureOpen {
        printError(
          "no API keys configured: refusing to listen on \(host). Set WENSHU_API_KEYS, --api-keys-file, or pass --insecure-open"
        )
        throw Exit.config
      }
      var configuration = ServerConfiguration(
        host: host, port: port, workers: workers, queueLimit: queue, bodyLimit: maxBodyMiB << 20, apiKeys: keys,
        renderTimeout: .seconds(renderTimeout), bodyTimeout: .seconds(bodyTimeout), idleTimeout: .seconds(idleTimeout),
        allowOfficeOverrides: allowOfficeOverrides)
      if let signingKeys {
        do { configuration.signingKeys = try SigningKeys(folder: URL(fileURLWithPath: signingKeys)) } catch {
          printError("cannot read --signing-keys: \(error)")
          throw Exit.config
        }
        logger.info(
          "signing",
          metadata: ["offices": .string(configuration.signingKeys!.identities.keys.sorted().joined(separator: ","))])
      }
      let app: any ApplicationProtocolBox
      let (host, workers, auth, log) = (host, workers, keys.isEmpty ? "off" : "api-key", logger)
      do {
        // Logged once bound, with the bound port (the one picked for --port 0).
        app = try AppBox(
          WenshuService.application(home: WenshuHome.locate(), configuration: configuration, logger: logger) { bound in
            log.info(
              "listening",
              metadata: [
                "host": .string(host), "port": .stringConvertible(bound), "workers": .stringConvertible(workers),
                "auth": .string(auth),
              ])
          })
      } catch {
        printError("cannot start: \(error)")
        throw Exit.config
      }
      try await app.run()
    }
  }
}
