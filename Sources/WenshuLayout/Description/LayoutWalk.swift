/// The one walk over every template a layout reads — its blocks' (`Block.templateUses`) in
/// the running header and footer and the body, the metadata, the watermark and the checks —
/// with the data each reads from. The field list, the variable check and the schema-path
/// check are folds over it, so a template one of them sees, all of them see.
///
/// `Scope` is what a consumer knows of the data around a template: the declarations in
/// reach, the variables available. The walk starts each region at `root` and goes into an
/// item of an array (an each's blocks, a table's rows, a bound list's items, a per-row check)
/// through `enter`.
struct LayoutWalk<Scope> {
  /// Where a template is read.
  enum Region: Sendable {
    case running, body, metadata, watermark, check

    /// Where, in words, for messages.
    var place: String {
      switch self {
      case .running: "the running header and footer"
      case .body: "the body"
      case .metadata: "metadata:"
      case .watermark: "the watermark"
      case .check: "a check"
      }
    }
  }

  /// One template read, and where.
  struct Site {
    var region: Region
    var use: TemplateUse
    /// The block it belongs to; nil for the metadata, the watermark and the checks.
    var block: Block?
    var line: Int
    /// The file it was written in when not the layout's own (inherited through `extends:`).
    var file: String?
  }

  /// The scope a region starts in.
  var root: (Region) -> Scope
  /// The scope inside one item of `array`, read in `scope` at `line` of `file`.
  var enter: (_ array: DataPath, _ scope: Scope, _ line: Int, _ file: String?) throws(LayoutError) -> Scope
  /// Each template, with the scope it reads.
  var visit: (Site, Scope) throws(LayoutError) -> Void
  /// Each block, before its templates, with the scope around it and the item scope inside it.
  var block: (Block, _ scope: Scope, _ item: Scope?, _ file: String?) throws(LayoutError) -> Void = { _, _, _, _ in }
  /// Each check, after its templates, in the scope of its rows when it has `each:`.
  var check: (Check, Scope) throws(LayoutError) -> Void = { _, _ in }

  func walk(_ layout: LayoutDescription) throws(LayoutError) {
    for blocks in [layout.header, layout.footer, layout.firstPageHeader ?? [], layout.firstPageFooter ?? []] {
      try walk(blocks, root(.running), .running, file: nil)
    }
    try walk(layout.body, root(.body), .body, file: nil)
    let m = layout.metadata
    for (t, key) in [(m.title, "title"), (m.author, "author"), (m.subject, "subject"), (m.created, "created")]
      + [(m.filename, "filename")] + (m.reference.map { [($0, "reference")] } ?? [])
    {
      let use = TemplateUse(t, .block, placed: false, at: "metadata.\(key)")
      try visit(Site(region: .metadata, use: use, line: m.line(key)), root(.metadata))
    }
    if let w = layout.watermark {
      let use = TemplateUse(w.text, .block, placed: false, at: "watermark.text")
      try visit(Site(region: .watermark, use: use, line: w.line), root(.watermark))
    }
    for c in layout.checks {
      var scope = root(.check)
      if let each = c.each { scope = try enter(each, scope, c.line, c.file) }
      let inRow: TemplateUse.Scope = c.each == nil ? .block : .item
      var uses: [TemplateUse] = []
      if c.rule == nil {
        uses.add([c.value], inRow, placed: false, at: "checks.value")
        if c.oneOf == nil { uses.add([c.equals], inRow, placed: false, at: "checks.\(c.relation.rawValue)") }
      }
      uses.add(c.when?.templates ?? [], inRow, placed: false, at: "checks.when")
      for use in uses { try visit(Site(region: .check, use: use, line: c.line, file: c.file), scope) }
      try check(c, scope)
    }
  }

  private func walk(_ blocks: [Block], _ scope: Scope, _ region: Region, file: String?) throws(LayoutError) {
    for block in blocks {
      let file = block.file ?? file
      let item = try block.itemArray.map { a throws(LayoutError) in try enter(a, scope, block.line, file) }
      try self.block(block, scope, item, file)
      for use in block.templateUses {
        let reads = use.scope == .item || use.scope == .group ? item ?? scope : scope
        try visit(Site(region: region, use: use, block: block, line: block.line, file: file), reads)
      }
      if case .each = block.kind, let item {
        try walk(block.innerBlocks, item, region, file: file)
      } else {
        try walk(block.innerBlocks, scope, region, file: file)
      }
    }
  }
}
