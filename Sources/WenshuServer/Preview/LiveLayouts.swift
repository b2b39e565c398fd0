import Dispatch
import Foundation
import Synchronization
import WenshuDocuments
import WenshuLayout

/// The layouts as they are on disk now, for the preview (the render service loads them once
/// at start-up and keeps them). A broken file becomes the current state, with its file and
/// line, until it is fixed; `generation` counts the reloads so a page can wait for the next.
/// Renders and reloads run one at a time on one queue, since a `DocumentRenderer` is used by
/// one thread at a time; the state is behind a `Mutex`, so the compiler checks it is Sendable.
final class LiveLayouts: Sendable {
  enum State: Sendable {
    case ready(DocumentRenderer)
    case broken(LayoutError)
  }

  let home: WenshuHome
  private let queue = DispatchQueue(label: "wenshu.preview")
  private struct Shared {
    var current: (generation: Int, state: State)
    /// The last catalogue that loaded, so the pickers stay filled while a layout is broken.
    var lastCatalog: DocumentCatalog?
    var watching: Task<Void, Never>?
  }
  private let shared: Mutex<Shared>
  /// The document the last page was drawn from, for the next page turn; touched only on the
  /// render queue (its own lock, so a long render does not hold up `snapshot`).
  private let kept = Mutex(KeptDocument.Slot())

  /// Throws only when the fonts cannot be loaded; a broken layout is a state to show.
  init(home: WenshuHome) throws {
    self.home = home
    let state = try Self.load(home)
    var catalog: DocumentCatalog?
    if case .ready(let renderer) = state { catalog = renderer.catalog }
    shared = Mutex(Shared(current: (1, state), lastCatalog: catalog))
  }

  deinit { shared.withLock { $0.watching?.cancel() } }

  /// Reloads after each change `watcher` sees, for as long as this object lives.
  func startWatching(_ watcher: LayoutWatcher) {
    let layouts = WeakLayouts(self)
    shared.withLock { shared in
      guard shared.watching == nil else { return }
      shared.watching = Task.detached { await watcher.watch { await layouts.live?.reload() } }
    }
  }

  var snapshot: (generation: Int, state: State, catalog: DocumentCatalog?) {
    shared.withLock { ($0.current.generation, $0.current.state, $0.lastCatalog) }
  }

  var generation: Int { shared.withLock { $0.current.generation } }

  /// Reads every layout again (a new renderer: new catalogue, fonts loaded anew).
  func reload() async {
    let home = home
    let state = await onQueue {
      do { return try Self.load(home) } catch {
        return .broken(LayoutError(file: "fonts/fonts.conf", line: 0, message: "\(error)"))
      }
    }
    shared.withLock { shared in
      shared.current = (shared.current.generation + 1, state)
      if case .ready(let renderer) = state { shared.lastCatalog = renderer.catalog }
    }
  }

  /// Runs `body` with the current state and the kept document on the render queue.
  func withState<T: Sendable>(_ body: @escaping @Sendable (Int, State, inout KeptDocument.Slot) -> T) async -> T {
    await onQueue { [self] in
      let (generation, state) = shared.withLock { ($0.current.generation, $0.current.state) }
      return kept.withLock { body(generation, state, &$0) }
    }
  }

  /// How many documents the page turns prepared (a test tells a turn from a new preparation).
  var preparations: Int { kept.withLock { $0.preparations } }

  private func onQueue<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: body()) } }
  }

  private static func load(_ home: WenshuHome) throws -> State {
    do { return .ready(try DocumentRenderer(home: home)) } catch let error as LayoutError { return .broken(error) }
  }
}

/// Lets the watcher's task reach the layouts without keeping them alive (the task ends when
/// they go). A `weak let`, set once in `init`: Sendable as the compiler checks it.
private final class WeakLayouts: Sendable {
  weak let live: LiveLayouts?
  init(_ live: LiveLayouts) { self.live = live }
}
