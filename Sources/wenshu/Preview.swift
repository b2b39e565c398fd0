import ArgumentParser
import Foundation
import Hummingbird
import Logging
import WenshuDocuments
import WenshuServer

extension Wenshu {
  struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "preview",
      abstract: "Serves a web page that previews documents as their data and layouts are edited.",
      discussion: """
        Pick a document, variant, office and sample; edit the JSON and the pages are drawn \
        as you type, with every problem and its JSON path. Saving a file under Layouts/ \
        re-renders the open page (a broken layout shows its file and line until it is fixed); \
        `serve` instead loads the layouts once. Prints the page's URL on standard output. \
        It listens on 127.0.0.1 unless --host says otherwise; beyond loopback it needs API \
        keys as serve does, and asks the browser for one as the password (any user name); \
        only keys for every office and document are accepted. It answers only to loopback \
        names, IP addresses, --host and --allowed-host in Host and Origin (DNS rebinding).
        """)

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on; 0 lets the system pick a free one (the URL printed names it).")
    var port: Int = 8090
    @OptionGroup(title: "Access") var access: AccessOptions

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
    }

    func run() async throws {
      LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
      var logger = Logger(label: "wenshu-preview")
      // One line per request (path, status, time), never the data: as `serve` logs.
      logger.logLevel = .info
      let app: any ApplicationProtocol
      let shown = host.contains(":") ? "[\(host)]" : host
      let keys = APIKey.unscoped(access.unscopedKeys) + (try access.scopedKeys())
      try access.requireKeys(host: host, haveKeys: !keys.isEmpty)
      do {
        app = try PreviewService.application(
          home: WenshuHome.locate(), host: host, port: port, keys: keys, allowedHosts: access.hosts, logger: logger
        ) { bound in
          // The one line on standard output, so a script can read where to go.
          try? writeAll(Array("http://\(shown):\(bound)/\n".utf8), to: STDOUT_FILENO)
        }
      } catch {
        printError("cannot start: \(error)")
        throw Exit.config
      }
      // Not runService: no graceful drain to wait for (a page's long poll would hold it up);
      // SIGINT and SIGTERM end the process at once.
      try await app.run()
    }
  }
}
