import Dispatch
import WenshuDocuments

/// At most `workers` renders at once, each on its own renderer (fonts loaded once at start),
/// off the event loop; up to `queueLimit` more wait in line, and beyond that the caller is
/// told to come back later.
public actor RenderPool {
  private var idle: [DocumentRenderer]
  private var waiters: [CheckedContinuation<DocumentRenderer, Never>] = []
  public let workers: Int
  public let queueLimit: Int
  private let metrics: ServiceMetrics
  private let queue = DispatchQueue(label: "wenshu.render", attributes: .concurrent)

  public struct Busy: Error {}

  /// The documents every renderer knows (the same files, read and checked at start).
  public nonisolated let catalog: DocumentCatalog

  public init(home: WenshuHome, workers: Int, queueLimit: Int, metrics: ServiceMetrics) throws {
    let renderers = try (0..<max(1, workers)).map { _ in try DocumentRenderer(home: home) }
    idle = renderers
    catalog = renderers[0].catalog
    self.workers = max(1, workers)
    self.queueLimit = queueLimit
    self.metrics = metrics
  }

  /// Runs `body` with a renderer on a render thread; throws `Busy` when the line is full.
  public func run<T: Sendable>(_ body: @escaping @Sendable (DocumentRenderer) throws -> T) async throws -> T {
    let renderer = try await acquire()
    metrics.inFlight.increment()
    defer {
      metrics.inFlight.decrement()
      release(renderer)
    }
    return try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body(renderer) }) }
    }
  }

  private func acquire() async throws -> DocumentRenderer {
    if let renderer = idle.popLast() { return renderer }
    guard waiters.count < queueLimit else { throw Busy() }
    metrics.queued.increment()
    defer { metrics.queued.decrement() }
    return await withCheckedContinuation { waiters.append($0) }
  }

  private func release(_ renderer: DocumentRenderer) {
    if waiters.isEmpty {
      idle.append(renderer)
    } else {
      waiters.removeFirst().resume(returning: renderer)
    }
  }
}
