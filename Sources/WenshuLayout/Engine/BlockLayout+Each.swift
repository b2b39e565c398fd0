/// `each:`, the blocks once per chosen item (one certificate per member). Each slice's resume
/// point names its item (the unit: the item's index in the array) and where it is among the
/// item's blocks (`inner`), so a page deep in the document resumes at its item: nothing of the
/// items before it is made again, and a table in the item resumes at its row.
extension BlockLayout {
  func each(_ each: Each, _ scope: Scope, line: Int, from start: ResumePoint?) -> AnySequence<Slice> {
    var items = rows(each.from, scope, line: line)
    var within: ResumePoint?
    if let start, let inner = start.inner.first {
      items.skip(to: start.unit)
      within = inner
    }
    let chosen = { (item: Scope) in each.when.map { filler.holds($0, item, line: line) } ?? true }
    return AnySequence(
      EachSlices(items, from: within, pageBreak: each.pageBreak, chosen: chosen) { item, point in
        AnySequence(BodySlices(each.blocks, from: point, cancellation: nil) { self.slices($0, item, from: $1) })
      })
  }
}

/// The slices of an `each:` block's chosen items, one item after another, each item's made
/// as it is reached and preceded by a page break when asked (not before the first item).
struct EachSlices: Sequence, IteratorProtocol {
  private var items: RowScopes
  private let pageBreak: Bool
  private let chosen: (Scope) -> Bool
  /// An item's slices from a point among its blocks.
  private let makeItem: (Scope, ResumePoint) -> AnySequence<Slice>
  /// Where the first item made starts: nil at the top of the first chosen item of all.
  private var start: ResumePoint?
  private var firstItem: Bool
  private var current: AnySequence<Slice>.Iterator?
  private var breakBefore: Slice?
  private var unit = 0

  /// `items` from the one `start` is in (`start`: the point among its blocks, nil from the top).
  init(
    _ items: RowScopes, from start: ResumePoint?, pageBreak: Bool, chosen: @escaping (Scope) -> Bool,
    makeItem: @escaping (Scope, ResumePoint) -> AnySequence<Slice>
  ) {
    self.items = items
    self.start = start
    self.pageBreak = pageBreak
    self.chosen = chosen
    self.makeItem = makeItem
    firstItem = start == nil
  }

  mutating func next() -> Slice? {
    while true {
      if let slice = breakBefore {
        breakBefore = nil
        return slice.nested(in: unit, at: ResumePoint(block: ResumePoint.breakBefore, unit: 0, part: 0))
      }
      if let slice = current?.next() { return slice.nested(in: unit, at: slice.at) }
      let index = items.position
      guard let item = items.next() else { return nil }
      guard chosen(item) else { continue }
      var from = ResumePoint.start
      if let start {
        self.start = nil
        if start.block == ResumePoint.breakBefore { breakBefore = .pageBreak } else { from = start }
      } else if pageBreak && !firstItem {
        breakBefore = .pageBreak
      }
      firstItem = false
      unit = index
      current = makeItem(item, from).makeIterator()
    }
  }
}
