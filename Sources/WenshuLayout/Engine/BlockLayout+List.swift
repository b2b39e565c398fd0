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
      // Item by item as a table's rows (unit: the item's index + 1, part: its line), with no
      // header or close: a page starts at its item and makes none of those before it.
      let chosen = { (row: Scope) in list.itemWhen.map { filler.holds($0, row, line: origin.line) } ?? true }
      return AnySequence(
        TableSlices(
          head: [], rows: rows(path, scope, line: origin.line), makeRow: { chosen($0) ? item(template, $0) : [] },
          tail: [], from: start.map { ($0.unit, $0.part) }))
    }
  }
}
