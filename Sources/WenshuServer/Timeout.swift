import Dispatch
import Foundation
import Synchronization

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
    first.start(continuation, timeLimit: .nanoseconds(nanoseconds), onTimeout: onTimeout)
    Task {
      do { first.resume(.success(try await body())) } catch { first.resume(.failure(error)) }
    }
  }
}

/// Resumes a continuation once, with whichever result comes first, and stops the clock.
/// Sendable as the compiler checks it: the continuation and the timer (which is not
/// Sendable) live behind a `Mutex`; the timer is made there and never leaves it.
final class FirstResult<T: Sendable>: Sendable {
  private struct Waiting {
    var continuation: CheckedContinuation<T, any Error>?
    var timer: (any DispatchSourceTimer)?
  }
  private let waiting = Mutex(Waiting())

  /// Waits for a result, or fails with `RenderTimeout` after `timeLimit`.
  func start(
    _ continuation: CheckedContinuation<T, any Error>, timeLimit: DispatchTimeInterval,
    onTimeout: @escaping @Sendable () -> Void
  ) {
    waiting.withLock { waiting in
      waiting.continuation = continuation
      let timer = DispatchSource.makeTimerSource(queue: .global())
      timer.schedule(deadline: .now() + timeLimit)
      timer.setEventHandler { [weak self] in
        onTimeout()
        self?.resume(.failure(RenderTimeout()))
      }
      timer.resume()
      waiting.timer = timer
    }
  }

  func resume(_ result: Result<T, any Error>) {
    let continuation = waiting.withLock { waiting -> CheckedContinuation<T, any Error>? in
      waiting.timer?.cancel()
      waiting.timer = nil
      defer { waiting.continuation = nil }
      return waiting.continuation
    }
    continuation?.resume(with: result)
  }
}
