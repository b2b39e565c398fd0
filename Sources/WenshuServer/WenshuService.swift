import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WenshuDocuments
import WenshuLayout
import WenshuSigning

/// The render service: loads fonts and layouts once (a broken layout stops start-up, naming
/// the file), then serves the routes. Stateless between requests but for batch jobs, which
/// live in the job store (`JobStore`) and are printed by its `JobRunner`.
public enum WenshuService {
  /// The routes (`ServiceRoute`), as method and path, for whoever lists them.
  public static var routes: [(method: String, path: String)] {
    ServiceRoute.allCases.map { ($0.method.rawValue, $0.path) }
  }

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
    let keys = APIKeys(configuration.keys)
    try keys.check(offices: pool.catalog.offices.keys, documents: pool.catalog.documents)
    router.add(middleware: RequestLogMiddleware())
    let hosts = AllowedHosts(listeningOn: configuration.host, adding: configuration.allowedHosts)
    router.add(middleware: HostMiddleware(hosts: hosts))
    router.add(middleware: APIKeyMiddleware(keys: keys))
    router.add(middleware: MethodMiddleware(routes: routes))
    let openAPI = Self.openAPI(catalog: pool.catalog, home: home)
    let documents = DocumentRoutes(pool: pool, metrics: metrics, configuration: configuration)
    let verification = VerificationRoutes(keys: configuration.signingKeys?.codes ?? CodeKeyRing(current: []))
    let jobs = try JobService(
      pool: pool, configuration: configuration, keys: configuration.keys, logger: logger)
    router.addRoutes(
      handlers(
        pool: pool, metrics: metrics, openAPI: openAPI, documents: documents, verification: verification,
        jobs: jobs.routes))
    let idle = configuration.idleTimeout.components
    return Application(
      responder: HeadResponder(router: router.buildResponder()),
      server: .http1(
        configuration: .init(
          additionalChannelHandlers: [
            ContinueHandler(
              hosts: hosts, keys: keys, bodyLimit: configuration.bodyLimit, documents: Set(pool.catalog.documents),
              admission: pool.admission), HangUpHandler(),
          ], idleTimeout: .seconds(max(1, idle.seconds)))),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Wenshu"),
      services: jobs.services,
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
      logger: logger)
  }

  /// One handler per `ServiceRoute`, as a Hummingbird `RouteCollection`, in a switch the
  /// compiler holds to every route.
  static func handlers(
    pool: RenderPool, metrics: ServiceMetrics, openAPI: String, documents: DocumentRoutes,
    verification: VerificationRoutes, jobs: JobRoutes
  ) -> RouteCollection<ServiceContext> {
    let collection = RouteCollection(context: ServiceContext.self)
    for route in ServiceRoute.allCases {
      collection.on(route.routerPath, method: route.method) { request, context -> Response in
        switch route {
        case .health: return text("ok\n")
        case .readiness: return text("ready: \(pool.catalog.documents.count) documents, \(pool.workers) workers\n")
        case .metrics: return text(metrics.text(), type: "text/plain; version=0.0.4")
        case .openAPI:
          let asked = RenderRoute.octetStreamAsked(request.headers[.accept], over: "application/yaml")
          return text(openAPI, type: asked ? "application/octet-stream" : "application/yaml")
        case .documents: return try documents.list()
        case .schema: return documents.schema(request: request, context: context)
        case .render: return await documents.render(.document, request: request, context: context)
        case .batch: return await documents.render(.batch, request: request, context: context)
        case .validate: return await documents.render(.validate, request: request, context: context)
        case .verify: return try verification.verdict(request)
        case .verifyPage: return try verification.page(request)
        case .keys: return try verification.published()
        case .submitJob: return try await jobs.submit(request: request, context: context)
        case .job: return try await jobs.status(request: request, context: context)
        case .cancelJob: return try await jobs.cancel(request: request, context: context)
        case .jobResult: return try await jobs.result(request: request, context: context)
        }
      }
    }
    return collection
  }

  static func text(_ text: String, type: String = "text/plain; charset=utf-8") -> Response {
    Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
