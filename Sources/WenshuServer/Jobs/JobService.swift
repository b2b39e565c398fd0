import Foundation
import Logging

/// The jobs' parts, made once per server: the store the configuration names, the routes and
/// the runner that prints.
struct JobService {
  let routes: JobRoutes
  let runner: JobRunner

  init(pool: RenderPool, configuration: ServerConfiguration, keys: [APIKey], logger: Logger) throws {
    let settings = configuration.jobs
    let store = try SQLiteJobStore(path: settings.database, retention: settings.retention)
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
      webhooks: WebhookSender(
        store: store, worker: worker, target: target, secrets: lookup, firstRetry: settings.webhookFirstRetry,
        attempts: settings.webhookAttempts, logger: logger),
      worker: worker, logger: logger)
  }
}
