import Graphics

/// Turns blocks into slices for a body of a given width. Rows bound to an array are made
/// lazily, one at a time, so a member list of any length is never held whole.
struct BlockLayout {
  let width: Double
  let styles: [String: TextStyle]
  let filler: TemplateFiller
  let fonts: FontLibrary
  /// The first pass only needs heights: table cells that fit on one line are measured
  /// from remembered glyph metrics and not shaped.
  var measureOnly = false

  func slices(_ block: Block, _ scope: Scope) -> AnySequence<Slice> {
    var slices: AnySequence<Slice>
    switch block.kind {
    case .text(let element): slices = AnySequence(text(element, scope, line: block.line))
    case .fields(let grid): slices = AnySequence(fields(grid, scope, line: block.line))
    case .table(let table): slices = self.table(table, scope, line: block.line)
    case .list(let list): slices = self.list(list, scope, line: block.line)
    case .signatures(let s): slices = AnySequence([signatures(s, scope, line: block.line)])
    case .spacer(let h): slices = AnySequence([Slice(height: h, collapsesAtTop: true)])
    case .pageBreak: slices = AnySequence([Slice.pageBreakSlice])
    case .group(let blocks): slices = AnySequence(group(blocks, scope))
    case .each(let each): slices = self.each(each, scope, line: block.line)
    case .image(let image): slices = AnySequence([self.image(image)])
    case .qr(let qr): slices = AnySequence([self.qr(qr, scope, line: block.line)])
    }
    guard block.spaceBefore > 0 || block.spaceAfter > 0 else { return slices }
    var result: [Slice] = []
    if block.spaceBefore > 0 { result.append(Slice(height: block.spaceBefore, collapsesAtTop: true)) }
    let after = block.spaceAfter > 0 ? [Slice(height: block.spaceAfter, collapsesAtTop: true)] : []
    return AnySequence([AnySequence(result), slices, AnySequence(after)].joined())
  }

  func style(_ name: String) -> TextStyle { styles[name] ?? styles["body"]! }

  func shape(_ text: String, _ style: TextStyle, width: Double?, indent: Double = 0) -> TextBlock {
    TextBlock(text, style: style, width: width, indent: indent, fonts: fonts)
  }

  /// A table cell's height, and what draws it (placed at the cell's top-left corner) unless
  /// only measuring: a line of glyphs when the text fits on one line, else Pango's shaped
  /// paragraph. Both passes add up the same per-character figures (`singleLineHeight` and
  /// the glyph line read the same shaping), so they break pages at the same rows.
  func cell(_ text: String, _ style: TextStyle, width: Double) -> (height: Double, item: PageItem?) {
    if measureOnly {
      return (fonts.singleLineHeight(text, style: style, width: width) ?? shape(text, style, width: width).size.height, nil)
    }
    // Drawing: the glyph line carries its own width and height, so the text is walked once.
    let line = fonts.glyphLine(text, style: style)
    if let line, line.width <= width - 2 { return (line.height, glyphs(line, style, width: width)) }
    // A character glyph lines cannot draw, on a line that still fits: Pango, shaped once.
    if line == nil, let height = fonts.singleLineHeight(text, style: style, width: width) {
      return (height, .text(fonts.shaped(text, style: style, width: width), at: Point(x: 0, y: 0)))
    }
    let block = shape(text, style, width: width)
    return (block.size.height, .text(block, at: Point(x: 0, y: 0)))
  }

  private func glyphs(_ line: GlyphLine, _ style: TextStyle, width: Double) -> PageItem {
    let dx: Double
    switch style.alignment {
    case .left: dx = 0
    case .center: dx = (width - line.width) / 2
    case .right: dx = width - line.width
    }
    return .glyphs(line, at: Point(x: dx, y: 0), color: style.color)
  }

  /// A paragraph becomes one slice per line, so it may break across pages between lines.
  func text(_ element: TextElement, _ scope: Scope, line: Int) -> [Slice] {
    let text = filler.fill(element.template, scope, line: line)
    let style = style(element.style)
    let whole = shape(text, style, width: width, indent: element.firstLineIndent)
    var result: [Slice]
    if whole.lineCount <= 1 {
      result = [Slice(height: whole.size.height, items: [.text(whole, at: Point(x: 0, y: 0))])]
    } else {
      let gap = style.size * style.lineSpacing
      let lines = whole.lines
      result = lines.enumerated().map { i, lineText in
        let indent = i == 0 ? element.firstLineIndent : 0
        let trimmed = lineText.hasSuffix("\n") ? String(lineText.dropLast()) : lineText
        let block = shape(trimmed, style, width: width - indent)
        return Slice(height: block.size.height + (i < lines.count - 1 ? gap : 0), items: [.text(block, at: Point(x: indent, y: 0))])
      }
    }
    result[result.count - 1].keepWithNext = element.keepWithNext
    return result
  }

  func fields(_ grid: FieldGrid, _ scope: Scope, line: Int) -> [Slice] {
    let columnWidth = width / Double(grid.columns)
    var slices: [Slice] = []
    for rowStart in stride(from: 0, to: grid.items.count, by: grid.columns) {
      var row = Slice(height: 0)
      for (i, item) in grid.items[rowStart..<min(rowStart + grid.columns, grid.items.count)].enumerated() {
        let text = filler.fill(item.label, scope, line: line) + filler.fill(item.value, scope, line: line)
        let block = shape(text, style(grid.style), width: columnWidth - 6)
        row.items.append(.text(block, at: Point(x: Double(i) * columnWidth, y: 0)))
        row.height = max(row.height, block.size.height + 3)
      }
      slices.append(row)
    }
    return slices
  }

  func list(_ list: BulletList, _ scope: Scope, line: Int) -> AnySequence<Slice> {
    let style = style(list.style)
    func item(_ template: Template, _ scope: Scope) -> Slice {
      let marker = shape(filler.fill(list.marker, scope, line: line), style, width: nil)
      let indent = max(marker.size.width + style.size * 0.5, style.size * 1.5)
      let body = shape(filler.fill(template, scope, line: line), style, width: width - indent)
      return Slice(
        height: body.size.height + 2,
        items: [.text(marker, at: Point(x: 0, y: 0)), .text(body, at: Point(x: indent, y: 0))])
    }
    switch list.source {
    case .fixed(let templates):
      return AnySequence(templates.enumerated().map { i, t in item(t, scope.with("index", .number(String(i + 1)))) })
    case .bound(let path, let template):
      return AnySequence(rows(path, scope, line: line).lazy.map { rowScope in item(template, rowScope) })
    }
  }

  /// The scopes of the rows of the array at `path`.
  func rows(_ path: DataPath, _ scope: Scope, line: Int) -> AnySequence<Scope> {
    guard let (value, full) = scope.resolve(path) else {
      filler.problems.report(DataProblem(path: path.description, message: "缺少此项 (missing; required by \(filler.file):\(line))"))
      return AnySequence([])
    }
    guard case .array(let items) = value else {
      filler.problems.report(DataProblem(path: full.description, message: "应为列表 (expected an array, found \(value.kind))"))
      return AnySequence([])
    }
    return AnySequence(items.indices.lazy.map { i in scope.entering(items[i], at: full.appending(.index(i)), index: i) })
  }

  func signatures(_ block: SignatureBlock, _ scope: Scope, line: Int) -> Slice {
    let columnWidth = width / Double(block.columns)
    var slice = Slice(height: 0)
    for (i, template) in block.items.enumerated() {
      let row = i / block.columns
      let column = i % block.columns
      let label = shape(filler.fill(template, scope, line: line), style(block.style), width: columnWidth - 6)
      slice.items.append(.text(label, at: Point(x: Double(column) * columnWidth, y: Double(row) * block.height)))
    }
    let rows = (block.items.count + block.columns - 1) / block.columns
    slice.height = Double(rows) * block.height
    return slice
  }

  /// A group is one slice when it fits on a page; otherwise its parts flow as usual.
  func group(_ blocks: [Block], _ scope: Scope) -> [Slice] {
    var parts: [Slice] = []
    for block in blocks {
      for s in slices(block, scope) {
        if s.pageBreak { return parts + [Slice.pageBreakSlice] }
        parts.append(s)
      }
    }
    var whole = Slice.stack(parts)
    whole.keepWithNext = parts.last?.keepWithNext ?? false
    return [whole]
  }

  /// The blocks once per chosen item, each item on its own page when asked.
  func each(_ each: Each, _ scope: Scope, line: Int) -> AnySequence<Slice> {
    let chosen = rows(each.from, scope, line: line).lazy.filter { rowScope in
      guard let when = each.when else { return true }
      let text = filler.fill(when, rowScope, line: line)
      return !(text.isEmpty || text == "否" || text == "false")
    }
    var first = true
    return AnySequence(
      chosen.flatMap { rowScope -> [Slice] in
        let breakBefore = each.pageBreak && !first
        first = false
        let body = each.blocks.flatMap { self.slices($0, rowScope) }
        return breakBefore ? [Slice.pageBreakSlice] + body : body
      })
  }

  func x(for alignment: TextStyle.Alignment, width itemWidth: Double) -> Double {
    switch alignment {
    case .left: 0
    case .center: (width - itemWidth) / 2
    case .right: width - itemWidth
    }
  }

  func image(_ image: ImageBlock) -> Slice {
    let rect = Rect(
      x: x(for: image.alignment, width: image.width) + image.offset.x, y: image.offset.y,
      width: image.width, height: image.height)
    return Slice(height: image.float ? 0 : image.height, items: [.picture(image.picture, in: rect)])
  }

  /// A QR code drawn as filled runs of dark modules, with a quiet zone of four modules.
  func qr(_ qr: QRBlock, _ scope: Scope, line: Int) -> Slice {
    let text = filler.fill(qr.value, scope, line: line)
    let matrix: QRMatrix
    do { matrix = try QRMatrix(text: text) } catch {
      filler.problems.report(DataProblem(path: "\(filler.file):\(line)", message: error.message))
      return Slice(height: 0)
    }
    let module = qr.size / Double(matrix.size + 8)
    let left = x(for: qr.alignment, width: qr.size)
    var items: [PageItem] = []
    for y in 0..<matrix.size {
      var x = 0
      while x < matrix.size {
        guard matrix[x, y] else { x += 1; continue }
        let start = x
        while x < matrix.size && matrix[x, y] { x += 1 }
        items.append(
          .box(
            Rect(
              x: left + Double(start + 4) * module, y: Double(y + 4) * module,
              width: Double(x - start) * module, height: module), fill: .black))
      }
    }
    var height = qr.size
    if let caption = qr.caption {
      var captionStyle = style("small")
      captionStyle.alignment = .center
      let block = shape(filler.fill(caption, scope, line: line), captionStyle, width: qr.size)
      items.append(.text(block, at: Point(x: left, y: qr.size)))
      height += block.size.height
    }
    return Slice(height: height, items: items)
  }
}
