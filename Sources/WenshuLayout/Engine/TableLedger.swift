/// A table's rows printed per page, as ledgers and 统计表 carry them: `pageFoot` at the foot
/// of every page the table has rows on (本页小计), `carryFoot` under it where the table goes
/// on (过次页), `carryHead` under the repeated header where it continues (承前页). Their
/// templates read the page's rows as `@pageRows`, those before it as `@rowsBefore`, both
/// together as `@rowsThrough`, and `@page`; the paginator says which rows landed where.
extension BlockLayout {
  func ledger(_ table: Table, frames: [(x: Double, width: Double)], scope: Scope, _ origin: SliceOrigin)
    -> (ledger: Ledger, endHeight: Double)?
  {
    guard table.hasLedgerRows, let path = table.rows else { return nil }
    var all: [DataValue] = []
    if case .array(let items)? = scope.lookup(path) { all = items }
    let count = all.count
    // Measured with two-digit page numbers and count, as a page-numbered block is: the count
    // is not known while the pages are counted.
    func rowsScope(_ p: Placement, measuring: Bool = false) -> Scope {
      let page = p.rowsOnPage.clamped(to: 0..<count)
      let before = min(p.rowsBefore, count)
      let around = measuring ? scope.with("pages", .number("88")) : scope
      return around.with("page", .number(String(p.page + 1)))
        .with("pageRows", .array(Array(all[page])))
        .with("rowsBefore", .array(Array(all[..<before])))
        .with("rowsThrough", .array(Array(all[..<max(before, page.upperBound)])))
    }
    func stacked(_ cellRows: [[Table.Cell]], _ p: Placement, measuring: Bool = false) -> Slice {
      var slice = Slice.stack(
        footRows(cellRows, table, frames: frames, scope: rowsScope(p, measuring: measuring), room: .infinity, origin))
      slice.origin = origin
      return slice
    }
    let foot = { (p: Placement) in stacked(table.pageFoot + (p.continues ? table.carryFoot : []), p) }
    let head = { (p: Placement) in stacked(table.carryHead, p) }
    // Measured on every row at once: the longest totals a page can print, on page 88.
    let widest = Placement(page: 87, rowsOnPage: 0..<count, rowsBefore: count, continues: true)
    let reserve = stacked(table.pageFoot + table.carryFoot, widest, measuring: true).height
    let headHeight = stacked(table.carryHead, widest, measuring: true).height
    let ledger = Ledger(reserve: reserve, headHeight: headHeight, foot: foot, head: head)
    return (ledger, stacked(table.pageFoot, widest, measuring: true).height)
  }
}

extension Table {
  /// Whether rows are printed per page (本页小计, 过次页, 承前页).
  var hasLedgerRows: Bool { !(pageFoot.isEmpty && carryFoot.isEmpty && carryHead.isEmpty) }
}
