import Graphics

/// A table's header rows — cells spanning columns and rows (参保人数 over A类 / B类 / A+类 /
/// B+类) — laid out as one slice, and its footer rows' cells.
extension BlockLayout {
  /// The header rows as one slice, kept with the first row; nil when the table has none.
  func headSlice(_ table: Table, frames: [(x: Double, width: Double)], scope: Scope, _ origin: SliceOrigin) -> Slice? {
    var rows = table.head
    if rows.isEmpty {
      guard table.columns.contains(where: { !$0.header.parts.isEmpty }) else { return nil }
      rows = [table.columns.map { Table.Cell(text: $0.header) }]
    }
    let pad = table.padding
    let placed = Self.gridPlaces(rows, columns: frames.count)
    let base = style(table.headerStyle)
    let contents = placed.map { place -> CellLines in
      var s = place.cell.style.map(style) ?? base
      s.alignment = place.cell.alignment ?? base.alignment
      let w = spanWidth(frames, place.column, place.cell.span)
      return cell(
        filler.fill(place.cell.text, scope, line: origin.line), s, width: max(w - 2 * pad, 1), column: nil, origin)
    }
    var heights = Array(repeating: 2 * pad, count: rows.count)
    for (place, content) in zip(placed, contents) where place.cell.rowSpan == 1 {
      heights[place.row] = max(heights[place.row], content.height + 2 * pad)
    }
    for (place, content) in zip(placed, contents) where place.cell.rowSpan > 1 {
      let last = place.row + place.cell.rowSpan - 1
      let spanned = heights[place.row...last].reduce(0, +)
      if content.height + 2 * pad > spanned { heights[last] += content.height + 2 * pad - spanned }
    }
    var tops = [0.0]
    for h in heights { tops.append(tops.last! + h) }
    var slice = Slice(height: tops.last!, origin: origin)
    slice.keepWithNext = true
    if measureOnly { return slice }
    var items: [PageItem] = [.box(Rect(x: 0, y: 0, width: width, height: slice.height), fill: .lightGray)]
    let w = 0.6
    for (place, content) in zip(placed, contents) {
      let x = frames[place.column].x
      let cellWidth = spanWidth(frames, place.column, place.cell.span)
      let top = tops[place.row]
      let bottom = tops[place.row + place.cell.rowSpan]
      let dy = top + pad + (bottom - top - 2 * pad - content.height) / 2
      for line in content.lines {
        if let item = line.item { items.append(item.offset(dx: x + pad, dy: dy + line.top)) }
      }
      if table.border == .grid {
        items += [
          .rule(from: Point(x: x, y: top), to: Point(x: x + cellWidth, y: top), width: w),
          .rule(from: Point(x: x, y: bottom), to: Point(x: x + cellWidth, y: bottom), width: w),
          .rule(from: Point(x: x, y: top), to: Point(x: x, y: bottom), width: w),
          .rule(from: Point(x: x + cellWidth, y: top), to: Point(x: x + cellWidth, y: bottom), width: w),
        ]
      }
    }
    if table.border == .rows {
      items.append(.rule(from: Point(x: 0, y: slice.height), to: Point(x: width, y: slice.height), width: w))
    }
    slice.items = items
    return slice
  }

  /// Footer rows (`foot:`, and a ledger's per-page rows) laid out from `scope`, one or more
  /// slices per row.
  func footRows(
    _ rows: [[Table.Cell]], _ table: Table, frames: [(x: Double, width: Double)], scope: Scope, room: Double,
    _ origin: SliceOrigin
  ) -> [Slice] {
    rows.flatMap { row in
      rowSlices(
        spannedCells(row, table, frames: frames, scope: scope, style: table.footerStyle, origin), table, frames: frames,
        room: room, origin)
    }
  }

  /// The cells of one footer row, placed across the columns they span.
  func spannedCells(
    _ row: [Table.Cell], _ table: Table, frames: [(x: Double, width: Double)], scope: Scope, style styleName: String,
    _ origin: SliceOrigin
  ) -> [PlacedCell] {
    var column = 0
    var cells: [PlacedCell] = []
    for cell in row where column < frames.count {
      let span = min(cell.span, frames.count - column)
      var s = style(cell.style ?? styleName)
      s.alignment = cell.alignment ?? table.columns[column].alignment
      let w = spanWidth(frames, column, span)
      let content = self.cell(
        filler.fill(cell.text, scope, line: origin.line), s, width: max(w - 2 * table.padding, 1), column: nil, origin)
      cells.append(
        PlacedCell(
          content: content, x: frames[column].x, width: w, verticalAlignment: table.columns[column].verticalAlignment,
          fill: nil))
      column += span
    }
    return cells
  }

  func spanWidth(_ frames: [(x: Double, width: Double)], _ column: Int, _ span: Int) -> Double {
    frames[column..<min(frames.count, column + span)].reduce(0) { $0 + $1.width }
  }

  /// Where each header cell sits: its row and first column, skipping slots taken by cells
  /// spanning down from the rows above (as HTML tables place them). The parser has checked
  /// that every row fills the columns exactly.
  static func gridPlaces(_ rows: [[Table.Cell]], columns: Int) -> [(row: Int, column: Int, cell: Table.Cell)] {
    var taken = Array(repeating: Array(repeating: false, count: columns), count: rows.count)
    var places: [(row: Int, column: Int, cell: Table.Cell)] = []
    for (r, row) in rows.enumerated() {
      var c = 0
      for cell in row {
        while c < columns && taken[r][c] { c += 1 }
        guard c < columns else { break }
        for rr in r..<min(rows.count, r + cell.rowSpan) {
          for cc in c..<min(columns, c + cell.span) { taken[rr][cc] = true }
        }
        places.append((r, c, cell))
        c += cell.span
      }
    }
    return places
  }
}
