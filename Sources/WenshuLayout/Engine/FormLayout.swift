import Graphics

/// A boxed form laid out: the grid's columns shared out over the body's width, each row as
/// tall as its tallest cell (a cell spanning rows shares its height among them), and rows
/// joined by a cell spanning down kept together as one slice. Every cell is boxed; labels
/// take the form's label style and shade.
extension BlockLayout {
  /// A cell placed on the grid, with its laid-out content.
  private struct FormPlace {
    var row: Int
    var column: Int
    var cell: FormGrid.Cell
    var lines: CellLines
    /// A signature box's date line, set at the box's foot.
    var date: CellLines?
    var fill: Color?
  }

  func form(_ grid: FormGrid, _ scope: Scope, _ origin: SliceOrigin) -> [Slice] {
    let total = grid.columns.reduce(0, +)
    var x = 0.0
    let frames: [(x: Double, width: Double)] = grid.columns.map { share in
      let w = width * share / total
      defer { x += w }
      return (x, w)
    }
    let pad = grid.padding
    let places = formPlaces(grid).map { place -> FormPlace in
      var place = place
      let cellWidth = max(spanWidth(frames, place.column, place.cell.span) - 2 * pad, 1)
      var origin = SliceOrigin(file: origin.file, line: place.cell.line)
      origin.reads = place.cell.templates.flatMap { $0.fields.map(\.path) }
      var s = style(place.cell.style ?? grid.style)
      switch place.cell.content {
      case .label(let t):
        s = style(place.cell.style ?? grid.labelStyle)
        s.alignment = place.cell.alignment ?? s.alignment
        place.fill = place.cell.fill ?? grid.labelFill
        place.lines = cell(filler.fill(t, scope, line: place.cell.line), s, width: cellWidth, column: nil, origin)
      case .value(let t):
        s.alignment = place.cell.alignment ?? s.alignment
        place.fill = place.cell.fill
        place.lines = cell(filler.fill(t, scope, line: place.cell.line), s, width: cellWidth, column: nil, origin)
      case .choices(let path, let options, _):
        s.alignment = place.cell.alignment ?? s.alignment
        place.fill = place.cell.fill
        place.lines = cell(choiceText(path, options, scope), s, width: cellWidth, column: nil, origin)
      case .signature(let caption, let date):
        place.fill = place.cell.fill
        s.alignment = place.cell.alignment ?? .left
        place.lines = cell(filler.fill(caption, scope, line: place.cell.line), s, width: cellWidth, column: nil, origin)
        if let date {
          var right = style(place.cell.style ?? grid.style)
          right.alignment = .right
          place.date = cell(
            filler.fill(date, scope, line: place.cell.line), right, width: cellWidth, column: nil, origin)
        }
      }
      return place
    }
    // Each row as tall as its tallest single-row cell; a cell spanning rows adds what it lacks to its last.
    var heights = Array(repeating: max(grid.minRowHeight, 2 * pad), count: grid.rows.count)
    func needed(_ p: FormPlace) -> Double {
      max(p.lines.height + (p.date.map { $0.height + pad } ?? 0) + 2 * pad, p.cell.height)
    }
    for p in places where p.cell.rowSpan == 1 { heights[p.row] = max(heights[p.row], needed(p)) }
    for p in places where p.cell.rowSpan > 1 {
      let last = p.row + p.cell.rowSpan - 1
      let spanned = heights[p.row...last].reduce(0, +)
      if needed(p) > spanned { heights[last] += needed(p) - spanned }
    }
    // Bands: rows held together by a cell spanning down, each one slice.
    var slices: [Slice] = []
    var start = 0
    while start < grid.rows.count {
      var end = start + 1
      var r = start
      while r < end {
        for p in places where p.row == r { end = max(end, p.row + p.cell.rowSpan) }
        r += 1
      }
      slices.append(
        band(places.filter { $0.row >= start && $0.row < end }, rows: start..<end, heights, frames, pad, origin))
      start = end
    }
    return slices
  }

  /// The choices of an enumerated field, each with ☑ when the data chose it, else ☐.
  private func choiceText(_ path: DataPath, _ options: [String], _ scope: Scope) -> String {
    var chosen: Set<String> = []
    switch scope.lookup(path) {
    case .array(let items)?: chosen = Set(items.compactMap(\.text))
    case let value?: if let text = value.text { chosen = [text] }
    case nil: break
    }
    return options.map { (chosen.contains($0) ? "☑" : "☐") + " " + $0 }.joined(separator: "　")
  }

  /// Rows `rows` of the form as one slice: fills, text, then each cell's box.
  private func band(
    _ places: [FormPlace], rows: Range<Int>, _ heights: [Double], _ frames: [(x: Double, width: Double)],
    _ pad: Double, _ origin: SliceOrigin
  ) -> Slice {
    var tops = [0.0]
    for r in rows { tops.append(tops.last! + heights[r]) }
    var slice = Slice(height: tops.last!, origin: origin)
    if measureOnly { return slice }
    var fills: [PageItem] = []
    var texts: [PageItem] = []
    var rules: [PageItem] = []
    let w = 0.6
    for p in places {
      let x = frames[p.column].x
      let cellWidth = spanWidth(frames, p.column, p.cell.span)
      let top = tops[p.row - rows.lowerBound]
      let bottom = tops[p.row - rows.lowerBound + p.cell.rowSpan]
      if let fill = p.fill {
        fills.append(.box(Rect(x: x, y: top, width: cellWidth, height: bottom - top), fill: fill))
      }
      // A signature box's caption stands at its top, its date at its foot; other text is centred vertically.
      let dy: Double
      if case .signature = p.cell.content { dy = top + pad } else { dy = top + (bottom - top - p.lines.height) / 2 }
      p.lines.eachLine { line in
        if let item = line.item { texts.append(item.offset(dx: x + pad, dy: dy + line.top)) }
      }
      if let date = p.date {
        let dateTop = bottom - pad - date.height
        date.eachLine { line in
          if let item = line.item { texts.append(item.offset(dx: x + pad, dy: dateTop + line.top)) }
        }
      }
      rules += [
        .rule(from: Point(x: x, y: top), to: Point(x: x + cellWidth, y: top), width: w),
        .rule(from: Point(x: x, y: bottom), to: Point(x: x + cellWidth, y: bottom), width: w),
        .rule(from: Point(x: x, y: top), to: Point(x: x, y: bottom), width: w),
        .rule(from: Point(x: x + cellWidth, y: top), to: Point(x: x + cellWidth, y: bottom), width: w),
      ]
    }
    slice.items = fills + texts + rules
    return slice
  }

  /// Where each cell sits: its row and first column, past the slots taken by cells spanning
  /// down from above (the parser checked that every row fills the grid exactly).
  private func formPlaces(_ grid: FormGrid) -> [FormPlace] {
    let columns = grid.columns.count
    var taken = Array(repeating: Array(repeating: false, count: columns), count: grid.rows.count)
    var places: [FormPlace] = []
    for (r, row) in grid.rows.enumerated() {
      var c = 0
      for cell in row {
        while c < columns && taken[r][c] { c += 1 }
        guard c < columns else { break }
        for rr in r..<min(grid.rows.count, r + cell.rowSpan) {
          for cc in c..<min(columns, c + cell.span) { taken[rr][cc] = true }
        }
        places.append(FormPlace(row: r, column: c, cell: cell, lines: CellLines(lines: [])))
        c += cell.span
      }
    }
    return places
  }
}
