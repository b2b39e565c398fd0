import Graphics

/// Lays a document out: a layout description and the data → pages of positioned items.
/// Knows nothing about any particular document; everything specific is in the layout file
/// and the formatters it is given.
///
/// Two passes over the body at most: `prepare` validates the data and counts the pages
/// (measuring, never keeping shaped text), recording where each page starts, so every problem
/// is known before anything is written and “共 M 页” is known before page 1;
/// `PreparedDocument.forEachPage` then lays out and hands over one page at a time, so a member
/// list of any length is never held whole, and `PreparedDocument.page(_:)` lays out one page
/// alone from its record.
public final class LayoutEngine {
  public let layout: LayoutDescription
  let fonts: FontLibrary
  let formatters: FormatterSet
  let validator: SchemaValidator
  /// How many passes over the body it ran, and how many slices they took (a test reads them).
  var passes = 0
  var slicesTaken = 0
  /// The slices made only to be skipped where a block resumes inside itself (a test reads it).
  let slicesSkipped = SkippedSlices()

  public init(
    layout: LayoutDescription, fonts: FontLibrary, formatters: FormatterSet, types: [ValueType] = ValueType.generic
  ) {
    self.layout = layout
    self.fonts = fonts
    self.formatters = formatters
    self.validator = SchemaValidator(types: Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
  }

  /// Pass 1: validates, runs the checks, counts the pages.
  /// `codes` signs the verification codes the layout prints (none without it).
  public func prepare(
    _ data: DataValue, cancellation: RenderCancellation? = nil, codes: (any CodeIssuer)? = nil
  ) throws(RenderFailure) -> PreparedDocument {
    var warnings: [DataProblem] = []
    var background: BackgroundValidation?
    if let schema = layout.schema {
      if BackgroundValidation.worthwhile(for: data) {
        background = BackgroundValidation(validator, data, schema, cancellation: cancellation)
      } else {
        let result = validator.validate(data, schema, cancellation: cancellation)
        if cancellation?.isCancelled == true { throw .cancelled }
        if !result.problems.isEmpty {
          throw .data(result.problems + checks(beside: result.problems, data, cancellation))
        }
        warnings = result.warnings
      }
    }
    guard let background else {
      return try count(data, warnings: warnings, cancellation: cancellation, codes: codes)
    }
    // The count runs meanwhile; the check's verdict comes first, as if it had run first.
    let counted: Result<PreparedDocument, RenderFailure>
    do throws(RenderFailure) {
      counted = .success(try count(data, warnings: [], cancellation: background.countCancellation, codes: codes))
    } catch {
      counted = .failure(error)
    }
    let result = background.wait()
    if cancellation?.isCancelled == true { throw .cancelled }
    if !result.problems.isEmpty { throw .data(result.problems + checks(beside: result.problems, data, cancellation)) }
    let prepared = try counted.get()
    prepared.warnings = result.warnings
    return prepared
  }

  /// Runs the checks and counts the pages of data that passed (or is passing) its schema.
  private func count(
    _ data: DataValue, warnings: [DataProblem], cancellation: RenderCancellation?, codes: (any CodeIssuer)?
  ) throws(RenderFailure) -> PreparedDocument {
    let problems = ProblemLog()
    var filler = TemplateFiller(file: layout.file, formatters: formatters, fonts: fonts, problems: problems)
    filler.codes = codes
    let root = Scope(root: data)
    runChecks(layout.checks, root, filler, cancellation)
    if cancellation?.isCancelled == true { throw .cancelled }
    // One pass: a block that prints the page count (本保单共 N 页) is measured with a
    // two-digit count and made with the real one where it lands (`pageNumbered`).
    let frame = try PageFrame(layout: layout, engine: self, filler: filler, measureOnly: true, root: root)
    var paginator = frame.paginator(problems: problems)
    let body = root.with("pages", .number("88"))
    let pageCount = run(&paginator, frame, body, from: .start, cancellation: cancellation) { _, _ in }
    if cancellation?.isCancelled == true { throw .cancelled }
    if let most = layout.maxPages, pageCount > most, problems.problems.isEmpty {
      try fit(most, root: root, pages: pageCount, cancellation).map(problems.report)
    }
    let m = layout.metadata
    let info = DocumentInfo(
      title: filler.fill(m.title, root, line: m.line("title")),
      author: filler.fill(m.author, root, line: m.line("author")),
      subject: filler.fill(m.subject, root, line: m.line("subject")), creator: "Wenshu 文书",
      created: filler.fill(m.created, root, line: m.line("created")))
    let filename = filler.fill(m.filename, root, line: m.line("filename"))
    let reference = m.reference.map { filler.fill($0, root, line: m.line("reference")) }
    if !problems.problems.isEmpty { throw .data(problems.all) }
    return PreparedDocument(
      engine: self, data: data, pageCount: pageCount, records: paginator.records, info: info, warnings: warnings,
      filename: filename, reference: reference, cancellation: cancellation, codes: codes)
  }

  /// One pass of `paginator` over the body from `start` (through page `last`, when given):
  /// every pass goes through here, so a test can count them.
  func run(
    _ paginator: inout Paginator, _ frame: PageFrame, _ body: Scope, from start: ResumePoint?, through last: Int? = nil,
    cancellation: RenderCancellation?, emit: (Int, [PageItem]) -> Void
  ) -> Int {
    if last == nil { passes += 1 }
    let slices = BodySlices(layout.body, from: start ?? .start, cancellation: cancellation) {
      frame.blocks.slices($0, body, from: $1)
    }
    let before = paginator.taken
    defer { slicesTaken += paginator.taken - before }
    return start == nil
      ? paginator.run([], through: last, emit: emit)
      : paginator.run(KeptWithPrevious(slices), through: last, emit: emit)
  }

  /// Lays out the whole document in memory (previews, batches, tests).
  public func layOut(_ data: DataValue) throws(RenderFailure) -> LaidOutDocument {
    let prepared = try prepare(data)
    var pages: [Page] = []
    pages.reserveCapacity(prepared.pageCount)
    try prepared.forEachPage { pages.append($0) }
    return LaidOutDocument(
      pages: pages, info: prepared.info, fonts: prepared.fonts, warnings: prepared.warnings,
      filename: prepared.filename)
  }

  /// The problems of the checks whose inputs passed the schema, on data that did not: every
  /// problem at once (a bad credit code does not hide two wrong sums). A check reading a value
  /// with a problem (or inside one, or around one) is left out: it would only repeat it.
  private func checks(beside problems: [DataProblem], _ data: DataValue, _ cancellation: RenderCancellation?)
    -> [DataProblem]
  {
    let bad = problems.map(\.path)
    if bad.contains("") { return [] }
    let clean = layout.checks.filter { check in
      let reads = Self.paths(read: check)
      return !reads.contains { r in bad.contains { Self.overlaps(r, $0) } }
    }
    guard !clean.isEmpty else { return [] }
    let log = ProblemLog()
    let filler = TemplateFiller(file: layout.file, formatters: formatters, fonts: fonts, problems: log)
    runChecks(clean, Scope(root: data), filler, cancellation)
    let named = Set(bad)
    return log.problems.filter { !named.contains($0.path) }
  }

  /// Whether one path is the other or lies inside it: `plans` and `plans[0].amount`.
  static func overlaps(_ a: String, _ b: String) -> Bool {
    func inside(_ x: String, _ y: String) -> Bool { y == x || y.hasPrefix(x + ".") || y.hasPrefix(x + "[") }
    return inside(a, b) || inside(b, a)
  }

  /// The paths a check reads, as written (a row's own fields relative to it: its list covers them).
  static func paths(read check: Check) -> [String] {
    var paths = ([check.value, check.equals] + (check.when?.templates ?? [])).flatMap { $0.fields.flatMap(\.paths) }
    paths += [check.each, check.oneOf?.list].compactMap { $0 }
    return paths.filter { $0.variable == nil }.map(\.description)
  }

  private func runChecks(
    _ checks: [Check], _ root: Scope, _ filler: TemplateFiller, _ cancellation: RenderCancellation?
  ) {
    for check in checks where check.rule == nil {
      var filler = filler
      filler.file = check.file ?? layout.file  // a check inherited through extends: is blamed on its file
      guard let each = check.each else {
        if cancellation?.isCancelled == true { return }
        runCheck(check, root, filler) { check.path }
        continue
      }
      guard case .array(let items)? = root.resolve(each)?.value else { continue }
      // One row's scope at a time, its path spelled only for a problem: made all at once up
      // front, 200,000 members' scopes and paths took 59 MiB.
      for i in items.indices {
        if cancellation?.isCancelled == true { return }
        runCheck(check, root.entering(items[i], in: each, index: i), filler) { "\(each)[\(i)].\(check.path)" }
      }
    }
  }

  /// One check in one scope; `path` spells where a problem is reported.
  private func runCheck(_ check: Check, _ scope: Scope, _ filler: TemplateFiller, at path: () -> String) {
    if let when = check.when, !filler.holds(when, scope, line: check.line) { return }
    let before = filler.problems.problems.count
    let value = filler.fill(check.value, scope, line: check.line)
    if let (list, field) = check.oneOf {
      guard case .array(let rows)? = scope.lookup(list) else { return }
      let choices = rows.compactMap { $0[field]?.text }
      if filler.problems.problems.count == before, !choices.contains(value) {
        filler.problems.report(
          DataProblem(
            path: path(), message: "\(check.message)（\(value) ∉ \(list)[].\(field)：\(choices.joined(separator: "、"))）"
          ))
      }
      return
    }
    let expected = filler.fill(check.equals, scope, line: check.line)
    guard filler.problems.problems.count == before else { return }
    switch CheckedNumber.holds(check.relation, value, expected) {
    case true?: break
    case false?:
      // The equality check has always printed the expected side first.
      let sides =
        check.relation == .equal ? "\(expected) ≠ \(value)" : "\(value) \(check.relation.failedSign) \(expected)"
      filler.problems.report(DataProblem(path: path(), message: "\(check.message)（\(sides)）"))
    case nil:
      filler.problems.report(
        DataProblem(
          path: path(),
          message:
            "\(check.message)（\(value) 与 \(expected) 无法比较大小：须同为数目、金额或日期 (only numbers or dates compare)）"))
    }
  }
}

/// A document whose data passed every check and whose pages are counted.
public final class PreparedDocument {
  let engine: LayoutEngine
  let data: DataValue
  public let pageCount: Int
  /// Where each page starts, as the first pass found it.
  let records: [PageRecord]
  /// What the document says about itself (a PDF's document information).
  public let info: DocumentInfo
  /// The faces its pages' glyph lines name by id.
  public var fonts: FontTable { engine.fonts.faces }
  public internal(set) var warnings: [DataProblem]
  public let filename: String
  /// The document's number as its layout's `reference` states it (nil when it has none).
  public let reference: String?
  /// The document and the layout file it was laid out with (for a message about it).
  public var document: String { engine.layout.document }
  public var layoutFile: String { engine.layout.file }
  let cancellation: RenderCancellation?
  let codes: (any CodeIssuer)?
  /// Whether the pages carry a signed verification code.
  public var hasVerificationCode: Bool { codes != nil && engine.layout.printsVerificationCode }
  /// Whether its layout prints one when a signer is given.
  public var layoutPrintsVerificationCode: Bool { engine.layout.printsVerificationCode }

  init(
    engine: LayoutEngine, data: DataValue, pageCount: Int, records: [PageRecord], info: DocumentInfo,
    warnings: [DataProblem], filename: String, reference: String? = nil, cancellation: RenderCancellation?,
    codes: (any CodeIssuer)? = nil
  ) {
    self.codes = codes
    self.records = records
    self.reference = reference
    self.cancellation = cancellation
    self.engine = engine
    self.data = data
    self.pageCount = pageCount
    self.info = info
    self.warnings = warnings
    self.filename = filename
  }

  /// Pass 2: lays out and hands over each page, in order, as soon as it is complete. The
  /// pages break where the first pass broke them (the same paginator over the same
  /// heights); a page that starts anywhere but at its record is an internal error, never a
  /// wrong 共 M 页.
  public func forEachPage(_ deliver: (Page) -> Void) throws(RenderFailure) {
    let (laidOut, found) = try draw(from: 0, through: nil, cancellation: cancellation, deliver)
    guard laidOut == pageCount, found == records else {
      throw .layout(
        LayoutError(
          file: engine.layout.file, line: 1,
          message: "internal error: the document was counted as \(pageCount) pages but laid out on \(laidOut)"
            + (laidOut == pageCount ? ", breaking elsewhere" : "")))
    }
  }

  /// Page `number` (1-based) laid out alone, from where the first pass recorded it starts:
  /// a preview or a PNG of page 500 does not lay out the 499 before it.
  public func page(_ number: Int) throws(RenderFailure) -> Page { try page(number, cancellation: cancellation) }

  /// Page `number` laid out alone, stopped by `cancellation` instead of the one the document
  /// was prepared with: a document kept for later page turns outlives the request that made it.
  public func page(_ number: Int, cancellation: RenderCancellation?) throws(RenderFailure) -> Page {
    guard records.indices.contains(number - 1) else {
      throw .layout(
        LayoutError(
          file: engine.layout.file, line: 1, message: "there is no page \(number): the document has \(pageCount)"))
    }
    var page: Page?
    let (_, found) = try draw(from: number - 1, through: number - 1, cancellation: cancellation) { page = $0 }
    guard let page, found.first == records[number - 1] else {
      throw .layout(
        LayoutError(
          file: engine.layout.file, line: 1, message: "internal error: page \(number) does not start at its record"))
    }
    return page
  }

  /// Lays out pages `first`…`last` (to the end when nil), each handed over as it is complete;
  /// returns how many pages there are through the last one laid out, and where each started.
  private func draw(
    from first: Int, through last: Int?, cancellation: RenderCancellation?, _ deliver: (Page) -> Void
  ) throws(RenderFailure) -> (Int, [PageRecord]) {
    let layout = engine.layout
    // Every problem of the data was reported by `prepare`, which filled the same templates;
    // what is found here is what only the real page count shows (a line it lengthens).
    let problems = ProblemLog()
    var filler = TemplateFiller(
      file: layout.file, formatters: engine.formatters, fonts: engine.fonts, problems: problems)
    filler.checksText = false
    filler.codes = codes
    let root = Scope(root: data)
    let frame = try PageFrame(layout: layout, engine: engine, filler: filler, measureOnly: false, root: root)
    let watermark = layout.watermark.map { spec -> PageItem in
      let style = TextStyle(families: [spec.family], size: spec.size, bold: true, color: spec.color)
      let shaped = engine.fonts.shape(filler.fill(spec.text, root, line: spec.line), style: style, width: nil)
      let items = frame.blocks.items(shaped, color: spec.color, dx: -shaped.size.width / 2, dy: -shaped.size.height / 2)
      let page = layout.page.size
      return .group(
        ItemGroup(
          items: items, origin: Point(x: page.width / 2, y: page.height / 2), angle: spec.angle, opacity: spec.opacity))
    }
    let total = pageCount
    var paginator = frame.paginator(problems: filler.problems)
    let record = records.indices.contains(first) ? records[first] : PageRecord(start: .start, ledgerRowsBefore: 0)
    paginator.start(page: first, record)
    let body = root.with("pages", .number(String(total)))
    let laidOut = engine.run(&paginator, frame, body, from: record.start, through: last, cancellation: cancellation) {
      index, items in
      let scope = root.with("page", .number(String(index + 1))).with("pages", .number(String(total)))
      var items = items
      items += frame.running(index: index, scope)
      if let watermark { items.append(watermark) }
      deliver(Page(size: layout.page.size, items: items))
    }
    if cancellation?.isCancelled == true { throw .cancelled }
    if !problems.problems.isEmpty { throw .data(problems.all) }
    return (laidOut, paginator.records)
  }
}

/// Where the body sits on a page once the running header and footer have their room — on
/// the first page and on the others, when the first has a header or footer of its own.
/// A class: the paginator's page-closing closure holds it, and a copy of the layout it
/// carries for every slice placed was a tenth of the second pass.
final class PageFrame {
  let blocks: BlockLayout
  let layout: LayoutDescription
  let first: Room
  let rest: Room

  struct Room {
    var header: [Block]
    var footer: [Block]
    var bodyTop: Double
    var bodyHeight: Double
    var footerTop: Double
  }

  init(layout: LayoutDescription, engine: LayoutEngine, filler: TemplateFiller, measureOnly: Bool, root: Scope)
    throws(RenderFailure)
  {
    self.layout = layout
    let page = layout.page
    let width = page.size.width - page.margins.left - page.margins.right
    // Running parts are measured on a body as tall as the page, then the body gets the rest.
    let measuring = BlockLayout(
      width: width, pageHeight: page.size.height, styles: layout.styles, filler: filler, fonts: engine.fonts,
      measureOnly: true)
    let sample = root.with("page", .number("88")).with("pages", .number("88"))
    func room(_ header: [Block], _ footer: [Block]) -> Room {
      let headerHeight = Self.height(header, measuring, sample)
      let footerHeight = Self.height(footer, measuring, sample)
      let headerSpace = headerHeight > 0 ? headerHeight + page.headerGap : 0
      let footerSpace = footerHeight > 0 ? footerHeight + page.headerGap : 0
      return Room(
        header: header, footer: footer, bodyTop: page.margins.top + headerSpace,
        bodyHeight: page.size.height - page.margins.top - page.margins.bottom - headerSpace - footerSpace,
        footerTop: page.size.height - page.margins.bottom - footerHeight)
    }
    rest = room(layout.header, layout.footer)
    first = room(layout.firstPageHeader ?? layout.header, layout.firstPageFooter ?? layout.footer)
    guard min(first.bodyHeight, rest.bodyHeight) > 50 else {
      throw .layout(
        LayoutError(file: layout.file, line: 1, message: "margins, header and footer leave no room for the body"))
    }
    blocks = BlockLayout(
      width: width, pageHeight: min(first.bodyHeight, rest.bodyHeight), styles: layout.styles, filler: filler,
      fonts: engine.fonts, measureOnly: measureOnly, skipped: engine.slicesSkipped)
  }

  func paginator(problems: ProblemLog) -> Paginator {
    let left = layout.page.margins.left
    return Paginator(
      firstHeight: first.bodyHeight, restHeight: rest.bodyHeight, firstOrigin: Point(x: left, y: first.bodyTop),
      restOrigin: Point(x: left, y: rest.bodyTop), problems: problems)
  }

  /// The running header and footer of page `index`, placed.
  func running(index: Int, _ scope: Scope) -> [PageItem] {
    let room = index == 0 ? first : rest
    let page = layout.page
    return stack(room.header, scope).map { $0.offset(dx: page.margins.left, dy: page.margins.top) }
      + stack(room.footer, scope).map { $0.offset(dx: page.margins.left, dy: room.footerTop) }
  }

  func stack(_ list: [Block], _ scope: Scope) -> [PageItem] {
    Slice.stack(list.flatMap { blocks.slices($0, scope) }).items
  }

  static func height(_ list: [Block], _ blocks: BlockLayout, _ scope: Scope) -> Double {
    list.flatMap { blocks.slices($0, scope) }.reduce(0) { $0 + $1.height }
  }
}
