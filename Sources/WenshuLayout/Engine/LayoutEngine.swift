import Graphics

/// Lays a document out: a layout description and the data → pages of positioned items.
/// Knows nothing about any particular document; everything specific is in the layout file
/// and the formatters it is given.
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

  public func layOut(_ data: DataValue) throws(RenderFailure) -> LaidOutDocument {
    var warnings: [DataProblem] = []
    if let schema = layout.schema {
      let result = validator.validate(data, schema)
      if !result.problems.isEmpty { throw .data(result.problems) }
      warnings = result.warnings
    }
    let problems = ProblemLog()
    let filler = TemplateFiller(file: layout.file, formatters: formatters, fonts: fonts, problems: problems)
    let root = Scope(root: data)
    runChecks(root, filler)

    let page = layout.page
    let width = page.size.width - page.margins.left - page.margins.right
    let blocks = BlockLayout(width: width, styles: layout.styles, filler: filler, fonts: fonts)
    let sample = root.with("page", .number("88")).with("pages", .number("88"))
    let headerHeight = stackHeight(layout.header, blocks, sample)
    let footerHeight = stackHeight(layout.footer, blocks, sample)
    let headerSpace = headerHeight > 0 ? headerHeight + page.headerGap : 0
    let footerSpace = footerHeight > 0 ? footerHeight + page.headerGap : 0
    let contentHeight = page.size.height - page.margins.top - page.margins.bottom - headerSpace - footerSpace
    guard contentHeight > 50 else {
      throw .layout(LayoutError(file: layout.file, line: 1, message: "margins, header and footer leave no room for the body"))
    }

    var paginator = Paginator(contentHeight: contentHeight)
    let bodySlices = layout.body.lazy.flatMap { blocks.slices($0, root) }
    let bodies = paginator.run(bodySlices)
    if !problems.problems.isEmpty { throw .data(problems.all) }

    let top = page.margins.top + headerSpace
    let watermark = layout.watermark.map { spec in
      let style = TextStyle(families: [LayoutParser.fontFamilies["sans"]!], size: spec.size, bold: true)
      return (spec: spec, block: TextBlock(filler.fill(spec.text, root, line: 1), style: style, width: nil, fonts: fonts))
    }
    var pages: [Page] = []
    pages.reserveCapacity(bodies.count)
    for (i, body) in bodies.enumerated() {
      let scope = root.with("page", .number(String(i + 1))).with("pages", .number(String(bodies.count)))
      var items = body.map { $0.offset(dx: page.margins.left, dy: top) }
      items += stack(layout.header, blocks, scope).map { $0.offset(dx: page.margins.left, dy: page.margins.top) }
      let footerTop = page.size.height - page.margins.bottom - footerHeight
      items += stack(layout.footer, blocks, scope).map { $0.offset(dx: page.margins.left, dy: footerTop) }
      if let mark = watermark {
        items.append(
          .watermark(
            mark.block, center: Point(x: page.size.width / 2, y: page.size.height / 2), angle: mark.spec.angle,
            color: mark.spec.color, opacity: mark.spec.opacity))
      }
      pages.append(Page(size: page.size, items: items))
    }
    let m = layout.metadata
    let metadata = PDFMetadata(
      title: filler.fill(m.title, root, line: 0), author: filler.fill(m.author, root, line: 0),
      subject: filler.fill(m.subject, root, line: 0), creator: "Wenshu 文书",
      created: filler.fill(m.created, root, line: 0))
    if !problems.problems.isEmpty { throw .data(problems.all) }
    let filename = filler.fill(m.filename, root, line: 0)
    return LaidOutDocument(pages: pages, metadata: metadata, warnings: warnings, filename: filename)
  }

  private func runChecks(_ root: Scope, _ filler: TemplateFiller) {
    for check in layout.checks {
      var scopes: [(Scope, String)] = [(root, check.path)]
      if let each = check.each {
        guard case .array(let items)? = root.resolve(each)?.value else { continue }
        scopes = items.indices.map { i in
          (root.entering(items[i], at: each.appending(.index(i)), index: i), "\(each)[\(i)].\(check.path)")
        }
      }
      for (scope, path) in scopes {
        let before = filler.problems.problems.count
        let value = filler.fill(check.value, scope, line: check.line)
        let expected = filler.fill(check.equals, scope, line: check.line)
        if filler.problems.problems.count == before, value != expected {
          filler.problems.report(DataProblem(path: path, message: "\(check.message)（\(expected) ≠ \(value)）"))
        }
      }
    }
  }

  private func stack(_ blocks: [Block], _ layout: BlockLayout, _ scope: Scope) -> [PageItem] {
    Slice.stack(blocks.flatMap { layout.slices($0, scope) }).items
  }

  private func stackHeight(_ blocks: [Block], _ layout: BlockLayout, _ scope: Scope) -> Double {
    blocks.flatMap { layout.slices($0, scope) }.reduce(0) { $0 + $1.height }
  }
}
