import Graphics

/// A table: header rows (kept with the first row, repeated with the continuation caption at
/// the top of every later page), one or more slices per body row, made as they are needed,
/// and footer rows kept on the page of the last body row. A row is never split unless it
/// alone is taller than a page; then it splits between its lines.
extension BlockLayout {
  /// A laid-out cell: its lines from the cell's top, and what draws each (nil when measuring).
  /// A cell of one line — nearly every cell of a member list — holds it inline, so laying a
  /// row out allocates no array per cell.
  struct CellLines {
    typealias Line = (item: PageItem?, top: Double, height: Double)
    private var one: Line?
    private var many: [Line] = []

    init(lines: [Line]) {
      if lines.count == 1 { one = lines[0] } else { many = lines }
    }

    init(single line: Line) { one = line }

    var lines: [Line] {
      get { one.map { [$0] } ?? many }
      set { self = CellLines(lines: newValue) }
    }
    var count: Int { one == nil ? many.count : 1 }
    var height: Double {
      if let one { return one.top + one.height }
      return many.last.map { $0.top + $0.height } ?? 0
    }

    /// Each line, without making an array of them.
    func eachLine(_ body: (Line) -> Void) {
      if let one {
        body(one)
      } else {
        for line in many { body(line) }
      }
    }
  }

  /// A cell placed in a row: the columns it covers and how it sits there.
  struct PlacedCell {
    var content: CellLines
    var x: Double
    var width: Double
    var verticalAlignment: Table.VerticalAlignment
    var fill: Color?
  }

  func table(
    _ table: Table, _ scope: Scope, _ origin: SliceOrigin, from start: (unit: Int, part: Int)? = nil
  ) -> AnySequence<Slice> {
    let total = table.columns.reduce(0) { $0 + $1.width }
    var x = 0.0
    let frames: [(x: Double, width: Double)] = table.columns.map { c in
      let w = width * c.width / total
      defer { x += w }
      return (x, w)
    }
    // Looked up once per table, not per cell.
    let cellStyles = table.columns.map { column in
      var s = style(column.style ?? table.cellStyle)
      s.alignment = column.alignment
      return s
    }

    var repeated: [Slice] = []
    if let continuation = table.continuation {
      let caption = shape(filler.fill(continuation, scope, line: origin.line), style("small"), width: width, origin)
      var slice = Slice(height: caption.size.height + 2, origin: origin)
      if !measureOnly { slice.items = items(caption, color: style("small").color) }
      repeated.append(slice)
    }
    let header = headSlice(table, frames: frames, scope: scope, origin)
    if let header { repeated.append(header) }
    let ledger = self.ledger(table, frames: frames, scope: scope, origin)
    if let ledger, !table.carryHead.isEmpty {
      var carried = Slice(height: ledger.ledger.headHeight, origin: origin)
      carried.remake = ledger.ledger.head
      repeated.append(carried)
    }
    let room = pageHeight - repeated.reduce(0) { $0 + $1.height } - (ledger?.ledger.reserve ?? 0)

    // What each row needs of the columns, taken out once: a column is a large value, and
    // copying it per cell was a tenth of laying a row out.
    let values = table.columns.map(\.value)
    let unbroken = table.columns.map { $0.noBreak ? $0 : nil }
    let placing = table.columns.map { (verticalAlignment: $0.verticalAlignment, fill: $0.fill) }
    let groups = rowGroups(table, scope, origin)
    func bodyRow(_ rowScope: Scope) -> [Slice] {
      let rowScope = groups.map { groupedScope(rowScope, $0) } ?? rowScope
      var cells: [PlacedCell] = []
      cells.reserveCapacity(frames.count)
      let rowOrigin = SliceOrigin(file: origin.file, line: origin.line, row: rowScope.innermost)
      for i in values.indices {
        let text = filler.fill(values[i], rowScope, line: origin.line)
        let content = cell(
          text, cellStyles[i], width: max(frames[i].width - 2 * table.padding, 1), column: unbroken[i], rowOrigin)
        cells.append(
          PlacedCell(
            content: content, x: frames[i].x, width: frames[i].width, verticalAlignment: placing[i].verticalAlignment,
            fill: placing[i].fill))
      }
      var slices = rowSlices(cells, table, frames: frames, room: room, rowOrigin)
      for i in slices.indices {
        slices[i].repeatHeader = repeated
        if let ledger { slices[i].ledgerRow = (ledger.ledger, (rowScope.rowIndex ?? 1) - 1, i == 0) }
      }
      guard let groups else { return slices }
      return grouped(
        slices, row: rowScope, groups, table, frames: frames, repeated: repeated, ledger: ledger?.ledger,
        origin: rowOrigin)
    }

    var tail: [Slice] = []
    if let ledger {
      // The last page's per-page rows, kept with the last row (and with the footer after).
      var end = Slice(height: ledger.endHeight, origin: origin)
      end.endsLedger = ledger.ledger
      end.keepWithNext = !table.foot.isEmpty
      tail.append(end)
    }
    var foot = footRows(table.foot, table, frames: frames, scope: scope, room: room, origin)
    for i in foot.indices { foot[i].repeatHeader = repeated }
    for i in foot.indices.dropLast() { foot[i].keepWithNext = true }
    tail += foot
    // Lazily, row by row: an eager step here would hold every row at once.
    let rows = table.rows.map { self.rows($0, scope, line: origin.line) }
    return AnySequence(
      TableSlices(
        head: header.map { [$0] } ?? [], rows: rows ?? .none, single: rows == nil ? scope : nil, makeRow: bodyRow,
        tail: tail, from: start))
  }

  /// A cell's lines: one line of glyphs when the text fits (the fast path: characters
  /// shaped once), else Pango's lines. A `noBreak` column's text stays on one line, shrunk
  /// to fit down to the column's minimum size, and is refused below it.
  func cell(_ text: String, _ style: TextStyle, width: Double, column: Table.Column?, _ origin: SliceOrigin)
    -> CellLines
  {
    var origin = origin
    if let column { origin.reads = column.value.fields.map(\.path) }
    if let column, column.noBreak { return unbroken(text, style, width: width, column: column, origin) }
    if measureOnly {
      if let height = fonts.singleLineHeight(text, style: style, width: width) {
        return CellLines(single: (nil, 0, height))
      }
      return CellLines(lines: shape(text, style, width: width, origin).lines.map { (nil, $0.top, $0.glyphs.height) })
    }
    let line = fonts.glyphLine(text, style: style)
    if let line, line.width <= width - 2 {
      return glyphCell(line, style, width: width)
    }
    // A character glyph lines cannot draw, on a line that still fits: Pango, shaped once.
    if line == nil, let height = fonts.singleLineHeight(text, style: style, width: width) {
      let shaped = fonts.shaped(text, style: style, width: width)
      return CellLines(single: (oneItem(items(shaped, color: style.color)), 0, height))
    }
    let shaped = shape(text, style, width: width, origin)
    return CellLines(
      lines: shaped.lines.map {
        (.glyphs($0.glyphs, at: Point(x: $0.x, y: 0), color: style.color), $0.top, $0.glyphs.height)
      })
  }

  /// A cell of one glyph line, aligned in its width (nothing to draw when measuring).
  private func glyphCell(_ line: GlyphLine, _ style: TextStyle, width: Double) -> CellLines {
    let item: PageItem? =
      measureOnly ? nil : .glyphs(line, at: Point(x: aligned(line.width, style, width), y: 0), color: style.color)
    return CellLines(single: (item, 0, line.height))
  }

  /// A Pango-shaped line's items as one, to sit in a cell as a glyph line does.
  private func oneItem(_ items: [PageItem]) -> PageItem {
    items.count == 1 ? items[0] : .group(ItemGroup(items: items, origin: Point(x: 0, y: 0)))
  }

  private func aligned(_ lineWidth: Double, _ style: TextStyle, _ width: Double) -> Double {
    switch style.alignment {
    case .left: 0
    case .center: (width - lineWidth) / 2
    case .right: width - lineWidth
    }
  }

  private func unbroken(_ text: String, _ style: TextStyle, width: Double, column: Table.Column, _ origin: SliceOrigin)
    -> CellLines
  {
    // Most codes and amounts fit as they are: measured (and drawn) from remembered glyphs,
    // as other cells are, without shaping the text again.
    if let line = fonts.glyphLine(text, style: style), line.width <= width {
      return glyphCell(line, style, width: width)
    }
    var style = style
    var shaped = fonts.shape(text, style: style, width: nil)
    if shaped.size.width > width {
      // Quarter points, so a column of codes shares a few sizes (each a font to remember).
      let fitting = (style.size * width / shaped.size.width * 4).rounded(.down) / 4
      guard fitting >= column.minSize else {
        reportNarrow(column, needs: shaped.size.width * column.minSize / style.size, has: width, origin)
        return CellLines(single: (nil, 0, shaped.size.height))
      }
      style.size = fitting
      shaped = fonts.shape(text, style: style, width: nil)
    }
    guard let line = shaped.lines.first, shaped.lines.count == 1 else {
      return CellLines(lines: shaped.lines.map { (nil, $0.top, $0.glyphs.height) })
    }
    let item: PageItem? =
      measureOnly
      ? nil : .glyphs(line.glyphs, at: Point(x: aligned(line.glyphs.width, style, width), y: 0), color: style.color)
    return CellLines(single: (item, 0, shaped.size.height))
  }

  /// A column too narrow for its text even at its minimum size: said once per column, at the
  /// widest value's row, with the width that value needs and how many rows do not fit.
  private func reportNarrow(_ column: Table.Column, needs: Double, has: Double, _ origin: SliceOrigin) {
    let name =
      column.header.parts.isEmpty ? "" : "「\(filler.fill(column.header, Scope(root: .null), line: origin.line))」"
    let key = "\(origin.file):\(origin.line):\(name):\(column.value.fields.map(\.path.description))"
    let minSize = Self.trimmed(column.minSize)
    filler.problems.report(once: key, needs: needs) { rows in
      origin.problem(
        "列\(name)太窄：最宽的值缩小到 \(minSize) pt 仍需 \(Self.millimetres(needs)) mm 宽，本列只有 \(Self.millimetres(has)) mm（共 \(rows) 行放不下）(the column is too narrow: its widest value needs \(Self.millimetres(needs)) mm at \(minSize) pt, the column has \(Self.millimetres(has)) mm for text; \(rows) rows do not fit)"
      )
    }
  }

  /// Points as millimetres, to one decimal, for an author's message.
  static func millimetres(_ points: Double) -> String { String((points * 254 / 72).rounded() / 10) }

  static func trimmed(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

  /// A row's slices: one, unless the row is taller than `room` (a page less the repeated
  /// header); then one per band of lines that fits.
  func rowSlices(
    _ cells: [PlacedCell], _ table: Table, frames: [(x: Double, width: Double)], room: Double,
    _ origin: SliceOrigin
  ) -> [Slice] {
    let pad = table.padding
    let content = cells.reduce(0) { max($0, $1.content.height) }
    let height = max(content + 2 * pad, table.minRowHeight)
    if height <= room {
      return [rowSlice(cells, table, frames: frames, height: height, origin)]
    }
    // Split between lines: each band takes, from every cell, the lines that fit in it.
    var next = Array(repeating: 0, count: cells.count)
    var slices: [Slice] = []
    let inner = room - 2 * pad
    while cells.indices.contains(where: { next[$0] < cells[$0].content.count }) {
      var band = cells
      var bandHeight = 0.0
      for (c, cell) in cells.enumerated() {
        let lines = cell.content.lines
        guard next[c] < lines.count else {
          band[c].content.lines = []
          continue
        }
        let top = lines[next[c]].top
        var end = next[c]
        while end < lines.count, lines[end].top - top + lines[end].height <= inner { end += 1 }
        band[c].content.lines = lines[next[c]..<end].map { ($0.item, $0.top - top, $0.height) }
        band[c].verticalAlignment = .top
        if end > next[c] { bandHeight = max(bandHeight, lines[end - 1].top - top + lines[end - 1].height) }
        next[c] = end
      }
      guard bandHeight > 0 else {
        filler.problems.report(origin.problem("表格的一行文字高于一页 (a line of a table row is taller than a page)"))
        return slices
      }
      slices.append(
        rowSlice(band, table, frames: frames, height: bandHeight + 2 * pad, origin))
    }
    return slices
  }

  /// One strip of a row: fills, the cells' lines, then the rules.
  func rowSlice(
    _ cells: [PlacedCell], _ table: Table, frames: [(x: Double, width: Double)], height: Double, _ origin: SliceOrigin
  ) -> Slice {
    var slice = Slice(height: height, origin: origin)
    if measureOnly { return slice }
    let pad = table.padding
    var items: [PageItem] = []
    items.reserveCapacity(cells.count + frames.count + 4)
    for cell in cells {
      if let fill = cell.fill {
        items.append(.box(Rect(x: cell.x, y: 0, width: cell.width, height: height), fill: fill))
      }
    }
    for cell in cells {
      let free = height - 2 * pad - cell.content.height
      let dy: Double
      switch cell.verticalAlignment {
      case .top: dy = pad
      case .middle: dy = pad + free / 2
      case .bottom: dy = pad + free
      }
      cell.content.eachLine { line in
        if let item = line.item { items.append(item.offset(dx: cell.x + pad, dy: dy + line.top)) }
      }
    }
    if cells.count == frames.count {
      items += borders(table.border, height: height, frames: frames)
    } else {
      items += borders(table.border, height: height, frames: cells.map { ($0.x, $0.width) })
    }
    slice.items = items
    return slice
  }

  func borders(_ border: Table.Border, height: Double, frames: [(x: Double, width: Double)]) -> [PageItem] {
    let w = 0.6
    switch border {
    case .none: return []
    case .rows:
      return [.rule(from: Point(x: 0, y: height), to: Point(x: width, y: height), width: w)]
    case .grid:
      var items: [PageItem] = [
        .rule(from: Point(x: 0, y: 0), to: Point(x: width, y: 0), width: w),
        .rule(from: Point(x: 0, y: height), to: Point(x: width, y: height), width: w),
      ]
      for f in frames { items.append(.rule(from: Point(x: f.x, y: 0), to: Point(x: f.x, y: height), width: w)) }
      items.append(.rule(from: Point(x: width, y: 0), to: Point(x: width, y: height), width: w))
      return items
    }
  }
}
