import Synchronization

/// Asks a render in progress to stop: checked between slices in both passes, so a render
/// over its time budget frees its worker within a row or two instead of running to the end.
/// Sendable as the compiler checks it: the flag is atomic, the parent immutable.
public final class RenderCancellation: Sendable {
  private let cancelled = Atomic<Bool>(false)
  /// A render's own stop (its data found invalid) that also stops when its caller says so.
  private let parent: RenderCancellation?

  public init() { parent = nil }

  init(following parent: RenderCancellation?) { self.parent = parent }

  public func cancel() { cancelled.store(true, ordering: .releasing) }

  public var isCancelled: Bool {
    if parent?.isCancelled == true { return true }
    return cancelled.load(ordering: .acquiring)
  }
}
