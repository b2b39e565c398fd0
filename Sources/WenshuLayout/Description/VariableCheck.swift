/// Refuses, when the layout is loaded, a variable read where it has no value: `{@page}` in
/// a table cell, `{@pages}` in the metadata or a check, `{@index}` outside a row or list,
/// `{@pageRows}` outside a table's per-page rows. Without
/// this the mistake surfaced at print time as a missing data field (`@pages: 缺少此项`).
struct VariableCheck {
  var file: String

  static let all = [
    "page", "pages", "index", "item", "pageRows", "rowsBefore", "rowsThrough", "groupRows", "groupIndex",
  ]
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
      // A block's page and the page count are known only where it lands (the count is settled
      // in the same pass that places it): after its condition, and never to a table's cells,
      // a picture's name or a QR code's size.
      for use in block.templateUses {
        var vars: Set<String>
        switch use.scope {
        case .block: vars = available
        case .fixedItem: vars = available.union(["index"])
        case .item: vars = inRow
        case .pageRows: vars = available.union(Self.pageRows)
        case .group: vars = inRow.union(["groupRows"])
        }
        // A grouped table's cells number their rows within the group as well.
        if use.scope == .item, case .table(let t) = block.kind, t.grouping != nil { vars.insert("groupIndex") }
        if !use.placed { vars.subtract(["page", "pages"]) }
        try template(
          use.template, vars, place: vars.contains("item") ? "\(place), in a row" : place, line: block.line)
      }
      if case .each = block.kind {
        try walk(block.innerBlocks, inRow, place: place)
      } else {
        try walk(block.innerBlocks, available, place: place)
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
          ? "{@\(name)} is not available in \(place) (available there: \(there)); @page and @pages are known in header:, footer: and the body's text (not in table cells), @index and @item in a table's rows, a list and each:, @pageRows, @rowsBefore and @rowsThrough in a table's pageFoot:, carryFoot: and carryHead:, @groupRows in a grouped table's groupHead:, groupCarryHead: and groupFoot:, @groupIndex in its rows"
          : "unknown variable '@\(name)'\(Suggestion.didYouMean(name, among: Self.all)) (variables: \(Self.all.map { "@" + $0 }.joined(separator: ", ")))"
      )
    }
  }
}
