import Synchronization

/// How many render requests may hold a body in memory at once: one per worker and one per
/// place in the queue. A request is admitted before its body is read, so bodies being read,
/// waiting and rendering together stay within `(workers + queue) × --max-body-mib`, however
/// many clients connect; the rest get 429 without a byte of their body read.
/// Sendable as the compiler checks it: the count is behind a `Mutex`.
final class Admission: Sendable {
  let capacity: Int
  private let admitted = Mutex(0)

  init(capacity: Int) { self.capacity = capacity }

  /// Takes a place, or returns false when every place is taken.
  func enter() -> Bool {
    admitted.withLock { count in
      guard count < capacity else { return false }
      count += 1
      return true
    }
  }

  func leave() { admitted.withLock { $0 -= 1 } }

  /// Whether a place is free now (another request may take it before this one asks).
  var hasRoom: Bool { admitted.withLock { $0 < capacity } }
}
