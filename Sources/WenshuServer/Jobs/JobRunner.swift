import Foundation
import Logging
import ServiceLifecycle
import WenshuDocuments
import WenshuLayout

/// Prints jobs' items: claims as many as there are render workers, prints each on the same
/// pool and within the same time budget as a request (an item over budget fails alone),
/// renews its leases while they print, and completes them one by one. Between rounds it
/// delivers due webhooks and removes jobs past their retention. Runs as a service of the
/// application until shutdown, when it gives its leases back.
struct JobRunner: Service {
  let store: any JobStore
  let pool: RenderPool
  let settings: JobSettings
  let renderTimeout: Duration
  /// How far an item's member workbook may inflate (as a render's form).
  let sheetLimit: Int
  let webhooks: WebhookSender
  let worker: String
  let logger: Logger

  func run() async throws {
    await cancelWhenGracefulShutdown {
      var lastSweep = Date.distantPast
      while !Task.isCancelled {
        var busy = false
        do {
          busy = try await runRound()
          busy = try await webhooks.deliverDue() > 0 || busy
          if Date().timeIntervalSince(lastSweep) >= min(settings.retention, 30) {
            lastSweep = Date()
            let removed = try await store.removeFinished(before: Date().addingTimeInterval(-settings.retention))
            if removed > 0 { logger.info("jobs removed after retention", metadata: ["jobs": "\(removed)"]) }
          }
        } catch is CancellationError {
          break
        } catch {
          logger.error("job store", metadata: ["error": .string("\(error)")])
        }
        if !busy { try? await Task.sleep(for: settings.pollInterval) }
      }
    }
    try? await store.release(worker: worker, items: nil)
  }

  /// Claims and prints one round of items; false when there was nothing to do.
  func runRound() async throws -> Bool {
    let lease = settings.lease
    let items = try await store.claim(
      worker: worker, limit: pool.workers, until: Date().addingTimeInterval(lease), now: Date())
    guard !items.isEmpty else { return false }
    let keys = items.map(\.key)
    let renewal = Task {
      while !Task.isCancelled {
        try await Task.sleep(for: .seconds(lease / 3))
        try await store.renew(worker: worker, items: keys, until: Date().addingTimeInterval(lease))
      }
    }
    defer { renewal.cancel() }
    await withTaskGroup(of: Void.self) { group in
      for item in items {
        group.addTask { await print(item) }
      }
    }
    return true
  }

  /// Prints one item and records its file or its problems; an item that found no worker free
  /// goes back for later.
  func print(_ item: ClaimedItem) async {
    let outcome: ItemOutcome
    do {
      outcome = try await render(item)
    } catch is RenderPool.Busy {
      try? await store.release(worker: worker, items: [item.key])
      return
    } catch is CancellationError {
      try? await store.release(worker: worker, items: [item.key])
      return
    } catch {
      outcome = .failed([JobProblem(path: path(item, ""), message: "\(error)", item: item.key.position + 1)])
    }
    do {
      let kept = try await store.complete(item.key, worker: worker, outcome: outcome, now: Date())
      if !kept {
        logger.warning(
          "job item lease lost", metadata: ["job": .string(item.key.job), "item": "\(item.key.position + 1)"])
      }
    } catch {
      logger.error("job store", metadata: ["job": .string(item.key.job), "error": .string("\(error)")])
    }
  }

  func render(_ item: ClaimedItem) async throws -> ItemOutcome {
    let scope = item.offices.map { OfficeScope(holder: item.holder ?? "the job's key", offices: $0) }
    let stop = StopSignal()
    let cancellation = stop.cancellation
    let document = item.document
    let data = item.data
    // A PDF job's items are merged into one file: unsigned, as a batch's one PDF is (a
    // signature covers its own file's bytes and would not survive the merge).
    let merged = item.format == .pdf
    let result: Result<RenderedFile, ItemFailure>
    do {
      // swift-format-ignore: OnlyOneTrailingClosureArgument
      result = try await withTimeout(renderTimeout, onTimeout: { stop.stop() }) {
        try await pool.run(stop: stop) { renderer in
          do {
            let file =
              if let sheet = item.sheet {
                try MemberItemPrint(
                  renderer: renderer, item: item, sheet: sheet, inflatedLimit: sheetLimit, cancellation: cancellation,
                  scope: scope, signed: !merged
                ).run()
              } else {
                try renderer.renderFile(
                  document: document, json: data, format: .pdf, cancellation: cancellation, scope: scope,
                  signed: !merged)
              }
            // Checked now, so a part that could not be merged fails as its item, not the result midway.
            if merged { _ = try PDFPart(file.bytes) }
            return .success(file)
          } catch let failure as ItemFailure {
            return .failure(failure)
          } catch let failure as OutputFailure {
            return .failure(.output(failure))
          } catch let failure as RenderFailure {
            return .failure(.output(.render(failure)))
          } catch {
            return .failure(.output(.render(.output("\(error)"))))
          }
        }
      }
    } catch is RenderTimeout {
      return .failed([
        JobProblem(
          path: path(item, ""), message: "the item exceeded its time budget of \(renderTimeout)",
          item: item.key.position + 1)
      ])
    }
    switch result {
    case .success(let file):
      let width = max(3, String(item.itemCount).count)
      let number = String(repeating: "0", count: max(0, width - String(item.key.position + 1).count))
      return .printed(
        file: file.bytes, name: "\(number)\(item.key.position + 1)-\(file.fileName.name)", pages: file.pages)
    case .failure(.output(let failure)):
      return .failed(problems(failure, item))
    case .failure(.problems(let list)):
      return .failed(list)
    }
  }

  /// A failed item's problems, their paths into the job (`items[3].total`).
  func problems(_ failure: OutputFailure, _ item: ClaimedItem) -> [JobProblem] {
    let number = item.key.position + 1
    func list(_ problems: [DataProblem]) -> [JobProblem] {
      problems.map { JobProblem(path: path(item, $0.path), message: $0.message, item: number) }
    }
    switch failure {
    case .data(let problems): return list(problems.first)
    case .render(.data(let problems)): return list(problems)
    case .render(.forbidden(let problem)): return list([problem])
    case .render(.cancelled):
      return [JobProblem(path: path(item, ""), message: "the item exceeded its time budget", item: number)]
    default: return [JobProblem(path: path(item, ""), message: Problem.from(failure).detail, item: number)]
    }
  }

  func path(_ item: ClaimedItem, _ inner: String) -> String {
    let prefix = "items[\(item.key.position)]"
    return inner.isEmpty || inner.hasPrefix("[") ? prefix + inner : prefix + "." + inner
  }
}

/// How jobs are kept and worked (`wenshu serve --jobs-db …`).
public struct JobSettings: Sendable {
  /// Where the jobs are: a SQLite file, or nil for memory only (tests).
  public var database: String?
  /// How long a finished job and its result are kept.
  public var retention: TimeInterval
  /// How long a claimed item stays a worker's without renewal: a dead worker's items are
  /// taken by another after this.
  public var lease: TimeInterval
  /// Unfinished jobs the store holds at most; a new one beyond is refused with 429.
  public var queueLimit: Int
  /// Items one job may have.
  public var itemLimit: Int
  /// Allows http and internal addresses as webhook targets (`WebhookTarget`).
  public var webhookPrivate: Bool
  /// The first webhook retry's delay (then doubling) and the attempts in all.
  public var webhookFirstRetry: TimeInterval
  public var webhookAttempts: Int
  /// How long an idle worker waits before it looks for work again.
  public var pollInterval: Duration

  public init(
    database: String? = nil, retention: TimeInterval = 24 * 3600, lease: TimeInterval = 60, queueLimit: Int = 100,
    itemLimit: Int = 10_000, webhookPrivate: Bool = false, webhookFirstRetry: TimeInterval = 10,
    webhookAttempts: Int = 8, pollInterval: Duration = .milliseconds(250)
  ) {
    self.database = database
    self.retention = retention
    self.lease = lease
    self.queueLimit = queueLimit
    self.itemLimit = itemLimit
    self.webhookPrivate = webhookPrivate
    self.webhookFirstRetry = webhookFirstRetry
    self.webhookAttempts = webhookAttempts
    self.pollInterval = pollInterval
  }
}
