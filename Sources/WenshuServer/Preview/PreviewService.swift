import Foundation
import Hummingbird
import Logging
import WenshuDocuments

/// `wenshu preview`: a web page for layout authors and clerks that renders data as it is
/// edited and re-renders when a layout file is saved. Unlike the render service it reloads
/// `Layouts/` whenever a file there changes. It is for one person's machine, so it listens
/// on loopback unless told otherwise; beyond loopback it asks for a key good for every office
/// and document (as a browser's password). Either way it answers only to its own names in
/// `Host` and `Origin`, so a page of another site cannot drive it through DNS rebinding.
public enum PreviewService {
  /// `onListening` gets the bound port (the one the system picked for port 0). Throws when
  /// the fonts cannot be loaded; broken layouts are shown in the page instead.
  public static func application(
    home: WenshuHome, host: String = "127.0.0.1", port: Int, keys: [APIKey] = [], allowedHosts: [String] = [],
    logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
  ) throws -> some ApplicationProtocol {
    let live = try LiveLayouts(home: home)
    let router = Router(context: ServiceContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(
      middleware: HostMiddleware(hosts: AllowedHosts(listeningOn: host, adding: allowedHosts), checkOrigin: true))
    router.add(middleware: APIKeyMiddleware(keys: APIKeys(keys), basic: true, unlimitedOnly: true))
    PreviewRoutes(live: live, samples: home.root.appendingPathComponent("samples")).add(to: router)
    return Application(
      responder: router.buildResponder(),
      // A page drops the request of data it has since changed: its render stops (`HangUpHandler`).
      server: .http1(configuration: .init(additionalChannelHandlers: [HangUpHandler()])),
      configuration: .init(address: .hostname(host, port: port), serverName: "Wenshu preview"),
      onServerRunning: { channel in
        live.startWatching(LayoutWatcher(folder: home.layouts))
        await onListening(channel.localAddress?.port ?? port)
      },
      logger: logger)
  }
}
