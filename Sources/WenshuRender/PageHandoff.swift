import Foundation

/// Hands pages, made ready to draw, from the thread that lays them out to the thread that
/// draws them, holding at most `capacity` at a time so memory stays bounded however long the
/// document.
final class PageHandoff: @unchecked Sendable {  // all state is guarded by `condition`
  private let condition = NSCondition()
  private var pages: [PageDrawing] = []
  private var closed = false
  private let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  /// Waits for room, then hands `page` over.
  func put(_ page: PageDrawing) {
    condition.lock()
    defer { condition.unlock() }
    while pages.count >= capacity { condition.wait() }
    pages.append(page)
    condition.broadcast()
  }

  /// No more pages will come.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
  }

  /// The next page, waiting for it; nil once the handoff is closed and empty.
  func take() -> PageDrawing? {
    condition.lock()
    defer { condition.unlock() }
    while pages.isEmpty && !closed { condition.wait() }
    guard !pages.isEmpty else { return nil }
    let page = pages.removeFirst()
    condition.broadcast()
    return page
  }
}
