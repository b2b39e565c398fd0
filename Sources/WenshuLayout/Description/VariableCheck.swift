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
    // A block's page and the page count are known only where it lands (the count is settled
    // in the same pass that places it): after its condition, and never to a table's cells,
    // a picture's name or a QR code's size.
    let walk = LayoutWalk<Set<String>>(
      root: { region in region == .running || region == .body ? ["page", "pages"] : [] },
      enter: { _, available, _, _ in available.union(["index", "item"]) },
      visit: { site, available throws(LayoutError) in
        var vars: Set<String>
        switch site.use.scope {
        case .block, .item: vars = available
        case .fixedItem: vars = available.union(["index"])
        case .pageRows: vars = available.union(Self.pageRows)
        case .group: vars = available.union(["groupRows"])
        }
        // A grouped table's cells number their rows within the group as well.
        if site.use.scope == .item, case .table(let t)? = site.block?.kind, t.grouping != nil {
          vars.insert("groupIndex")
        }
        if !site.use.placed { vars.subtract(["page", "pages"]) }
        var checker = self
        checker.file = site.file ?? file
        let place = site.region.place
        try checker.template(
          site.use.template, vars, place: site.block != nil && vars.contains("item") ? "\(place), in a row" : place,
          line: site.line)
      })
    try walk.walk(layout)
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
