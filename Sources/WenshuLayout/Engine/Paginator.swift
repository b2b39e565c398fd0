/// Places slices on pages top to bottom. Breaking a page is a resume point, not a cut made
/// afterwards: when a slice does not fit, the page is closed and the slice (after any header
/// it repeats) starts the next one.
struct Paginator {
  let contentHeight: Double
  private(set) var pages: [[PageItem]] = []
  private var current: [PageItem] = []
  private var y = 0.0
  private var started = false

  init(contentHeight: Double) { self.contentHeight = contentHeight }

  mutating func run<S: Sequence<Slice>>(_ slices: S) -> [[PageItem]] {
    var iterator = slices.makeIterator()
    var next = iterator.next()
    while let slice = next {
      next = iterator.next()
      place(slice, followedBy: next)
    }
    if started || pages.isEmpty { closePage() }
    return pages
  }

  private mutating func place(_ slice: Slice, followedBy next: Slice?) {
    if slice.pageBreak {
      closePage()
      return
    }
    if slice.collapsesAtTop && y == 0 { return }
    var needed = slice.height
    if slice.keepWithNext, let next, !next.pageBreak { needed += next.height }
    if y > 0 && y + needed > contentHeight { closePage() }
    if y == 0 {
      for header in slice.repeatHeader { put(header) }
    }
    put(slice)
  }

  private mutating func put(_ slice: Slice) {
    current += slice.items.map { $0.offset(dx: 0, dy: y) }
    y += slice.height
    started = true
  }

  private mutating func closePage() {
    guard started else { return }
    pages.append(current)
    current = []
    y = 0
    started = false
  }
}
