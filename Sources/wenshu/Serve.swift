import ArgumentParser
import Foundation
import Logging
import WenshuDocuments
import WenshuServer
import WenshuSigning

extension Wenshu {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Runs the HTTP render service.",
      discussion: """
        POST /v1/documents/{document} with JSON data returns the PDF; see docs/openapi.yaml \
        (also served at /openapi.yaml) for every route. Fonts and layouts load once at \
        start-up; a broken layout stops it with the file and line. SIGTERM: renders in \
        flight finish, new requests are refused.

        API keys: --api-keys-file (or $WENSHU_API_KEYS_FILE) holds scoped keys, each printing \
        only its offices' (and documents') data: outside them, 403 naming the key. Keys in \
        $WENSHU_API_KEYS (comma- or line-separated) may print every office's. With no keys \
        the service only listens on 127.0.0.1 unless --insecure-open is given. A request \
        whose Host is not a loopback name, an IP address, --host or an --allowed-host gets \
        403 (so a DNS-rebinding page cannot drive it). Each render is logged with its key, \
        document, office, number, pages and the SHA-256 of the file; never a name or ID number.

        Memory: a request is admitted before its body is read (beyond workers + queue: 429 \
        with Retry-After), so the server's peak resident memory stays under \
        \(MemoryBudget.formula) MiB: \(MemoryBudget(workers: 2, queue: 8, bodyMiB: 8).peakMiB) MiB \
        for 2 workers and the defaults. Give the container at least that (docs/reliability.md).

        Batch jobs: POST /v1/jobs stores a job in the job store (--jobs-db, a SQLite file by \
        default, kept across restarts) and prints its items one by one on the same workers; \
        GET /v1/jobs/{id} tells how far it is, …/result gives the ZIP. A job's webhook is \
        signed with the key's webhookSecret (keys file), or $WENSHU_WEBHOOK_SECRET for a \
        server without keys or keys from $WENSHU_API_KEYS.
        """)

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on; 0 lets the system pick a free one (the 'listening' log line names it).")
    var port: Int = 8080
    @Option(help: "Renders at once (default: the number of cores).") var workers: Int = ServerConfiguration.cores
    @Option(help: "Requests that may wait for a worker, their bodies held; beyond, 429 with Retry-After.")
    var queue: Int = ServerConfiguration.defaultQueue
    @Option(
      name: .customLong("max-body-mib"),
      help: "Largest request body, in MiB, also after gzip decoding (413 beyond); 8 MiB is ~38,000 members.")
    var maxBodyMiB: Int = ServerConfiguration.defaultBodyLimit >> 20
    @Option(
      help: "Time budget of one request on its worker, in seconds (then 503 without Retry-After, the worker freed).")
    var renderTimeout: Int = ServerConfiguration.defaultRenderTimeout
    @Option(help: "Time a client has to send its request body, in seconds (then 408).")
    var bodyTimeout: Int = ServerConfiguration.defaultBodyTimeout
    @Option(help: "Seconds without traffic before a connection is closed.") var idleTimeout: Int = 60
    @OptionGroup(title: "Access") var access: AccessOptions
    @OptionGroup(title: "Batch jobs") var jobs: JobOptions
    @Flag(
      help:
        "Let the data override fields of its office's profile (name, account, bank, seal, signer). Off by default: an official notice then always carries the profile's own account."
    )
    var allowOfficeOverrides = false
    @Option(
      help: ArgumentHelp(
        "The operator's folder of signing keys (<office id>.pem chain and <office id>.key): every PDF of an office with a key is signed (PAdES B-B); the others are not. <office id>.ed25519 signs the verification QR a layout prints, and with retired/*.pub answers /v1/verify and /v1/keys. Read at start-up.",
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
      let keys = access.unscopedKeys
      let scoped = try access.scopedKeys()
      try access.requireKeys(host: host, haveKeys: !keys.isEmpty || !scoped.isEmpty)
      var configuration = ServerConfiguration(
        host: host, port: port, workers: workers, queueLimit: queue, bodyLimit: maxBodyMiB << 20, apiKeys: keys,
        renderTimeout: .seconds(renderTimeout), bodyTimeout: .seconds(bodyTimeout), idleTimeout: .seconds(idleTimeout),
        allowOfficeOverrides: allowOfficeOverrides, scopedKeys: scoped, allowedHosts: access.hosts)
      configuration.jobs = jobs.settings()
      configuration.webhookSecret = ProcessInfo.processInfo.environment["WENSHU_WEBHOOK_SECRET"]
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
      let (host, workers, auth, log) = (host, workers, keys.isEmpty && scoped.isEmpty ? "off" : "api-key", logger)
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
