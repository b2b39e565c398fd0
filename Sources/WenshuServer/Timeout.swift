import Dispatch
import Foundation

struct RenderTimeout: Error {}

/// Runs `body`, giving up after `limit`: the caller gets its answer at once; the render
/// thread finishes the render it is on and then serves the next one. The clock is a
/// Dispatch timer source (it fires on time even while every task-pool thread is busy),
/// cancelled as soon as the work ends. A source, not `asyncAfter`: a cancelled work item
/// stays in Dispatch's timer list until its deadline, so under load every answered request
/// would hold its closure for the whole budget.
func withTimeout<T: Sendable>(
  _ limit: Duration, onTimeout: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
  let first = FirstResult<T>()
  let c = limit.components
  let nanoseconds = Int(c.seconds) * 1_000_000_000 + Int(c.attoseconds / 1_000_000_000)
  return try await withCheckedThrowingContinuation { continuation in
    first.continuation = continuation
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + .nanoseconds(nanoseconds))
    timer.setEventHandler { [weak first] in
      onTimeout()
      first?.resume(.failure(RenderTimeout()))
    }
    first.timer = timer
    timer.resume()
    Task {
      do { first.resume(.success(try await body())) } catch { first.resume(.failure(error)) }
    }
  }
}

/// Resumes a continuation once, with whichever result comes first, and stops the clock.
// Sendable: `continuation` and `timer` are set once by `withTimeout` before the timer is
// started and the task created (which orders those writes before any `resume`); after that
// they are only read and cleared under `lock`.
final class FirstResult<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  var continuation: CheckedContinuation<T, any Error>?
  var timer: (any DispatchSourceTimer)?

  func resume(_ result: Result<T, any Error>) {
    lock.lock()
    let c = continuation
    continuation = nil
    let t = timer
    timer = nil
    lock.unlock()
    t?.cancel()
    c?.resume(with: result)
  }
}
