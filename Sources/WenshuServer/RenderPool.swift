import Dispatch
import WenshuDocuments
import WenshuSigning

/// At most `workers` renders at once, each on its own renderer (fonts loaded once at start),
/// off the event loop; up to `queueLimit` more wait in line, and beyond that the caller is
/// told to come back later. A waiter whose request is stopped (time budget, hang-up) leaves
/// the line at once.
public actor RenderPool {
  private var idle: [DocumentRenderer]
  private var waiters: [(id: Int, continuation: CheckedContinuation<DocumentRenderer, any Error>)] = []
  private var nextWaiter = 0
  public let workers: Int
  public let queueLimit: Int
  private let metrics: ServiceMetrics
  private let queue = DispatchQueue(label: "wenshu.render", attributes: .concurrent)

  public struct Busy: Error {}
  /// The request was stopped while it waited.
  struct LeftQueue: Error {}

  /// The documents every renderer knows (the same files, read and checked at start).
  public nonisolated let catalog: DocumentCatalog
  /// Requests that may hold a body at once: `workers + queueLimit`.
  nonisolated let admission: Admission

  public init(
    home: WenshuHome, workers: Int, queueLimit: Int, metrics: ServiceMetrics, allowOfficeOverrides: Bool = false,
    signingKeys: SigningKeys? = nil
  ) throws {
    // Workers and the drawing threads they start, plus the event loops' own allocations.
    ProcessHeap.limitArenas(to: 2 * max(1, workers) + 1)
    let renderers = try (0..<max(1, workers)).map { _ in
      try DocumentRenderer(home: home, allowingOfficeOverrides: allowOfficeOverrides, signingKeys: signingKeys)
    }
    idle = renderers
    catalog = renderers[0].catalog
    self.workers = max(1, workers)
    self.queueLimit = queueLimit
    self.metrics = metrics
    admission = Admission(capacity: max(1, workers) + queueLimit)
  }

  /// Runs `body` with a renderer on a render thread; throws `Busy` when the line is full.
  func run<T: Sendable>(stop: StopSignal, _ body: @escaping @Sendable (DocumentRenderer) throws -> T) async throws -> T
  {
    let renderer = try await acquire(stop)
    metrics.inFlight.increment()
    defer {
      metrics.inFlight.decrement()
      release(renderer)
    }
    return try await withCheckedThrowingContinuation { continuation in
      queue.async {
        let result = Result { try body(renderer) }
        ProcessHeap.releaseFreed()
        continuation.resume(with: result)
      }
    }
  }

  private func acquire(_ stop: StopSignal) async throws -> DocumentRenderer {
    if let renderer = idle.popLast() { return renderer }
    guard waiters.count < queueLimit else { throw Busy() }
    metrics.queued.increment()
    defer { metrics.queued.decrement() }
    let id = nextWaiter
    nextWaiter += 1
    return try await withCheckedThrowingContinuation { continuation in
      waiters.append((id, continuation))
      stop.onStop { Task { await self.leave(id) } }
    }
  }

  private func leave(_ id: Int) {
    guard let i = waiters.firstIndex(where: { $0.id == id }) else { return }
    waiters.remove(at: i).continuation.resume(throwing: LeftQueue())
  }

  private func release(_ renderer: DocumentRenderer) {
    if waiters.isEmpty {
      idle.append(renderer)
    } else {
      waiters.removeFirst().continuation.resume(returning: renderer)
    }
  }

  /// Requests waiting for a worker now, and workers free.
  var waiting: Int { waiters.count }
  var idleCount: Int { idle.count }
}
