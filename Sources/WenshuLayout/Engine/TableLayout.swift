import Graphics

extension BlockLayout {
  /// A table: its header row (kept with the first row, repeated with the continuation
  /// caption at the top of every later page), then one slice per row, made as they are needed.
  func table(_ table: Table, _ scope: Scope, line: Int) -> AnySequence<Slice> {
    let total = table.columns.reduce(0) { $0 + $1.width }
    var x = 0.0
    let frames: [(x: Double, width: Double)] = table.columns.map { c in
      let w = width * c.width / total
      defer { x += w }
      return (x, w)
    }

    // Looked up once per table, not per cell.
    let headerStyles = table.columns.map { _ in style(table.headerStyle) }
    let cellStyles = table.columns.map { column in
      var s = style(table.cellStyle)
      s.alignment = column.alignment
      return s
    }

    func row(_ templates: [Template], styles: [TextStyle], scope: Scope, fill: Color?) -> Slice {
      var cells: [(PageItem, Double, Int)] = []
      cells.reserveCapacity(templates.count)
      var height = 0.0
      for (i, template) in templates.enumerated() {
        let text = filler.fill(template, scope, line: line)
        let measured = cell(text, styles[i], width: max(frames[i].width - 2 * table.padding, 1))
        if let item = measured.item { cells.append((item, measured.height, i)) }
        height = max(height, measured.height)
      }
      height = max(height + 2 * table.padding, table.minRowHeight)
      if measureOnly { return Slice(height: height) }
      var items: [PageItem] = []
      items.reserveCapacity(cells.count + frames.count + 3)
      if let fill { items.append(.box(Rect(x: 0, y: 0, width: width, height: height), fill: fill)) }
      for (item, cellHeight, i) in cells {
        items.append(item.offset(dx: frames[i].x + table.padding, dy: (height - cellHeight) / 2))
      }
      items += borders(table.border, height: height, frames: frames)
      return Slice(height: height, items: items)
    }

    let hasHeader = table.columns.contains { !$0.header.parts.isEmpty }
    var header = hasHeader
      ? row(table.columns.map(\.header), styles: headerStyles, scope: scope, fill: .lightGray) : nil
    header?.keepWithNext = true
    var repeated: [Slice] = []
    if let continuation = table.continuation {
      let caption = shape(filler.fill(continuation, scope, line: line), style("small"), width: width)
      repeated.append(Slice(height: caption.size.height + 2, items: [.text(caption, at: Point(x: 0, y: 0))]))
    }
    if let header { repeated.append(header) }

    let values = table.columns.map(\.value)
    let body: AnySequence<Slice>
    if let path = table.rows {
      body = AnySequence(
        rows(path, scope, line: line).lazy.map { rowScope in
          var s = row(values, styles: cellStyles, scope: rowScope, fill: nil)
          s.repeatHeader = repeated
          return s
        })
    } else {
      var s = row(values, styles: cellStyles, scope: scope, fill: nil)
      s.repeatHeader = repeated
      body = AnySequence([s])
    }
    return AnySequence([AnySequence(header.map { [$0] } ?? []), body].joined())
  }

  func borders(_ border: Table.Border, height: Double, frames: [(x: Double, width: Double)]) -> [PageItem] {
    let w = 0.6
    switch border {
    case .none: return []
    case .rows:
      return [
        .line(from: Point(x: 0, y: height), to: Point(x: width, y: height), width: w)
      ]
    case .grid:
      var items: [PageItem] = [
        .line(from: Point(x: 0, y: 0), to: Point(x: width, y: 0), width: w),
        .line(from: Point(x: 0, y: height), to: Point(x: width, y: height), width: w),
      ]
      for f in frames { items.append(.line(from: Point(x: f.x, y: 0), to: Point(x: f.x, y: height), width: w)) }
      items.append(.line(from: Point(x: width, y: 0), to: Point(x: width, y: height), width: w))
      return items
    }
  }
}
