import Foundation

/// How many render requests may hold a body in memory at once: one per worker and one per
/// place in the queue. A request is admitted before its body is read, so bodies being read,
/// waiting and rendering together stay within `(workers + queue) × --max-body-mib`, however
/// many clients connect; the rest get 429 without a byte of their body read.
// Sendable: `admitted` is read and written only under `lock`.
final class Admission: @unchecked Sendable {
  let capacity: Int
  private let lock = NSLock()
  private var admitted = 0

  init(capacity: Int) { self.capacity = capacity }

  /// Takes a place, or returns false when every place is taken.
  func enter() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard admitted < capacity else { return false }
    admitted += 1
    return true
  }

  func leave() {
    lock.lock()
    admitted -= 1
    lock.unlock()
  }
}
