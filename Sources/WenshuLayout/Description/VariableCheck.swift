/// Refuses, when the layout is loaded, a variable read where it has no value: `{@page}` in
/// a table cell, `{@pages}` in the metadata or a check, `{@index}` outside a row or list,
/// `{@pageRows}` outside a table's per-page rows. Without
/// this the mistake surfaced at print time as a missing data field (`@pages: 缺少此项`).
struct VariableCheck {
  var file: String

  static let all = ["page", "pages", "index", "item", "pageRows", "rowsBefore", "rowsThrough"]
  /// What a table's per-page rows (本页小计, 过次页, 承前页) read besides the rest.
  static let pageRows: Set = ["page", "pageRows", "rowsBefore", "rowsThrough"]

  func check(_ layout: LayoutDescription) throws(LayoutError) {
    let running: Set = ["page", "pages"]
    for blocks in [layout.header, layout.footer, layout.firstPageHeader ?? [], layout.firstPageFooter ?? []] {
      try walk(blocks, running, place: "the running header and footer")
    }
    try walk(layout.body, ["page", "pages"], place: "the body")
    let m = layout.metadata
    for t in [m.title, m.author, m.subject, m.created, m.filename] + [m.reference].compactMap({ $0 }) {
      try template(t, [], place: "metadata:", line: 1)
    }
    if let w = layout.watermark { try template(w.text, [], place: "the watermark", line: 1) }
    for c in layout.checks {
      let available: Set<String> = c.each == nil ? [] : ["index", "item"]
      var checker = self
      checker.file = c.file ?? file
      for t in [c.value, c.equals] + (c.when?.templates ?? []) {
        try checker.template(t, available, place: "a check", line: c.line)
      }
    }
  }

  private func walk(_ blocks: [Block], _ available: Set<String>, place: String) throws(LayoutError) {
    let inRow = available.union(["index", "item"])
    for block in blocks {
      if let inherited = block.file, inherited != file {
        var other = self
        other.file = inherited
        try other.walk([block], available, place: place)
        continue
      }
      let line = block.line
      func each(_ ts: [Template], _ vars: Set<String>) throws(LayoutError) {
        for t in ts { try template(t, vars, place: vars.contains("item") ? "\(place), in a row" : place, line: line) }
      }
      // A block's page is known only where it lands: after its condition, and never to a
      // table's cells, a picture's name or a QR code's size.
      let fixed = available.subtracting(["page"])
      try each(block.when?.templates ?? [], fixed)
      switch block.kind {
      case .text(let e): try each([e.template], available)
      case .fields(let g): try each(g.items.flatMap { [$0.label, $0.value] + ($0.when?.templates ?? []) }, available)
      case .table(let t):
        try each(t.columns.map(\.header) + t.columns.flatMap { $0.when?.templates ?? [] }, fixed)
        try each(t.columns.map(\.value), t.rows == nil ? fixed : inRow.subtracting(["page"]))
        try each((t.continuation.map { [$0] } ?? []) + (t.head + t.foot).joined().map(\.text), fixed)
        try each(
          (t.pageFoot + t.carryFoot + t.carryHead).joined().map(\.text), fixed.union(Self.pageRows))
      case .list(let l):
        switch l.source {
        case .fixed(let ts):
          try each(ts + [l.marker], available.union(["index"]))
          try each(l.itemConditions.flatMap { $0?.templates ?? [] }, fixed)
        case .bound(_, let item):
          try each([item, l.marker], inRow)
          try each(l.itemWhen?.templates ?? [], inRow.subtracting(["page"]))
        }
      case .signatures(let s): try each(s.items, available)
      case .group(let inner): try walk(inner, available, place: place)
      case .each(let e):
        try each(e.when?.templates ?? [], inRow.subtracting(["page"]))
        try walk(e.blocks, inRow, place: place)
      case .qr(let q): try each([q.value] + (q.caption.map { [$0] } ?? []), available)
      case .image(let i): try each(i.named.map { [$0.template] } ?? [], fixed)
      case .spacer, .pageBreak: break
      }
    }
  }

  private func template(_ t: Template, _ available: Set<String>, place: String, line: Int) throws(LayoutError) {
    for path in t.fields.flatMap(\.paths) {
      guard let name = path.variable, !available.contains(name) else { continue }
      let known = Self.all.contains(name)
      let there = available.isEmpty ? "none" : available.sorted().map { "@\($0)" }.joined(separator: ", ")
      throw LayoutError(
        file: file, line: line,
        message: known
          ? "{@\(name)} is not available in \(place) (available there: \(there)); @page and @pages are known in header:, footer: and the body's text (not in table cells), @index and @item in a table's rows, a list and each:, @pageRows, @rowsBefore and @rowsThrough in a table's pageFoot:, carryFoot: and carryHead:"
          : "unknown variable '@\(name)'\(Suggestion.didYouMean(name, among: Self.all)) (variables: \(Self.all.map { "@" + $0 }.joined(separator: ", ")))"
      )
    }
  }
}
