/// A table its layout exports as a spreadsheet tab (`sheet:`): the header and footer rows
/// and the body rows, each cell holding the text the pages print there (the same templates,
/// formatters and data), with the columns' declared `sheetType`. Body rows are filled as
/// they are read, so a list of any length is never held whole. A grouped table's rows come
/// with its groups' header and footer rows (所在工会：…, 小计) where the pages print them, so
/// the sheet says which group a row is in, and `{@groupIndex}` counts within each.
public struct TableSheet {
  /// A header or footer cell, placed in the grid as on the page.
  public struct SpanningCell: Sendable, Equatable {
    public var text: String
    public var row: Int
    public var column: Int
    public var span: Int
    public var rowSpan: Int
  }

  /// A row below the header: a body row's texts, one per column, or a row a group adds,
  /// its cells placed as on the page.
  public enum Row: Sendable, Equatable {
    case body([String])
    case spanning([SpanningCell])
  }

  public let name: String
  /// The layout file and line of the table, for a message about it.
  public let file: String
  public let line: Int
  public let columnTypes: [Table.SheetType]
  /// The columns' shares of the table's width on the page.
  public let columnShares: [Double]
  /// The header rows' cells (row 0 first), and how many rows they take.
  public let head: [SpanningCell]
  public let headRows: Int
  /// The footer rows (合计), below the body; per-page rows (本页小计) have no place in a sheet.
  public let foot: [SpanningCell]
  public let footRows: Int
  let makeRows: () -> AnyIterator<Row>

  /// The rows between the header and the footer, in order; each call starts again from the first.
  public func rows() -> AnyIterator<Row> { makeRows() }
}

extension PreparedDocument {
  /// The tables this document exports as spreadsheet tabs, in the order they print (none
  /// when its layout names none with `sheet:`).
  public func tableSheets() -> [TableSheet] {
    let layout = engine.layout
    var filler = TemplateFiller(
      file: layout.file, formatters: engine.formatters, fonts: engine.fonts, problems: ProblemLog())
    filler.checksText = false  // `prepare` checked every text these templates give
    let root = Scope(root: data).with("pages", .number(String(pageCount)))
    return Self.sheets(in: layout.body, root, filler)
  }

  /// Blocks as the pages show them: a block whose `when:` fails shows no table, a group's
  /// tables are its own, and a table inside `each:` once per chosen item.
  static func sheets(in blocks: [Block], _ scope: Scope, _ filler: TemplateFiller) -> [TableSheet] {
    var found: [TableSheet] = []
    for block in blocks {
      var filler = filler
      if let file = block.file { filler.file = file }
      if let when = block.when, !filler.holds(when, scope, line: block.line) { continue }
      switch block.kind {
      case .table(let table) where table.sheet != nil:
        let shown = table.showingColumns { filler.holds($0, scope, line: block.line) }
        if !shown.columns.isEmpty { found.append(sheet(shown, scope, filler, line: block.line)) }
      case .group(let inner):
        found += sheets(in: inner, scope, filler)
      case .each(let each):
        guard let (value, full) = scope.resolve(each.from), case .array(let items) = value else { continue }
        for rowScope in RowScopes(items, at: full, in: scope)
        where each.when.map({ filler.holds($0, rowScope, line: block.line) }) ?? true {
          found += sheets(in: each.blocks, rowScope, filler)
        }
      default: continue
      }
    }
    return found
  }

  static func sheet(_ table: Table, _ scope: Scope, _ filler: TemplateFiller, line: Int) -> TableSheet {
    var headRows = table.head
    if headRows.isEmpty, table.columns.contains(where: { !$0.header.parts.isEmpty }) {
      headRows = [table.columns.map { Table.Cell(text: $0.header) }]
    }
    let head = BlockLayout.gridPlaces(headRows, columns: table.columns.count).map { place in
      TableSheet.SpanningCell(
        text: filler.fill(place.cell.text, scope, line: line), row: place.row, column: place.column,
        span: place.cell.span, rowSpan: place.cell.rowSpan)
    }
    let columns = table.columns.count
    /// Rows of cells with spans (a footer, a group's header or footer), placed as on the page.
    func placed(_ rows: [[Table.Cell]], _ scope: Scope) -> [[TableSheet.SpanningCell]] {
      rows.enumerated().map { r, row in
        var column = 0
        var cells: [TableSheet.SpanningCell] = []
        for cell in row where column < columns {
          let span = min(cell.span, columns - column)
          cells.append(
            .init(text: filler.fill(cell.text, scope, line: line), row: r, column: column, span: span, rowSpan: 1))
          column += span
        }
        return cells
      }
    }
    let foot = placed(table.foot, scope).flatMap { $0 }
    var items: [DataValue] = []
    var base = DataPath()
    if let path = table.rows, let (value, full) = scope.resolve(path), case .array(let list) = value {
      (items, base) = (list, full)
    }
    // The engine's groups (`prepare` checked that each value's rows come together).
    let grouping = table.grouping
    let groups = grouping.map {
      BlockLayout.RowGroups($0, all: items, keys: BlockLayout.RowGroups.keys(of: $0.field, in: items))
    }
    let values = table.columns.map(\.value)
    return TableSheet(
      name: table.sheet ?? "", file: filler.file, line: line, columnTypes: table.columns.map(\.sheetType),
      columnShares: table.columns.map(\.width), head: head,
      headRows: headRows.count, foot: foot, footRows: table.foot.count,
      makeRows: {
        var scopes = RowScopes(items, at: base, in: scope)
        var pending: [TableSheet.Row] = []
        return AnyIterator {
          if !pending.isEmpty { return pending.removeFirst() }
          guard let rowScope = scopes.next() else { return nil }
          guard let grouping, let groups else { return .body(values.map { filler.fill($0, rowScope, line: line) }) }
          // As the pages do: the group's rows see its first (or last) row and `@groupRows`.
          let row = scopes.position - 1
          let rows = groups.group(of: row)
          let groupScope = rowScope.with("groupRows", .array(Array(items[rows])))
          if row == rows.lowerBound { pending += placed(grouping.head, groupScope).map(TableSheet.Row.spanning) }
          let numbered = rowScope.with("groupIndex", .number(String(row - rows.lowerBound + 1)))
          pending.append(.body(values.map { filler.fill($0, numbered, line: line) }))
          if row == rows.upperBound - 1 { pending += placed(grouping.foot, groupScope).map(TableSheet.Row.spanning) }
          return pending.removeFirst()
        }
      })
  }
}
