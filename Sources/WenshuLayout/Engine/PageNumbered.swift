/// `{@page}` and `{@pages}` in the body (本页为第 N 页, 本保单共 N 页): a block that prints its
/// page number or the page count is measured with two-digit numbers, and each of its slices is
/// made again where it lands, with the page it landed on and the count. So the pages are
/// counted in one pass, whatever the count prints. The paginator refuses a slice that then
/// grows past what was measured.
extension BlockLayout {
  /// `make(scope, nil)` makes the block's slices; `make(scope, u)` those of its unit `u` alone
  /// (an item of a list bound to an array, whose slices say their item): a slice is made again
  /// with the item it is in, not the whole list, which would cost every page the whole list.
  func pageNumbered(_ block: Block, _ scope: Scope, _ make: @escaping (Scope, Int?) -> [Slice]) -> [Slice] {
    var measured = make(scope.with("page", .number("88")).with("pages", .number("88")), nil)
    let made = MadeForPage()
    for k in measured.indices {
      let fallback = measured[k]
      let unit = fallback.at.unit > 0 ? fallback.at.unit : nil
      let index = unit == nil ? k : fallback.at.part
      measured[k].remake = { placement in
        if made.page != placement.page || made.unit != unit {
          made.page = placement.page
          made.unit = unit
          made.slices = make(scope.with("page", .number(String(placement.page + 1))), unit)
          skipped?.count += made.slices.count
        }
        guard index < made.slices.count else {
          filler.problems.report(
            fallback.origin?.problem("页码改变了版面 (the page number changes how the block breaks)")
              ?? DataProblem(path: "\(filler.file):\(block.line)", message: "页码改变了版面"))
          return fallback
        }
        return made.slices[index]
      }
    }
    return measured
  }
}

/// The slices of a block (or of one of its units) made for the page they were last asked for.
private final class MadeForPage {
  var page = -1
  var unit: Int?
  var slices: [Slice] = []
}

extension Block {
  /// Whether the block's own text reads `{@page}` or `{@pages}` (a container's parts answer
  /// for themselves). A table's per-page rows are not counted: the ledger fills them on each page.
  var readsPageNumber: Bool {
    templateUses.contains { use in
      use.placed && use.scope != .pageRows
        && use.template.fields.flatMap(\.paths).contains { $0.variable == "page" || $0.variable == "pages" }
    }
  }
}
