import Graphics

/// Lays a document out: a layout description and the data → pages of positioned items.
/// Knows nothing about any particular document; everything specific is in the layout file
/// and the formatters it is given.
///
/// Two passes: `prepare` validates the data and counts the pages (measuring, never keeping
/// shaped text), so every problem is known before anything is written and “共 M 页” is known
/// before page 1; `PreparedDocument.forEachPage` then lays out and hands over one page at a
/// time, so a member list of any length is never held whole.
public final class LayoutEngine {
  public let layout: LayoutDescription
  let fonts: FontLibrary
  let formatters: FormatterSet
  let validator: SchemaValidator

  public init(layout: LayoutDescription, fonts: FontLibrary, formatters: FormatterSet, types: [ValueType] = ValueType.generic) {
    self.layout = layout
    self.fonts = fonts
    self.formatters = formatters
    self.validator = SchemaValidator(types: Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
  }

  /// Pass 1: validates, runs the checks, counts the pages.
  public func prepare(_ data: DataValue, cancellation: RenderCancellation? = nil) throws(RenderFailure) -> PreparedDocument {
    var warnings: [DataProblem] = []
    if let schema = layout.schema {
      let result = validator.validate(data, schema, cancellation: cancellation)
      if cancellation?.isCancelled == true { throw .cancelled }
      if !result.problems.isEmpty { throw .data(result.problems) }
      warnings = result.warnings
    }
    let problems = ProblemLog()
    let filler = TemplateFiller(file: layout.file, formatters: formatters, fonts: fonts, problems: problems)
    let root = Scope(root: data)
    runChecks(root, filler, cancellation)
    if cancellation?.isCancelled == true { throw .cancelled }
    let frame = try PageFrame(layout: layout, blocks: blockLayout(filler, measureOnly: true), root: root)
    var paginator = Paginator(contentHeight: frame.contentHeight)
    let slices = layout.body.lazy.flatMap { frame.blocks.slices($0, root) }.prefix { _ in cancellation?.isCancelled != true }
    let pageCount = paginator.run(slices) { _, _ in }
    if cancellation?.isCancelled == true { throw .cancelled }
    let m = layout.metadata
    let metadata = PDFMetadata(
      title: filler.fill(m.title, root, line: 0), author: filler.fill(m.author, root, line: 0),
      subject: filler.fill(m.subject, root, line: 0), creator: "Wenshu 文书",
      created: filler.fill(m.created, root, line: 0))
    let filename = filler.fill(m.filename, root, line: 0)
    if !problems.problems.isEmpty { throw .data(problems.all) }
    return PreparedDocument(
      engine: self, data: data, pageCount: pageCount, metadata: metadata, warnings: warnings, filename: filename,
      cancellation: cancellation)
  }

  /// Lays out the whole document in memory (previews, batches, tests).
  public func layOut(_ data: DataValue) throws(RenderFailure) -> LaidOutDocument {
    let prepared = try prepare(data)
    var pages: [Page] = []
    pages.reserveCapacity(prepared.pageCount)
    try prepared.forEachPage { pages.append($0) }
    return LaidOutDocument(pages: pages, metadata: prepared.metadata, warnings: prepared.warnings, filename: prepared.filename)
  }

  func blockLayout(_ filler: TemplateFiller, measureOnly: Bool) -> BlockLayout {
    let page = layout.page
    return BlockLayout(
      width: page.size.width - page.margins.left - page.margins.right, styles: layout.styles, filler: filler,
      fonts: fonts, measureOnly: measureOnly)
  }

  private func runChecks(_ root: Scope, _ filler: TemplateFiller, _ cancellation: RenderCancellation?) {
    for check in layout.checks {
      var scopes: [(Scope, String)] = [(root, check.path)]
      if let each = check.each {
        guard case .array(let items)? = root.resolve(each)?.value else { continue }
        scopes = items.indices.map { i in
          (root.entering(items[i], at: each.appending(.index(i)), index: i), "\(each)[\(i)].\(check.path)")
        }
      }
      for (scope, path) in scopes {
        if cancellation?.isCancelled == true { return }
        let before = filler.problems.problems.count
        let value = filler.fill(check.value, scope, line: check.line)
        let expected = filler.fill(check.equals, scope, line: check.line)
        if filler.problems.problems.count == before, value != expected {
          filler.problems.report(DataProblem(path: path, message: "\(check.message)（\(expected) ≠ \(value)）"))
        }
      }
    }
  }
}

/// A document whose data passed every check and whose pages are counted.
public final class PreparedDocument {
  let engine: LayoutEngine
  let data: DataValue
  public let pageCount: Int
  public let metadata: PDFMetadata
  public let warnings: [DataProblem]
  public let filename: String
  let cancellation: RenderCancellation?

  init(
    engine: LayoutEngine, data: DataValue, pageCount: Int, metadata: PDFMetadata, warnings: [DataProblem], filename: String,
    cancellation: RenderCancellation?
  ) {
    self.cancellation = cancellation
    self.engine = engine
    self.data = data
    self.pageCount = pageCount
    self.metadata = metadata
    self.warnings = warnings
    self.filename = filename
  }

  /// Pass 2: lays out and hands over each page, in order, as soon as it is complete.
  public func forEachPage(_ deliver: (Page) -> Void) throws(RenderFailure) {
    let layout = engine.layout
    // Every problem was reported by `prepare`, which filled the same templates.
    var filler = TemplateFiller(file: layout.file, formatters: engine.formatters, fonts: engine.fonts, problems: ProblemLog())
    filler.checksText = false
    let root = Scope(root: data)
    guard let frame = try? PageFrame(layout: layout, blocks: engine.blockLayout(filler, measureOnly: false), root: root) else { return }
    let watermark = layout.watermark.map { spec in
      // Serif bold: a face the page already embeds, so the mark adds no font to the PDF.
      let style = TextStyle(families: [LayoutParser.fontFamilies["serif"]!], size: spec.size, bold: true)
      return (spec: spec, block: TextBlock(filler.fill(spec.text, root, line: 1), style: style, width: nil, fonts: engine.fonts))
    }
    let total = pageCount
    var paginator = Paginator(
      contentHeight: frame.contentHeight, origin: Point(x: layout.page.margins.left, y: frame.bodyTop))
    let cancellation = self.cancellation
    let slices = layout.body.lazy.flatMap { frame.blocks.slices($0, root) }.prefix { _ in cancellation?.isCancelled != true }
    _ = paginator.run(slices) { index, body in
      let page = layout.page
      let scope = root.with("page", .number(String(index + 1))).with("pages", .number(String(total)))
      var items = body
      items += frame.stack(layout.header, scope).map { $0.offset(dx: page.margins.left, dy: page.margins.top) }
      items += frame.stack(layout.footer, scope).map { $0.offset(dx: page.margins.left, dy: frame.footerTop) }
      if let mark = watermark {
        items.append(
          .watermark(
            mark.block, center: Point(x: page.size.width / 2, y: page.size.height / 2), angle: mark.spec.angle,
            color: mark.spec.color, opacity: mark.spec.opacity))
      }
      deliver(Page(size: page.size, items: items))
    }
    if cancellation?.isCancelled == true { throw .cancelled }
  }
}

/// Where the body sits on a page once the running header and footer have their room.
struct PageFrame {
  let blocks: BlockLayout
  let contentHeight: Double
  let bodyTop: Double
  let footerTop: Double

  init(layout: LayoutDescription, blocks: BlockLayout, root: Scope) throws(RenderFailure) {
    self.blocks = blocks
    let page = layout.page
    let sample = root.with("page", .number("88")).with("pages", .number("88"))
    let headerHeight = Self.height(layout.header, blocks, sample)
    let footerHeight = Self.height(layout.footer, blocks, sample)
    let headerSpace = headerHeight > 0 ? headerHeight + page.headerGap : 0
    let footerSpace = footerHeight > 0 ? footerHeight + page.headerGap : 0
    contentHeight = page.size.height - page.margins.top - page.margins.bottom - headerSpace - footerSpace
    bodyTop = page.margins.top + headerSpace
    footerTop = page.size.height - page.margins.bottom - footerHeight
    guard contentHeight > 50 else {
      throw .layout(LayoutError(file: layout.file, line: 1, message: "margins, header and footer leave no room for the body"))
    }
  }

  func stack(_ list: [Block], _ scope: Scope) -> [PageItem] {
    Slice.stack(list.flatMap { blocks.slices($0, scope) }).items
  }

  static func height(_ list: [Block], _ blocks: BlockLayout, _ scope: Scope) -> Double {
    list.flatMap { blocks.slices($0, scope) }.reduce(0) { $0 + $1.height }
  }
}
