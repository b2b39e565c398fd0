import Graphics

/// Places slices on pages top to bottom. Breaking a page is a resume point, not a cut made
/// afterwards: when a slice does not fit, the page is handed over and the slice (after any
/// header it repeats) starts the next one.
struct Paginator {
  let contentHeight: Double
  /// Where the body's top-left corner sits on the page: items are placed there directly.
  let origin: Point
  private var emitted = 0
  private var current: [PageItem] = []
  private var y = 0.0
  private var started = false

  init(contentHeight: Double, origin: Point = Point(x: 0, y: 0)) {
    self.contentHeight = contentHeight
    self.origin = origin
  }

  /// Places every slice, handing each finished page (its index and items) to `emit`;
  /// returns the number of pages. A document with no content still has one page.
  mutating func run<S: Sequence<Slice>>(_ slices: S, emit: (Int, [PageItem]) -> Void) -> Int {
    var iterator = slices.makeIterator()
    var next = iterator.next()
    while let slice = next {
      next = iterator.next()
      place(slice, followedBy: next, emit)
    }
    if started || emitted == 0 {
      started = true
      closePage(emit)
    }
    return emitted
  }

  private mutating func place(_ slice: Slice, followedBy next: Slice?, _ emit: (Int, [PageItem]) -> Void) {
    if slice.pageBreak {
      closePage(emit)
      return
    }
    if slice.collapsesAtTop && y == 0 { return }
    var needed = slice.height
    if slice.keepWithNext, let next, !next.pageBreak { needed += next.height }
    if y > 0 && y + needed > contentHeight { closePage(emit) }
    if y == 0 {
      for header in slice.repeatHeader { put(header) }
    }
    put(slice)
  }

  private mutating func put(_ slice: Slice) {
    for item in slice.items { current.append(item.offset(dx: origin.x, dy: origin.y + y)) }
    y += slice.height
    started = true
  }

  private mutating func closePage(_ emit: (Int, [PageItem]) -> Void) {
    guard started else { return }
    emit(emitted, current)
    emitted += 1
    current = []
    y = 0
    started = false
  }
}
