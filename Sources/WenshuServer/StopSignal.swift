import Foundation
import WenshuLayout

/// Stops one request's render, whoever asks first: its time budget running out, or its
/// client hanging up. A render under way stops at its next row (`cancellation`); one still
/// waiting for a worker leaves the queue at once (`onStop`), so it holds no place in line.
// Sendable: `stopped` and `handlers` are read and written only under `lock`; `cancellation`
// is itself thread-safe.
final class StopSignal: @unchecked Sendable {
  let cancellation = RenderCancellation()
  private let lock = NSLock()
  private var stopped = false
  private var handlers: [@Sendable () -> Void] = []

  func stop() {
    lock.lock()
    guard !stopped else { lock.unlock(); return }
    stopped = true
    let run = handlers
    handlers = []
    lock.unlock()
    cancellation.cancel()
    for handler in run { handler() }
  }

  var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  /// Runs `handler` when the signal stops (at once if it has).
  func onStop(_ handler: @escaping @Sendable () -> Void) {
    lock.lock()
    if stopped {
      lock.unlock()
      handler()
      return
    }
    handlers.append(handler)
    lock.unlock()
  }
}
