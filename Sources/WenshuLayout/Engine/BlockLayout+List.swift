import Graphics

extension BlockLayout {
  /// A list's slices: each item's lines, the marker on its first. A list bound to an array
  /// makes its items as they are reached and, from `start`, begins at the item the page starts
  /// in (unit: the item's index + 1, part: its line), making none of those before it.
  func list(_ list: BulletList, _ scope: Scope, _ origin: SliceOrigin, from start: ResumePoint? = nil)
    -> AnySequence<Slice>
  {
    let style = style(list.style)
    func item(_ template: Template, _ scope: Scope) -> [Slice] {
      let marker = fonts.shape(filler.fill(list.marker, scope, line: origin.line), style: style, width: nil)
      let indent = max(marker.size.width + style.size * 0.5, style.size * 1.5)
      let body = shape(filler.fill(template, scope, line: origin.line), style, width: width - indent, origin)
      var lines = lineSlices(body, color: style.color, keepWithNext: false, origin)
      guard !lines.isEmpty else { return [] }
      for i in lines.indices { lines[i].items = lines[i].items.map { $0.offset(dx: indent, dy: 0) } }
      if !measureOnly { lines[0].items += items(marker, color: style.color) }
      lines[lines.count - 1].height += 2
      return lines
    }
    switch list.source {
    case .fixed(let templates):
      let shown = templates.indices.filter { i in
        let when = i < list.itemConditions.count ? list.itemConditions[i] : nil
        return when.map { filler.holds($0, scope, line: origin.line) } ?? true
      }
      return AnySequence(
        shown.enumerated().flatMap { n, i in item(templates[i], scope.with("index", .number(String(n + 1)))) })
    case .bound(let path, let template):
      let chosen = { (row: Scope) in list.itemWhen.map { filler.holds($0, row, line: origin.line) } ?? true }
      return AnySequence(
        ListItemSlices(rows(path, scope, line: origin.line), from: start, chosen: chosen, skipped: skipped) {
          item(template, $0)
        })
    }
  }
}

/// A bound list's slices, item by item, each slice saying where it is (unit: the item's index
/// in the array + 1, part: its line in the item), so a page can start at its item.
struct ListItemSlices: Sequence, IteratorProtocol {
  private var rows: RowScopes
  private let chosen: (Scope) -> Bool
  private let makeItem: (Scope) -> [Slice]
  private var pending: [Slice] = []
  private var pendingIndex = 0
  private var pendingUnit = 0

  /// From the item and line `start` names (unit 0: the top of the list).
  init(
    _ rows: RowScopes, from start: ResumePoint?, chosen: @escaping (Scope) -> Bool, skipped: SkippedSlices?,
    makeItem: @escaping (Scope) -> [Slice]
  ) {
    self.rows = rows
    self.chosen = chosen
    self.makeItem = makeItem
    guard let start, start.unit > 0 else { return }
    self.rows.skip(to: start.unit - 1)
    refill()
    // The item the page starts in is made again; its lines before the page's are skipped.
    pendingIndex = Swift.min(start.part, pending.count)
    skipped?.count += pendingIndex
  }

  mutating func next() -> Slice? {
    if pendingIndex == pending.count { refill() }
    guard pendingIndex < pending.count else { return nil }
    var slice = pending[pendingIndex]
    slice.at = ResumePoint(block: 0, unit: pendingUnit, part: pendingIndex)
    pendingIndex += 1
    return slice
  }

  /// The next chosen item's lines in place of the handed-out ones; empty when none is left.
  private mutating func refill() {
    pending.removeAll(keepingCapacity: true)
    pendingIndex = 0
    while pending.isEmpty {
      let unit = rows.position + 1
      guard let scope = rows.next() else { return }
      guard chosen(scope) else { continue }
      pending = makeItem(scope)
      pendingUnit = unit
    }
  }
}
