import Foundation
import Logging
import ServiceLifecycle

/// The jobs' parts, made once per server: the store the configuration names, the routes and
/// the runner that prints.
struct JobService {
  let routes: JobRoutes
  let runner: JobRunner
  /// What runs beside the server: the database's connections (PostgreSQL), then the runner
  /// (stopped first at shutdown, so it can give its leases back).
  let services: [any Service]

  init(pool: RenderPool, configuration: ServerConfiguration, keys: [APIKey], logger: Logger) throws {
    let settings = configuration.jobs
    let store: any JobStore
    var services: [any Service] = []
    if let url = settings.database, url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
      let postgres = try PostgresJobStore(url: url, retention: settings.retention, logger: logger)
      store = postgres
      services.append(PostgresConnections(client: postgres.client))
    } else {
      store = try SQLiteJobStore(path: settings.database, retention: settings.retention)
    }
    var secrets: [String: [UInt8]] = [:]
    let shared = configuration.webhookSecret.map { Array($0.utf8) }
    if keys.isEmpty, let shared { secrets[""] = shared }
    let unscoped = Set(APIKey.unscoped(configuration.apiKeys).map(\.id))
    for key in keys {
      if let own = key.webhookSecret {
        secrets[key.id] = own
      } else if unscoped.contains(key.id), let shared {
        secrets[key.id] = shared
      }
    }
    let lookup: @Sendable (String) -> [UInt8]? = { [secrets] in secrets[$0] }
    let target = WebhookTarget(allowPrivate: settings.webhookPrivate)
    let worker = "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(JobID.make().prefix(8))"
    routes = JobRoutes(
      store: store, catalog: pool.catalog, settings: settings, configuration: configuration,
      admission: pool.admission, target: target, secrets: lookup)
    runner = JobRunner(
      store: store, pool: pool, settings: settings, renderTimeout: configuration.renderTimeout,
      sheetLimit: RenderRoute.sheetLimit(configuration),
      webhooks: WebhookSender(
        store: store, worker: worker, target: target, secrets: lookup, firstRetry: settings.webhookFirstRetry,
        attempts: settings.webhookAttempts, logger: logger),
      worker: worker, logger: logger)
    self.services = services + [runner]
  }
}
