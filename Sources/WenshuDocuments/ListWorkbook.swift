import WenshuLayout
import WenshuWorkbook

/// A document's row tables as a workbook (the offices' 人员清单下载): one tab per table its
/// layout exports (`sheet:`), the document's title and number above the table's header, and
/// each cell the text the pages print, as a number or a date where the column declares one
/// (`sheetType:`) and the printed text reads as one, else as that text. Nothing is formatted
/// again here: a masked ID number stays masked, 1,234.50 is 1234.5 shown with two decimals.
public enum ListWorkbook {
  public static let mediaType = WorkbookXLSX.contentType

  /// The workbook, or nil when the document's layout exports no table.
  public static func bytes(_ prepared: PreparedDocument) throws -> [UInt8]? {
    let tables = prepared.tableSheets()
    guard !tables.isEmpty else { return nil }
    var names: Set<String> = []
    let sheets = tables.enumerated().map { i, table in
      var sheet = worksheet(table, title: prepared.info.title, reference: prepared.reference)
      sheet.name = uniqueName(table.name, index: i + 1, taken: &names)
      return sheet
    }
    return try WorkbookXLSX.write(sheets)
  }

  /// The tab names of the tables a document exports, as its layout names them.
  public static func tableNames(_ layout: LayoutDescription) -> [String] {
    func names(_ blocks: [Block]) -> [String] {
      blocks.flatMap { block -> [String] in
        switch block.kind {
        case .table(let table): table.sheet.map { [$0] } ?? []
        case .group(let inner): names(inner)
        case .each(let each): names(each.blocks)
        default: []
        }
      }
    }
    return names(layout.body)
  }

  static func worksheet(_ table: TableSheet, title: String, reference: String?) -> WorkbookXLSX.Worksheet {
    var sheet = WorkbookXLSX.Worksheet(name: table.name)
    let columns = table.columnTypes.count
    sheet.rows.append([0: .text(title, .title)])
    if columns > 1 { sheet.merges.append(((0, 1), (columns - 1, 1))) }
    if let reference, !reference.isEmpty, !title.contains(reference) {
      sheet.rows.append([0: .text("编号：" + reference)])
    }
    sheet.rows.append([:])
    let headTop = sheet.rows.count + 1
    var head = Array(repeating: WorkbookXLSX.Row(), count: table.headRows)
    for cell in table.head {
      head[cell.row][cell.column] = .text(cell.text, .header)
      if cell.span > 1 || cell.rowSpan > 1 {
        sheet.merges.append(
          ((cell.column, headTop + cell.row), (cell.column + cell.span - 1, headTop + cell.row + cell.rowSpan - 1)))
      }
    }
    sheet.rows += head
    sheet.frozenRows = sheet.rows.count
    // The page's proportions, in characters: a wide column on paper is wide in the sheet.
    let total = max(table.columnShares.reduce(0, +), 0.1)
    for (i, share) in table.columnShares.enumerated() { sheet.columnWidths[i] = max(8, (share / total * 80).rounded()) }
    let types = table.columnTypes
    /// A row of spanning cells (a group's header or footer, the footer): a cell over one
    /// column keeps that column's type, a wider one is text.
    func spanning(_ cells: [TableSheet.SpanningCell]) -> WorkbookXLSX.StreamedRow {
      var row = WorkbookXLSX.Row()
      var merged: [ClosedRange<Int>] = []
      for cell in cells {
        row[cell.column] = Self.cell(cell.text, cell.span == 1 ? types[cell.column] : .text)
        if cell.span > 1 { merged.append(cell.column...(cell.column + cell.span - 1)) }
      }
      return .init(row, merged: merged)
    }
    let foot = (0..<table.footRows).map { r in spanning(table.foot.filter { $0.row == r }) }
    sheet.streamedRows = {
      let body = table.rows()
      var rest = foot.makeIterator()
      return AnyIterator {
        switch body.next() {
        case .body(let texts):
          var row = WorkbookXLSX.Row()
          for (i, text) in texts.enumerated() { row[i] = cell(text, types[i]) }
          return .init(row)
        case .spanning(let cells): return spanning(cells)
        case nil: return rest.next()
        }
      }
    }
    return sheet
  }

  /// The printed text as the column's declared type, when it reads as one; else the text.
  static func cell(_ text: String, _ type: Table.SheetType) -> WorkbookXLSX.Cell? {
    guard !text.isEmpty else { return nil }
    switch type {
    case .text: break
    case .number:
      if let (literal, grouped) = PrintedNumber.read(text) {
        return .number(literal, grouped ? .groupedNumber : .plain)
      }
    case .amount:
      // Below 1,000 grouped or not look the same: a money column keeps one format throughout.
      if let (literal, grouped) = PrintedNumber.read(text), PrintedNumber.decimals(literal) <= 2 {
        let plain = !grouped && PrintedNumber.read(text).map { abs(Double($0.literal) ?? 0) >= 1000 } == true
        return .number(literal, plain ? .plainAmount : .amount)
      }
    case .date:
      if let (serial, style) = PrintedDate.read(text) { return .number(String(serial), style) }
    }
    return .text(text)
  }

  /// Excel's rules for tab names, and no two alike (两个 会员名单 → 会员名单, 会员名单 (2)).
  static func uniqueName(_ name: String, index: Int, taken: inout Set<String>) -> String {
    let base = WorkbookXLSX.sheetName(name, index: index)
    var candidate = base
    var n = 2
    while taken.contains(candidate.lowercased()) {
      let suffix = " (\(n))"
      candidate = String(base.prefix(31 - suffix.count)) + suffix
      n += 1
    }
    taken.insert(candidate.lowercased())
    return candidate
  }
}
