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

  mutating func next() -> Scope? {
    guard index < items.count else { return nil }
    defer { index += 1 }
    return scope.entering(items[index], in: base, index: index)
  }
}

/// A table's slices: its header, each row's slices made as they are reached, then what
/// closes it (a ledger's last page rows, the footer), with the last row kept with those.
struct TableSlices: Sequence, IteratorProtocol {
  private let head: [Slice]
  private var rows: RowScopes
  private let makeRow: (Scope) -> [Slice]
  private let tail: [Slice]
  private var headIndex = 0
  private var tailIndex = 0
  /// The current row's slices, and how many of them are handed out.
  private var pending: [Slice] = []
  private var pendingIndex = 0
  /// A table without `rows:` is one row of the scope around it.
  private var single: Scope?

  init(head: [Slice], rows: RowScopes, single: Scope? = nil, makeRow: @escaping (Scope) -> [Slice], tail: [Slice]) {
    self.head = head
    self.rows = rows
    self.single = single
    self.makeRow = makeRow
    self.tail = tail
  }

  mutating func next() -> Slice? {
    if headIndex < head.count {
      headIndex += 1
      return head[headIndex - 1]
    }
    if let slice = nextRowSlice() { return slice }
    if tailIndex < tail.count {
      tailIndex += 1
      return tail[tailIndex - 1]
    }
    return nil
  }

  private mutating func nextRowSlice() -> Slice? {
    if pendingIndex == pending.count { refill() }
    guard pendingIndex < pending.count else { return nil }
    var slice = pending[pendingIndex]
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
    }
    while pending.isEmpty, let scope = rows.next() { pending = makeRow(scope) }
  }
}

/// A block's slices with the space before and after it.
struct SpacedSlices: Sequence, IteratorProtocol {
  private var before: Slice?
  private var inner: AnySequence<Slice>.Iterator
  private var after: Slice?

  init(before: Slice?, _ inner: AnySequence<Slice>, after: Slice?) {
    self.before = before
    self.inner = inner.makeIterator()
    self.after = after
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

/// The body's blocks' slices, one block after another, until the render is cancelled.
struct BodySlices: Sequence, IteratorProtocol {
  private let blocks: [Block]
  private let slices: (Block) -> AnySequence<Slice>
  private let cancellation: RenderCancellation?
  private var index = 0
  private var current: AnySequence<Slice>.Iterator?

  init(_ blocks: [Block], cancellation: RenderCancellation?, slices: @escaping (Block) -> AnySequence<Slice>) {
    self.blocks = blocks
    self.slices = slices
    self.cancellation = cancellation
  }

  mutating func next() -> Slice? {
    if cancellation?.isCancelled == true { return nil }
    while true {
      if let slice = current?.next() { return slice }
      guard index < blocks.count else { return nil }
      current = slices(blocks[index]).makeIterator()
      index += 1
    }
  }
}
