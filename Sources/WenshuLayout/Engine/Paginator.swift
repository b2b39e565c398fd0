import Graphics

/// Places slices on pages top to bottom, the only place where pages break — the same code
/// in both passes, so they break at the same slices. When a slice does not fit in the
/// room left, the page is handed over and the slice (after any header it repeats) starts
/// the next one. A slice that fits on no page is reported, never drawn past the page.
struct Paginator {
  /// The body's height on the first page and on the others (a first-page header may differ).
  let firstHeight: Double
  let restHeight: Double
  /// Where the body's top-left corner sits on the first page and the others.
  let firstOrigin: Point
  let restOrigin: Point
  let problems: ProblemLog
  private var emitted = 0
  private var current: [PageItem] = []
  private var y = 0.0
  private var started = false
  /// The ledger table whose rows are being placed: its rows on this page start at
  /// `ledgerFirst` (nil: none yet), and `ledgerThrough` rows have been placed in all.
  private var ledger: Ledger?
  private var ledgerFirst: Int?
  private var ledgerThrough = 0
  /// Where each page started, page by page from the one this paginator started on.
  private(set) var records: [PageRecord] = []
  private var awaitingStart = true
  /// How many slices it took from the body (a test counts them).
  private(set) var taken = 0

  init(
    firstHeight: Double, restHeight: Double, firstOrigin: Point = Point(x: 0, y: 0),
    restOrigin: Point = Point(x: 0, y: 0), problems: ProblemLog
  ) {
    self.firstHeight = firstHeight
    self.restHeight = restHeight
    self.firstOrigin = firstOrigin
    self.restOrigin = restOrigin
    self.problems = problems
  }

  /// Starts on page `index` (0-based) as `record` says it starts: fed the body's slices from
  /// `record.start`, it lays that page out as a run from the first page would.
  mutating func start(page index: Int, _ record: PageRecord) {
    emitted = index
    ledgerThrough = record.ledgerRowsBefore
  }

  private var height: Double { emitted == 0 ? firstHeight : restHeight }
  private var origin: Point { emitted == 0 ? firstOrigin : restOrigin }

  /// Places every slice (through page `last` only, when given), handing each finished page
  /// (its index and items) to `emit`; returns the number of pages. A document with no content
  /// still has one page.
  mutating func run<S: Sequence<Slice>>(_ slices: S, through last: Int? = nil, emit: (Int, [PageItem]) -> Void)
    -> Int
  {
    let first = emitted
    var queue = Lookahead(slices.makeIterator())
    while let slice = queue.next() {
      taken += 1
      if awaitingStart { recordStart(slice) }
      place(slice, &queue, emit)
      if let last, emitted > last { return emitted }
    }
    if started || emitted == 0 {
      started = true
      closePage(emit)
    }
    // A record taken for a page that never came (space or a page break after the last page)
    // is dropped; an empty document's one page starts nowhere.
    if records.count > emitted - first { records.removeLast(records.count - (emitted - first)) }
    while records.count < emitted - first { records.append(PageRecord(start: nil, ledgerRowsBefore: 0)) }
    return emitted
  }

  private mutating func recordStart(_ slice: Slice) {
    records.append(PageRecord(start: slice.at, ledgerRowsBefore: ledgerThrough))
    awaitingStart = false
  }

  private mutating func place<I: IteratorProtocol<Slice>>(
    _ slice: Slice, _ queue: inout Lookahead<I>, _ emit: (Int, [PageItem]) -> Void
  ) {
    switch slice.kind {
    case .pageBreak:
      closePage(emit)  // nothing to end on a page still empty
      return
    case .space:
      if y == 0 { return }
      if y + slice.height > height {
        closePage(emit)
        return
      }
      put(slice)
      return
    case .content: break
    }
    // A ledger row leaves room for the page's foot rows, unless the table ends after it
    // (then its end, kept with it, is what follows).
    var reserve = 0.0
    if let (rowLedger, _, _) = slice.ledgerRow, queue.peek(0)?.endsLedger !== rowLedger {
      reserve = rowLedger.reserve
    }
    let needed = (slice.keepWithNext ? chainHeight(slice, &queue) : slice.height) + reserve
    if y > 0 && y + needed > height {
      closePage(emit)
      recordStart(slice)  // the next page starts with this slice
    }
    if y == 0 {
      for header in slice.repeatHeader { put(header) }
    }
    if y + slice.height + reserve > height + 0.001 {
      let message =
        "内容高于一页，无法排版 (\(Self.points(slice.height)) pt tall; the page has room for \(Self.points(height - y - reserve)) pt)"
      problems.report(slice.origin?.problem(message) ?? DataProblem(path: "", message: message))
      return
    }
    if let (rowLedger, row, starts) = slice.ledgerRow {
      ledger = rowLedger
      if starts {
        if ledgerFirst == nil { ledgerFirst = row }
        ledgerThrough = row + 1
      }
    }
    if let ended = slice.endsLedger {
      put(ended.foot(placement(continues: false)), measured: slice)
      ledger = nil
      ledgerFirst = nil
      ledgerThrough = 0
      return
    }
    put(slice)
  }

  /// Where the next slice lands, for one made when placed.
  private func placement(continues: Bool = false) -> Placement {
    let first = ledgerFirst ?? ledgerThrough
    return Placement(
      page: emitted, rowsOnPage: first..<max(first, ledgerThrough), rowsBefore: first, continues: continues)
  }

  /// The height from `slice` through the content slices it must share a page with (past
  /// any spacing between them); just its own height when the chain could not fit on any
  /// page, so that keeping together never holds content back for ever.
  private func chainHeight<I: IteratorProtocol<Slice>>(_ slice: Slice, _ queue: inout Lookahead<I>) -> Double {
    var total = slice.height
    var last = slice
    var index = 0
    let room = restHeight - slice.repeatHeader.reduce(0) { $0 + $1.height }
    var reserve = 0.0  // the page foot of a ledger table the chain ends in
    while last.keepWithNext, let next = queue.peek(index) {
      index += 1
      switch next.kind {
      case .pageBreak: return total
      case .space: total += next.height
      case .content:
        total += next.height
        last = next
        reserve = next.ledgerRow?.ledger.reserve ?? 0
        if next.endsLedger != nil { reserve = 0 }
      }
      if total + reserve > room { return slice.height }
    }
    return total + reserve
  }

  private mutating func put(_ slice: Slice) {
    if let remake = slice.remake {
      put(remake(placement()), measured: slice)
    } else {
      put(slice, measured: slice)
    }
  }

  /// Puts a slice made where it lands in the room measured for it; made taller than
  /// measured (a page number or a subtotal longer than the one measured), it is refused.
  private mutating func put(_ slice: Slice, measured: Slice) {
    if slice.height > measured.height + 0.01 {
      let message = "按页生成的内容比预留的高 (made for its page, it is taller than the room kept for it)"
      problems.report(measured.origin?.problem(message) ?? DataProblem(path: "", message: message))
    }
    let origin = self.origin
    for item in slice.items { current.append(item.offset(dx: origin.x, dy: origin.y + y)) }
    y += measured.height
    started = true
  }

  private mutating func closePage(_ emit: (Int, [PageItem]) -> Void) {
    guard started else { return }
    // A ledger table goes on past this page: its page foot (本页小计, 过次页) in the room kept.
    if let ledger, ledgerFirst != nil {
      let foot = ledger.foot(placement(continues: true))
      put(foot, measured: Slice(height: ledger.reserve, origin: foot.origin))
      ledgerFirst = nil
    }
    emit(emitted, current)
    emitted += 1
    current = []
    y = 0
    started = false
    awaitingStart = true
  }

  static func points(_ v: Double) -> String { String(Int(v.rounded())) }
}

/// An iterator that can look ahead, keeping what it has read until it is taken.
struct Lookahead<Base: IteratorProtocol> {
  private var base: Base
  private var buffer: [Base.Element] = []
  private var head = 0

  init(_ base: Base) { self.base = base }

  mutating func next() -> Base.Element? {
    if head < buffer.count {
      let e = buffer[head]
      head += 1
      if head == buffer.count {
        buffer.removeAll(keepingCapacity: true)
        head = 0
      }
      return e
    }
    return base.next()
  }

  /// The element `n` places ahead of the next one (0: the next).
  mutating func peek(_ n: Int) -> Base.Element? {
    while buffer.count - head <= n {
      guard let e = base.next() else { return nil }
      buffer.append(e)
    }
    return buffer[head + n]
  }
}
