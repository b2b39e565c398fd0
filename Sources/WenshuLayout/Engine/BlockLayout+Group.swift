/// `group:`, kept on one page when it fits on one. Its slices say where they are among its
/// blocks (`inner`), and whether its parts flow (unit 1) or it is kept (unit 0), so a page
/// resumes inside a flowing group at its part (an `each:` of thousands of items in a group
/// included) and inside a kept one, a page's worth at most, by making it again.
extension BlockLayout {
  static let keptGroup = 0
  static let flowingGroup = 1

  /// Kept together when it fits on a page; otherwise (or when it holds a page break) its parts
  /// flow as usual, breaking between them — never overflowing, never dropped.
  func group(_ blocks: [Block], _ scope: Scope, from start: ResumePoint?) -> AnySequence<Slice> {
    let parts = { (point: ResumePoint) in
      BodySlices(blocks, from: point, cancellation: nil) { self.slices($0, scope, from: $1) }
    }
    if let start, start.unit == Self.flowingGroup, let inner = start.inner.first {
      return AnySequence(GroupParts(parts(inner), unit: Self.flowingGroup))
    }
    let whole = group(parts(.start))
    guard let start, !start.inner.isEmpty else { return whole }
    // A kept group resumes where the page starts in it: at a space around it, or at its stack.
    let resumed = whole.makeIterator()
    var skipped = 0
    while let slice = resumed.next() {
      if slice.at.unit == start.unit, slice.at.inner == start.inner {
        self.skipped?.count += skipped
        return AnySequence([AnySequence([slice]), AnySequence { resumed }].joined())
      }
      skipped += 1
    }
    self.skipped?.count += skipped
    return AnySequence([])
  }

  /// The group from its top: `base`'s slices kept in one, or flowing.
  private func group(_ base: BodySlices) -> AnySequence<Slice> {
    var iterator = base
    var leading: [Slice] = []
    var parts: [Slice] = []
    var height = 0.0
    while let s = iterator.next() {
      if parts.isEmpty && s.kind == .space {
        leading.append(s)  // separates the group from what is before: collapses at a page top
        continue
      }
      parts.append(s)
      height += s.height
      if s.kind == .pageBreak || height > pageHeight {
        let held = (leading + parts).map { $0.nested(in: Self.flowingGroup, at: $0.at) }
        return AnySequence([AnySequence(held), AnySequence(GroupParts(iterator, unit: Self.flowingGroup))].joined())
      }
    }
    var trailing: [Slice] = []  // space after the group stays outside it, too
    while let last = parts.last, last.kind == .space { trailing.insert(parts.removeLast(), at: 0) }
    var stacked: [Slice] = []
    if let first = parts.first {
      var stack = Slice.stack(parts)
      stack.keepWithPrevious = first.keepWithPrevious
      stacked.append(stack.nested(in: Self.keptGroup, at: first.at))
    }
    let kept = { (slice: Slice) in slice.nested(in: Self.keptGroup, at: slice.at) }
    return AnySequence(leading.map(kept) + stacked + trailing.map(kept))
  }
}

/// A flowing group's parts, each saying where it is among the group's blocks.
private struct GroupParts: Sequence, IteratorProtocol {
  var base: BodySlices
  let unit: Int

  init(_ base: BodySlices, unit: Int) {
    self.base = base
    self.unit = unit
  }

  mutating func next() -> Slice? { base.next().map { $0.nested(in: unit, at: $0.at) } }
}
