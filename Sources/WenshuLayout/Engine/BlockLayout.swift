import Graphics

/// Turns blocks into slices for a body of a given width. Rows bound to an array are made
/// lazily, one at a time, so a member list of any length is never held whole. The same
/// code measures (first pass) and draws (second pass): only whether items are kept differs.
struct BlockLayout {
  let width: Double
  /// The body's height on a page after the first: what a group or a row must fit in.
  let pageHeight: Double
  let styles: [String: TextStyle]
  var filler: TemplateFiller
  let fonts: FontLibrary
  /// The first pass only needs heights: table cells that fit on one line are measured
  /// from remembered glyph metrics and not made into glyph lines.
  var measureOnly = false
  /// Counts the slices a block makes only to skip them when it resumes inside itself.
  var skipped: SkippedSlices? = nil

  /// The block's slices; from `start` on (a point within it, its `block` ignored), each
  /// saying where it is, when the block is one of the body's (nil: a block inside another).
  func slices(_ block: Block, _ scope: Scope, from start: ResumePoint? = nil) -> AnySequence<Slice> {
    if let file = block.file, file != filler.file {
      var inherited = self  // a block from an extended layout: its problems are blamed on its file
      inherited.filler.file = file
      return inherited.slices(block, scope, from: start)
    }
    if let when = block.when, !filler.holds(when, scope, line: block.line) { return AnySequence([]) }
    // A verification code nobody can sign takes no room: the page is as without it.
    if case .qr(let q) = block.kind, q.verification != nil, filler.codes == nil { return AnySequence([]) }
    let origin = SliceOrigin(file: filler.file, line: block.line)
    // The space before a block is there only when it starts from the top; past its own slices
    // only the space after it is left.
    let within = start.map { $0.unit == ResumePoint.spaceBefore ? ResumePoint(block: 0, unit: 0, part: 0) : $0 }
    var slices: AnySequence<Slice>
    if within?.unit == ResumePoint.spaceAfter {
      slices = AnySequence([])
    } else if !scope.has(variable: "page"), block.readsPageNumber {
      slices = AnySequence(
        pageNumbered(block, scope) { scope, unit in
          guard let unit else { return Array(self.leafSlices(block, scope, origin)) }
          let from = ResumePoint(block: 0, unit: unit, part: 0)
          return Array(self.leafSlices(block, scope, origin, from: from).prefix { $0.at.unit == unit })
        })
      if let within { slices = AnySequence(NumberedSlices(slices, from: within.part, skipped: skipped)) }
    } else {
      slices = leafSlices(block, scope, origin, from: within)
    }
    if block.keepWithPrevious { slices = Slice.keptWithPrevious(slices) }
    guard block.spaceBefore > 0 || block.spaceAfter > 0 else { return slices }
    let fromTop = start == nil || start?.unit == ResumePoint.spaceBefore
    return AnySequence(
      SpacedSlices(
        before: block.spaceBefore > 0 && fromTop ? Slice.space(block.spaceBefore) : nil, slices,
        after: block.spaceAfter > 0 ? Slice.space(block.spaceAfter) : nil))
  }

  /// The block's slices, without the space around it; numbered from `start` when given (a
  /// table numbers its rows and resumes at one without making those before it).
  private func leafSlices(
    _ block: Block, _ scope: Scope, _ origin: SliceOrigin, from start: ResumePoint? = nil
  ) -> AnySequence<Slice> {
    let slices: AnySequence<Slice>
    switch block.kind {
    case .text(let element): slices = AnySequence(text(element, scope, origin))
    case .fields(let grid): slices = AnySequence(fields(grid, scope, origin))
    case .table(let table):
      // Columns are shown or hidden once per table, from the data around it, not per row.
      let shown = table.showingColumns { filler.holds($0, scope, line: block.line) }
      return shown.columns.isEmpty
        ? AnySequence([]) : self.table(shown, scope, origin, from: start.map { ($0.unit, $0.part) })
    case .list(let list):
      // A list bound to an array resumes at its item, as a table at its row; fixed items
      // are few and are made again.
      if case .bound = list.source { return self.list(list, scope, origin, from: start) }
      slices = self.list(list, scope, origin)
    case .signatures(let s): slices = AnySequence([signatures(s, scope, origin)])
    case .spacer(let h): slices = AnySequence([Slice.space(h)])
    case .pageBreak: slices = AnySequence([Slice.pageBreak])
    case .group(let blocks): return group(blocks, scope, from: start)
    case .each(let each): return self.each(each, scope, line: block.line, from: start)
    case .image(let image): slices = AnySequence([self.image(image, scope, origin)])
    case .qr(let qr): slices = AnySequence([self.qr(qr, scope, origin)])
    case .form(let grid): slices = AnySequence(form(grid, scope, origin))
    }
    guard let start else { return slices }
    return AnySequence(NumberedSlices(slices, from: start.part, skipped: skipped))
  }

  func style(_ name: String) -> TextStyle { styles[name] ?? styles["body"]! }

  /// Shapes text that wraps at `width`; a word or number wider than that is reported.
  func shape(_ text: String, _ style: TextStyle, width: Double, indent: Double = 0, _ origin: SliceOrigin) -> ShapedText
  {
    let shaped = fonts.shape(text, style: style, width: width, indent: indent)
    if shaped.overflows { filler.problems.report(origin.problem(Self.tooWide(text))) }
    return shaped
  }

  static func tooWide(_ text: String) -> String {
    "有一个词或数字比可用宽度还宽，无法换行 (a word or number is wider than its column or the page)"
  }

  /// The items of shaped text, each line at its place, relative to the text's top-left corner.
  func items(_ shaped: ShapedText, color: Color, dx: Double = 0, dy: Double = 0) -> [PageItem] {
    shaped.lines.map { .glyphs($0.glyphs, at: Point(x: dx + $0.x, y: dy + $0.top), color: color) }
  }

  /// A paragraph becomes one slice per line, so it may break across pages between lines.
  func text(_ element: TextElement, _ scope: Scope, _ origin: SliceOrigin) -> [Slice] {
    let text = filler.fill(element.template, scope, line: origin.line)
    let style = style(element.style)
    var origin = origin
    origin.reads = element.template.fields.map(\.path)
    let shaped = shape(text, style, width: width, indent: element.firstLineIndent, origin)
    return lineSlices(shaped, color: style.color, keepWithNext: element.keepWithNext, origin)
  }

  /// One slice per line of shaped text; a line's slice reaches down to the next line's top.
  /// A heading's lines all keep with what follows, so a heading never ends a page.
  func lineSlices(_ shaped: ShapedText, color: Color, keepWithNext: Bool, _ origin: SliceOrigin) -> [Slice] {
    let lines = shaped.lines
    guard !lines.isEmpty else { return [] }
    return lines.indices.map { i in
      let line = lines[i]
      let bottom = i + 1 < lines.count ? lines[i + 1].top : shaped.size.height
      var slice = Slice(
        height: bottom - line.top,
        items: measureOnly ? [] : [.glyphs(line.glyphs, at: Point(x: line.x, y: 0), color: color)])
      slice.keepWithNext = keepWithNext
      slice.origin = origin
      return slice
    }
  }

  func fields(_ grid: FieldGrid, _ scope: Scope, _ origin: SliceOrigin) -> [Slice] {
    let columnWidth = width / Double(grid.columns)
    let style = style(grid.style)
    var slices: [Slice] = []
    let shown = grid.items.filter { item in item.when.map { filler.holds($0, scope, line: origin.line) } ?? true }
    for rowStart in stride(from: 0, to: shown.count, by: grid.columns) {
      var row = Slice(height: 0, origin: origin)
      for (i, item) in shown[rowStart..<min(rowStart + grid.columns, shown.count)].enumerated() {
        let text = filler.fill(item.label, scope, line: origin.line) + filler.fill(item.value, scope, line: origin.line)
        var origin = origin
        origin.reads = item.value.fields.map(\.path)
        let shaped = shape(text, style, width: columnWidth - 6, origin)
        if !measureOnly { row.items += items(shaped, color: style.color, dx: Double(i) * columnWidth) }
        row.height = max(row.height, shaped.size.height + 3)
      }
      slices.append(row)
    }
    return slices
  }

  /// The scopes of the rows of the array at `path`.
  func rows(_ path: DataPath, _ scope: Scope, line: Int) -> RowScopes {
    guard let (value, full) = scope.resolve(path) else {
      filler.problems.report(
        DataProblem(path: path.description, message: "缺少此项 (missing; required by \(filler.file):\(line))"))
      return .none
    }
    guard case .array(let items) = value else {
      filler.problems.report(
        DataProblem(path: full.description, message: "应为列表 (expected an array, found \(value.kind))"))
      return .none
    }
    return RowScopes(items, at: full, in: scope)
  }

  func signatures(_ block: SignatureBlock, _ scope: Scope, _ origin: SliceOrigin) -> Slice {
    let columnWidth = width / Double(block.columns)
    let style = style(block.style)
    var slice = Slice(height: 0, origin: origin)
    var height = 0.0
    for (i, template) in block.items.enumerated() {
      let row = i / block.columns
      let column = i % block.columns
      let label = shape(filler.fill(template, scope, line: origin.line), style, width: columnWidth - 6, origin)
      if !measureOnly {
        slice.items += items(
          label, color: style.color, dx: Double(column) * columnWidth, dy: Double(row) * block.height)
      }
      height = max(height, Double(row) * block.height + max(block.height, label.size.height))
    }
    slice.height = height
    return slice
  }

  func x(for alignment: TextStyle.Alignment, width itemWidth: Double) -> Double {
    switch alignment {
    case .left: 0
    case .center: (width - itemWidth) / 2
    case .right: width - itemWidth
    }
  }

  func image(_ image: ImageBlock, _ scope: Scope, _ origin: SliceOrigin) -> Slice {
    var image = image
    if let (template, source) = image.named {
      guard let picture = namedPicture(template, source, scope, origin) else { return Slice.space(0) }
      image.picture = picture
      if !image.fixedHeight {
        image.height = image.width * Double(picture.pixelHeight) / Double(max(picture.pixelWidth, 1))
      }
    }
    guard let picture = image.picture else { return Slice.space(0) }
    let rect = Rect(
      x: x(for: image.alignment, width: image.width) + image.offset.x, y: image.offset.y,
      width: image.width, height: image.height)
    if rect.minX < -0.01 || rect.maxX > width + 0.01 || image.height > pageHeight {
      filler.problems.report(origin.problem("图片超出版心 (the picture does not fit inside the page's body)"))
    }
    return Slice(height: image.float ? 0 : image.height, items: [.picture(picture, in: rect)], origin: origin)
  }

  /// A picture named by a field: a name in the caller's picture source, never a path.
  func namedPicture(
    _ template: Template, _ source: any PictureSource, _ scope: Scope, _ origin: SliceOrigin
  ) -> Picture? {
    let name = filler.fill(template, scope, line: origin.line)
    guard !name.isEmpty, !name.contains("/"), !name.contains("..") else {
      // Not `source.expectedName`: it may name a folder on the server, and this goes to the caller.
      filler.problems.report(origin.problem("图片名“\(name)”无效：应为图片的文件名，不能是路径 (a picture's file name, not a path)"))
      return nil
    }
    do { return try source.picture(named: name) } catch {
      filler.problems.report(origin.problem("图片无法读取 (\(error.message))"))
      return nil
    }
  }

  /// A QR code drawn as filled runs of dark modules, with a quiet zone of four modules.
  func qr(_ qr: QRBlock, _ scope: Scope, _ origin: SliceOrigin) -> Slice {
    let matrix: QRMatrix
    do {
      if let fields = qr.verification, let codes = filler.codes {
        let facts = CodeFacts(
          number: filler.fill(fields.number, scope, line: origin.line),
          unit: filler.fill(fields.unit, scope, line: origin.line),
          amounts: fields.amounts.map { filler.fill($0, scope, line: origin.line) },
          account: fields.account.map { filler.fill($0, scope, line: origin.line) },
          pages: Int(scope.variables["pages"]?.text ?? "") ?? 1)
        matrix = try QRMatrix(text: try codes.code(for: facts), compact: true)
      } else {
        matrix = try QRMatrix(text: filler.fill(qr.value, scope, line: origin.line))
      }
    } catch {
      filler.problems.report(DataProblem(path: "\(filler.file):\(origin.line)", message: error.message))
      return Slice(height: 0)
    }
    if qr.size > width { filler.problems.report(origin.problem("二维码宽于版心 (the QR code is wider than the body)")) }
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
      let block = shape(filler.fill(caption, scope, line: origin.line), captionStyle, width: qr.size, origin)
      items += self.items(block, color: captionStyle.color, dx: left, dy: qr.size)
      height += block.size.height
    }
    return Slice(height: height, items: measureOnly ? [] : items, origin: origin)
  }
}
