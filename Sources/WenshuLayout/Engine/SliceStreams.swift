/// The sequences slices flow through on their way to the paginator, written out as plain
/// iterators. A member list passes every row through them twice, and the generic chains
/// they replace (`joined()`, `lazy.flatMap`, `prefix(while:)` over `AnySequence`) looked up
/// type metadata for every slice — a fifth of the first pass.

/// The scopes of the items of an array, made one at a time.
struct RowScopes: Sequence, IteratorProtocol {
  private let items: [DataValue]
  private let base: DataPath
  private let scope: Scope
  private var index = 0

  /// `items`, found at `base` from `scope`.
  init(_ items: [DataValue], at base: DataPath, in scope: Scope) {
    self.items = items
    self.base = base
    self.scope = scope
  }

  static var none: RowScopes { RowScopes([], at: DataPath(), in: Scope(root: .null)) }

  var count: Int { items.count }
  /// The index of the row `next()` makes.
  var position: Int { index }

  /// Goes on from row `index` (resuming a table on a later page).
  mutating func skip(to index: Int) { self.index = Swift.min(Swift.max(index, 0), items.count) }

  mutating func next() -> Scope? {
    guard index < items.count else { return nil }
    defer { index += 1 }
    return scope.entering(items[index], in: base, index: index)
  }
}

/// A table's slices: its header, each row's slices made as they are reached, then what
/// closes it (a ledger's last page rows, the footer), with the last row kept with those.
/// Each slice says where it is: unit 0 the header, unit r + 1 row r, the last unit the close.
struct TableSlices: Sequence, IteratorProtocol {
  private let head: [Slice]
  private var rows: RowScopes
  private let makeRow: (Scope) -> [Slice]
  private let tail: [Slice]
  private var headIndex = 0
  private var tailIndex = 0
  /// The current row's slices, how many of them are handed out, and its unit.
  private var pending: [Slice] = []
  private var pendingIndex = 0
  private var pendingUnit = 0
  /// A table without `rows:` is one row of the scope around it.
  private var single: Scope?
  private let tailUnit: Int

  init(
    head: [Slice], rows: RowScopes, single: Scope? = nil, makeRow: @escaping (Scope) -> [Slice], tail: [Slice],
    from start: (unit: Int, part: Int)? = nil
  ) {
    self.head = head
    self.rows = rows
    self.single = single
    self.makeRow = makeRow
    self.tail = tail
    tailUnit = (single == nil ? rows.count : 1) + 1
    guard let start, start.unit > 0 else {
      headIndex = start?.part ?? 0
      return
    }
    headIndex = head.count
    if start.unit >= tailUnit {
      self.single = nil
      self.rows.skip(to: self.rows.count)
      tailIndex = start.part
      return
    }
    // The row the page starts in, made again, with the slices before the resume point handed out.
    if single == nil { self.rows.skip(to: start.unit - 1) }
    refill()
    pendingIndex = Swift.min(start.part, pending.count)
  }

  mutating func next() -> Slice? {
    if headIndex < head.count {
      headIndex += 1
      var slice = head[headIndex - 1]
      slice.at = ResumePoint(block: 0, unit: 0, part: headIndex - 1)
      return slice
    }
    if let slice = nextRowSlice() { return slice }
    if tailIndex < tail.count {
      tailIndex += 1
      var slice = tail[tailIndex - 1]
      slice.at = ResumePoint(block: 0, unit: tailUnit, part: tailIndex - 1)
      return slice
    }
    return nil
  }

  private mutating func nextRowSlice() -> Slice? {
    if pendingIndex == pending.count { refill() }
    guard pendingIndex < pending.count else { return nil }
    var slice = pending[pendingIndex]
    slice.at = ResumePoint(block: 0, unit: pendingUnit, part: pendingIndex)
    pendingIndex += 1
    if !tail.isEmpty, pendingIndex == pending.count {
      refill()  // one row ahead: the last row goes with what closes the table
      if pending.isEmpty { slice.keepWithNext = true }
    }
    return slice
  }

  /// The next row's slices in place of the handed-out ones; empty when no rows are left.
  private mutating func refill() {
    pending.removeAll(keepingCapacity: true)
    pendingIndex = 0
    if let scope = single {
      single = nil
      pending = makeRow(scope)
      pendingUnit = 1
    }
    while pending.isEmpty {
      let unit = rows.position + 1
      guard let scope = rows.next() else { break }
      pending = makeRow(scope)
      pendingUnit = unit
    }
  }
}

/// A block's slices numbered in order (unit 0), from the `part`-th on: a block that is not a
/// table resumes by making its slices again and handing out those from the resume point.
struct NumberedSlices: Sequence, IteratorProtocol {
  private var inner: AnySequence<Slice>.Iterator
  private var index = 0

  init(_ inner: AnySequence<Slice>, from part: Int, skipped: SkippedSlices? = nil) {
    self.inner = inner.makeIterator()
    while index < part, self.inner.next() != nil { index += 1 }
    skipped?.count += index
  }

  mutating func next() -> Slice? {
    guard var slice = inner.next() else { return nil }
    slice.at = ResumePoint(block: 0, unit: 0, part: index)
    index += 1
    return slice
  }
}

/// A block's slices with the space before and after it (units -1 and `Int.max`).
struct SpacedSlices: Sequence, IteratorProtocol {
  private var before: Slice?
  private var inner: AnySequence<Slice>.Iterator
  private var after: Slice?

  init(before: Slice?, _ inner: AnySequence<Slice>, after: Slice?) {
    self.before = before
    self.before?.at.unit = ResumePoint.spaceBefore
    self.inner = inner.makeIterator()
    self.after = after
    self.after?.at.unit = ResumePoint.spaceAfter
  }

  mutating func next() -> Slice? {
    if let slice = before {
      before = nil
      return slice
    }
    if let slice = inner.next() { return slice }
    defer { after = nil }
    return after
  }
}

/// The body's blocks' slices, one block after another, from a resume point, until the
/// render is cancelled; each slice says which block it comes from.
struct BodySlices: Sequence, IteratorProtocol {
  private let blocks: [Block]
  private let slices: (Block, ResumePoint) -> AnySequence<Slice>
  private let cancellation: RenderCancellation?
  private var index: Int
  private var start: ResumePoint
  private var current: AnySequence<Slice>.Iterator?

  /// `slices` makes a block's slices from a point within it (its `block` is ignored).
  init(
    _ blocks: [Block], from start: ResumePoint = .start, cancellation: RenderCancellation?,
    slices: @escaping (Block, ResumePoint) -> AnySequence<Slice>
  ) {
    self.blocks = blocks
    self.slices = slices
    self.cancellation = cancellation
    self.start = start
    index = start.block
  }

  mutating func next() -> Slice? {
    if cancellation?.isCancelled == true { return nil }
    while true {
      if var slice = current?.next() {
        slice.at.block = index - 1
        return slice
      }
      guard index < blocks.count else { return nil }
      current = slices(blocks[index], index == start.block ? start : .start).makeIterator()
      index += 1
    }
  }
}
