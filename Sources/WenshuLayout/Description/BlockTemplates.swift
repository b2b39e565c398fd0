/// Every template a block reads, and where: the one walk over a block's templates that the
/// field list (`print --help`, schemas), the variable check and page numbering share, so
/// they cannot disagree about which templates a block has.
public struct TemplateUse {
  /// Whose values a template reads.
  public enum Scope: Sendable {
    /// The data around the block.
    case block
    /// A fixed list's item or marker: the block's data and `{@index}`.
    case fixedItem
    /// One item of the array the block is bound to (a table's rows, a bound list's items):
    /// `{@index}`, `{@item}` and the item's fields.
    case item
    /// A table's rows at the foot or head of each page (本页小计, 过次页, 承前页): the block's
    /// data and the page's rows, filled on each page by the table's ledger.
    case pageRows
    /// A table's group header and footer rows: the group's first (or last) row, as an item,
    /// and the group's rows as `{@groupRows}`.
    case group
  }
  public let template: Template
  public let scope: Scope
  /// Filled where the block lands, so `{@page}` is known; false for what is decided before
  /// (a condition, a table's cells, a picture's name).
  public let placed: Bool
}

extension Block {
  /// The templates the block itself reads, its condition first; a group's and an each's
  /// inner blocks answer for themselves (`innerBlocks`).
  public var templateUses: [TemplateUse] {
    var uses = (when?.templates ?? []).map { TemplateUse(template: $0, scope: .block, placed: false) }
    func add(_ ts: [Template], _ scope: TemplateUse.Scope, placed: Bool) {
      uses += ts.map { TemplateUse(template: $0, scope: scope, placed: placed) }
    }
    switch kind {
    case .text(let e): add([e.template], .block, placed: true)
    case .fields(let g):
      add(g.items.flatMap { [$0.label, $0.value] + ($0.when?.templates ?? []) }, .block, placed: true)
    case .table(let t):
      add(t.columns.map(\.header) + t.columns.flatMap { $0.when?.templates ?? [] }, .block, placed: false)
      add(t.columns.map(\.value), t.rows == nil ? .block : .item, placed: false)
      add((t.continuation.map { [$0] } ?? []) + (t.head + t.foot).joined().map(\.text), .block, placed: false)
      add((t.pageFoot + t.carryFoot + t.carryHead).joined().map(\.text), .pageRows, placed: true)
      add(t.grouping?.cells.map(\.text) ?? [], .group, placed: false)
    case .list(let l):
      switch l.source {
      case .fixed(let ts):
        add(ts + [l.marker], .fixedItem, placed: true)
        add(l.itemConditions.flatMap { $0?.templates ?? [] }, .block, placed: false)
      case .bound(_, let item):
        add([item, l.marker], .item, placed: true)
        add(l.itemWhen?.templates ?? [], .item, placed: false)
      }
    case .signatures(let s): add(s.items, .block, placed: true)
    case .each(let e): add(e.when?.templates ?? [], .item, placed: false)
    case .qr(let q): add(q.templates, .block, placed: true)
    case .image(let i): add(i.named.map { [$0.template] } ?? [], .block, placed: false)
    case .form(let g): add(g.rows.flatMap { $0.flatMap(\.templates) }, .block, placed: true)
    case .group, .spacer, .pageBreak: break
    }
    return uses
  }

  /// The array the block's `.item` templates read an item of (a table's rows, a bound list,
  /// an each), if any.
  public var itemArray: DataPath? {
    switch kind {
    case .table(let t): t.rows
    case .list(let l): if case .bound(let path, _) = l.source { path } else { nil }
    case .each(let e): e.from
    default: nil
    }
  }

  /// The blocks inside a group or an each (an each's read in the scope of one item).
  public var innerBlocks: [Block] {
    switch kind {
    case .group(let inner): inner
    case .each(let e): e.blocks
    default: []
    }
  }
}
