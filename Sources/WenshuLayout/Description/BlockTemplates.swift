/// Every template a block reads, and where: the one walk over a block's templates that the
/// layout walk (`LayoutWalk`: the field list, the variable check, the schema-path check) and
/// page numbering share, so they cannot disagree about which templates a block has. Each
/// block kind lists its own (`Table.templateUses`, `QRBlock.templateUses`, …) beside its
/// description and parsing.
public struct TemplateUse: Sendable {
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
  /// Where an author writes it, as the layout's keys say (`table.foot`, `qr.caption`): for
  /// messages and for the tests that cover every place.
  public let location: String

  public init(_ template: Template, _ scope: Scope, placed: Bool, at location: String) {
    self.template = template
    self.scope = scope
    self.placed = placed
    self.location = location
  }

  /// A path read that is not written as a template (a form's `choices:`), as a template of
  /// that one field, so every check reads it as any other field.
  init(path: DataPath, _ scope: Scope, at location: String) {
    let field = (try? FieldReference(parsing: path.description)).map { [Template.Part.field($0)] } ?? []
    self.init(Template(parts: field), scope, placed: false, at: location)
  }
}

extension Array where Element == TemplateUse {
  /// Appends `templates`, all read in one scope at one location.
  mutating func add(_ templates: [Template], _ scope: TemplateUse.Scope, placed: Bool, at location: String) {
    self += templates.map { TemplateUse($0, scope, placed: placed, at: location) }
  }
}

extension Block {
  /// The templates the block itself reads, its condition first; a group's and an each's
  /// inner blocks answer for themselves (`innerBlocks`).
  public var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    uses.add(when?.templates ?? [], .block, placed: false, at: "when")
    switch kind {
    case .text(let e): uses += e.templateUses
    case .fields(let g): uses += g.templateUses
    case .table(let t): uses += t.templateUses
    case .list(let l): uses += l.templateUses
    case .signatures(let s): uses += s.templateUses
    case .each(let e): uses += e.templateUses
    case .qr(let q): uses += q.templateUses
    case .image(let i): uses += i.templateUses
    case .form(let g): uses += g.templateUses
    case .group, .spacer, .pageBreak: break
    }
    return uses
  }

  /// Every location a block of each kind (its key in a layout) may read a template at, so a
  /// test can cover each one and a new kind cannot be added without saying where it reads.
  public static let templateLocations: [String: [String]] = [
    "text": TextElement.templateLocations, "fields": FieldGrid.templateLocations,
    "table": Table.templateLocations, "list": BulletList.templateLocations,
    "signatures": SignatureBlock.templateLocations, "each": Each.templateLocations,
    "qr": QRBlock.templateLocations, "image": ImageBlock.templateLocations, "form": FormGrid.templateLocations,
    "group": [], "spacer": [], "pageBreak": [],
  ]

  /// The array the block's `.item` and `.group` templates read an item of (a table's rows, a
  /// bound list, an each), if any.
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
