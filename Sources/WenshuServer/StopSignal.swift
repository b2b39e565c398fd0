import Synchronization
import WenshuLayout

/// Stops one request's render, whoever asks first: its time budget running out, or its
/// client hanging up. A render under way stops at its next row (`cancellation`); one still
/// waiting for a worker leaves the queue at once (`onStop`), so it holds no place in line.
/// Sendable as the compiler checks it: the state is behind a `Mutex`, and the handlers run
/// outside it (one may stop another signal).
final class StopSignal: Sendable {
  let cancellation = RenderCancellation()
  private let state = Mutex<(stopped: Bool, handlers: [@Sendable () -> Void])>((false, []))

  func stop() {
    let run: [@Sendable () -> Void]? = state.withLock { state in
      guard !state.stopped else { return nil }
      state.stopped = true
      defer { state.handlers = [] }
      return state.handlers
    }
    guard let run else { return }
    cancellation.cancel()
    for handler in run { handler() }
  }

  var isStopped: Bool { state.withLock { $0.stopped } }

  /// Runs `handler` when the signal stops (at once if it has).
  func onStop(_ handler: @escaping @Sendable () -> Void) {
    let now = state.withLock { state in
      if state.stopped { return true }
      state.handlers.append(handler)
      return false
    }
    if now { handler() }
  }
}
