/// The body's slices with each slice that must keep with the one before it (`keepWithPrevious:`
/// on its block) joined to that slice: the previous content slice is held until the next is
/// known and then keeps with it, past any spacing between them. Changes nothing when no
/// block asks.
struct KeptWithPrevious<Base: IteratorProtocol<Slice>>: Sequence, IteratorProtocol {
  private var base: Base
  /// The last content slice and the spacing after it, held back.
  private var held: [Slice] = []
  private var ready: [Slice] = []
  private var readyIndex = 0

  init<S: Sequence<Slice>>(_ slices: S) where S.Iterator == Base { base = slices.makeIterator() }

  mutating func next() -> Slice? {
    while true {
      if readyIndex < ready.count {
        readyIndex += 1
        return ready[readyIndex - 1]
      }
      ready.removeAll(keepingCapacity: true)
      readyIndex = 0
      guard let slice = base.next() else {
        guard !held.isEmpty else { return nil }
        swap(&ready, &held)
        continue
      }
      // `ready` is empty here: the two buffers trade places instead of a new array per slice
      // (one allocation per table row in each pass, 40,000 for a 20,000-member list).
      switch slice.kind {
      case .content:
        if slice.keepWithPrevious, !held.isEmpty { held[0].keepWithNext = true }
        swap(&ready, &held)
        held.append(slice)
      case .space:
        if held.isEmpty { return slice }
        held.append(slice)
      case .pageBreak:
        swap(&ready, &held)
        ready.append(slice)
      }
    }
  }
}

extension Slice {
  /// A block's slices with its first content slice marked to keep with what precedes it.
  static func keptWithPrevious(_ slices: AnySequence<Slice>) -> AnySequence<Slice> {
    AnySequence { () -> AnyIterator<Slice> in
      let inner = slices.makeIterator()
      var marked = false
      return AnyIterator {
        guard var slice = inner.next() else { return nil }
        if !marked, slice.kind == .content {
          slice.keepWithPrevious = true
          marked = true
        }
        return slice
      }
    }
  }
}
