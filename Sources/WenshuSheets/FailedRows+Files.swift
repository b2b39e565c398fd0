extension FailedRows {
  static let rowNumberTitle = "原行号"
  static let reasonTitle = "失败原因"
  static let generalTitle = "表格问题"
  static let rowsTitle = "失败人员"

  /// The workbook handed back: a first sheet of the problems not about a row (only when
  /// there are such), then the failed rows under the input's header, each with its original
  /// row number and its reasons, every offending cell filled red with its problem as a comment.
  public func workbook() throws -> [UInt8] {
    var sheets: [WorkbookXLSX.Worksheet] = []
    if !general.isEmpty {
      var sheet = WorkbookXLSX.Worksheet(name: Self.generalTitle)
      sheet.rows.append([0: .text("位置", .header), 1: .text("问题", .header)])
      for problem in general {
        sheet.rows.append([0: .text(problem.path), 1: .text(Self.clerkWords(problem.message), .wrapped)])
      }
      sheet.columnWidths = [0: 24, 1: 80]
      sheet.frozenRows = 1
      sheets.append(sheet)
    }
    var sheet = WorkbookXLSX.Worksheet(name: Self.rowsTitle)
    var titles: [Int: WorkbookXLSX.Cell] = header.mapValues { .text($0.text, .header) }
    titles[columnCount] = .text(Self.rowNumberTitle, .header)
    titles[columnCount + 1] = .text(Self.reasonTitle, .header)
    sheet.rows.append(titles)
    for row in rows {
      var cells: [Int: WorkbookXLSX.Cell] = [:]
      for (column, cell) in row.cells {
        let marked = row.marked[column] != nil
        let isDate = dateColumns.contains(column)
        switch cell {
        case .number(let literal):
          cells[column] = .number(literal, isDate ? (marked ? .markedDate : .date) : (marked ? .markedText : .text))
        case .text, .bool, .error, .formula:  // as text, never a formula: the clerk sees what the cell showed
          cells[column] = .text(cell.text, marked ? .markedText : .text)
        }
      }
      // A cell to fix that is empty (a missing name) is filled too, so the clerk sees where.
      for column in row.marked.keys where cells[column] == nil { cells[column] = .text("", .markedText) }
      cells[columnCount] = .number(String(row.number))
      cells[columnCount + 1] = .text(row.reasons.joined(separator: "；"), .wrapped)
      sheet.rows.append(cells)
      let r = sheet.rows.count
      for (column, words) in row.marked.sorted(by: { $0.key < $1.key }) {
        sheet.comments.append((column, r, words.joined(separator: "；")))
      }
    }
    for column in 0..<columnCount { sheet.columnWidths[column] = 16 }
    sheet.columnWidths[columnCount] = 8
    sheet.columnWidths[columnCount + 1] = 60
    sheet.frozenRows = 1
    sheets.append(sheet)
    return try WorkbookXLSX.write(sheets)
  }

  /// The same as CSV (UTF-8 with the BOM Excel needs to read Chinese), for a CSV list: the
  /// problems not about a row come first below the header, with only their reason filled
  /// (a row with none of the list's columns is skipped when the file is read again).
  public func csv() -> [UInt8] {
    var lines: [[String]] = []
    var titles = (0..<columnCount).map { header[$0]?.text ?? "" }
    titles += [Self.rowNumberTitle, Self.reasonTitle]
    lines.append(titles)
    for problem in general {
      let place = problem.path == sheetName ? "" : problem.path + "："
      lines.append(Array(repeating: "", count: columnCount + 1) + [place + Self.clerkWords(problem.message)])
    }
    for row in rows {
      var fields = (0..<columnCount).map { row.cells[$0]?.text ?? "" }
      fields += [String(row.number), row.reasons.joined(separator: "；")]
      lines.append(fields)
    }
    return CSVWriter.write(lines)
  }
}
