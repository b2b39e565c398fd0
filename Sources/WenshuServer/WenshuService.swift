import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WenshuDocuments
import WenshuLayout

/// The render service: loads fonts and layouts once (a broken layout stops start-up, naming
/// the file), then serves the routes. Stateless between requests.
public enum WenshuService {
  /// The routes, for `/openapi.yaml` and the test that keeps the two in step.
  public static let routes: [(method: String, path: String)] = [
    ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"), ("GET", "/openapi.yaml"),
    ("GET", "/v1/documents"), ("GET", "/v1/documents/{document}/schema"),
    ("POST", "/v1/documents/{document}"), ("POST", "/v1/documents/{document}/batch"),
    ("POST", "/v1/documents/{document}/validate"),
  ]

  /// The OpenAPI description of this server's routes and layouts, with the samples in
  /// `samples/` (those under 20 kB) as examples when the folder is there.
  public static func openAPI(catalog: DocumentCatalog, home: WenshuHome) -> String {
    var examples: [String: [(name: String, data: DataValue)]] = [:]
    let folder = home.root.appendingPathComponent("samples")
    for document in catalog.documents {
      let files =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(document).path)) ?? []
      for file in files.sorted() where file.hasSuffix(".json") {
        guard
          let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(document)/\(file)").path),
          data.count < 20_000, let value = try? JSONReader.parse([UInt8](data))
        else { continue }
        examples[document, default: []].append((String(file.dropLast(5)), value))
      }
    }
    return OpenAPIDocument.yaml(catalog: catalog, examples: examples)
  }

  /// `onListening` gets the port the server is bound to once it accepts connections: the
  /// configured one, or the one the system picked for port 0.
  public static func application(
    home: WenshuHome, configuration: ServerConfiguration, logger: Logger,
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
  ) throws -> some ApplicationProtocol {
    let metrics = ServiceMetrics()
    let pool = try RenderPool(
      home: home, workers: configuration.workers, queueLimit: configuration.queueLimit, metrics: metrics,
      allowOfficeOverrides: configuration.allowOfficeOverrides, signingKeys: configuration.signingKeys)
    let router = Router(context: ServiceContext.self)
    router.add(middleware: RequestLogMiddleware())
    let keys = APIKeys(configuration.apiKeys)
    router.add(middleware: APIKeyMiddleware(keys: keys))
    router.add(middleware: MethodMiddleware(routes: routes))
    router.get("healthz") { _, _ in "ok\n" }
    router.get("readyz") { _, _ in
      "ready: \(pool.catalog.documents.count) documents, \(pool.workers) workers\n"
    }
    router.get("metrics") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
        body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
    }
    let openAPI = Self.openAPI(catalog: pool.catalog, home: home)
    router.get("openapi.yaml") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: openAPI)))
    }
    DocumentRoutes(pool: pool, metrics: metrics, configuration: configuration).add(to: router)
    let idle = configuration.idleTimeout.components
    return Application(
      responder: HeadResponder(router: router.buildResponder()),
      server: .http1(
        configuration: .init(
          additionalChannelHandlers: [
            ContinueHandler(keys: keys, bodyLimit: configuration.bodyLimit), HangUpHandler(),
          ], idleTimeout: .seconds(max(1, idle.seconds)))),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Wenshu"),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
      logger: logger)
  }
}
