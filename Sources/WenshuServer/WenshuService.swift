import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WenshuDocuments

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

  public static func application(
    home: WenshuHome, configuration: ServerConfiguration, logger: Logger
  ) throws -> some ApplicationProtocol {
    let metrics = ServiceMetrics()
    let pool = try RenderPool(home: home, workers: configuration.workers, queueLimit: configuration.queueLimit, metrics: metrics,
      allowOfficeOverrides: configuration.allowOfficeOverrides)
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
    let openAPI = (try? String(contentsOf: home.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)) ?? ""
    router.get("openapi.yaml") { _, _ in
      Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: openAPI)))
    }
    DocumentRoutes(pool: pool, metrics: metrics, configuration: configuration).add(to: router)
    let idle = configuration.idleTimeout.components
    return Application(
      responder: HeadResponder(router: router.buildResponder()),
      server: .http1(
        configuration: .init(additionalChannelHandlers: [
          ContinueHandler(keys: keys, bodyLimit: configuration.bodyLimit), HangUpHandler(),
        ], idleTimeout: .seconds(max(1, idle.seconds)))),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Wenshu"),
      logger: logger)
  }
}
