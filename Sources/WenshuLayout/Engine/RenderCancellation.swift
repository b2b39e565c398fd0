import Foundation

/// Asks a render in progress to stop: checked between slices in both passes, so a render
/// over its time budget frees its worker within a row or two instead of running to the end.
public final class RenderCancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  /// A render's own stop (its data found invalid) that also stops when its caller says so.
  private let parent: RenderCancellation?

  public init() { parent = nil }

  init(following parent: RenderCancellation?) { self.parent = parent }

  public func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }

  public var isCancelled: Bool {
    if parent?.isCancelled == true { return true }
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }
}
