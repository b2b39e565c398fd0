import WenshuLayout
import WenshuRules
import WenshuWorkbook

/// A sheet read as a document's member list: the header row found by the names it holds,
/// each column mapped to the data field it fills, each row made a member. Keeps where each
/// member came from, so a problem found later (`members[10].idNumber`) is shown at the cell
/// the clerk must fix (`Sheet1!C12`).
public struct MemberSheet: Sendable {
  /// The member row fields the layout declares: name, type, whether it may be left out.
  public struct Field: Sendable {
    public let name: String
    public let type: String
    public let optional: Bool

    public init(name: String, type: String, optional: Bool) {
      self.name = name
      self.type = type
      self.optional = optional
    }
  }

  public let sheetName: String
  /// Where the list sits in the data (`members`, `unit.staff`): problems under it are the sheet's.
  public let listPath: String
  public private(set) var members: [DataValue] = []
  /// The sheet's own problems, each at its cell (`Sheet1!C12`) or the sheet.
  public private(set) var problems: [DataProblem] = []
  /// What was ignored: columns this document does not read.
  public internal(set) var warnings: [DataProblem] = []
  /// Field → 0-based column.
  public private(set) var columns: [String: Int] = [:]
  /// The sheet row of each member.
  public private(set) var rowNumbers: [Int] = []
  var missingRequired: Set<String> = []
  var cellsWithProblems: Set<String> = []

  /// Stops with `SheetError.stopped` soon after `cancellation` is cancelled (every 1,024 rows).
  public init(
    _ sheet: Sheet, fields: [Field], listPath: String = "members", cancellation: RenderCancellation? = nil
  ) throws(SheetError) {
    sheetName = sheet.name
    self.listPath = listPath
    let known = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    guard let header = Self.headerRow(sheet) else {
      let names = fields.compactMap { MemberColumns.header(forField: $0.name) }.joined(separator: "、")
      problems.append(
        DataProblem(
          path: sheet.name,
          message: "找不到表头行：前 20 行中没有“姓名”“证件号码”等列名 (no header row; expected columns such as \(names))"))
      return
    }
    for (column, cell) in header.cells.sorted(by: { $0.key < $1.key }) {
      let title = cell.text
      let place = CellName.qualified(sheet.name, CellName.column(column) + String(header.number))
      guard let field = MemberColumns.field(forHeader: title), known[field] != nil else {
        warnings.append(DataProblem(path: place, message: "列“\(title)”不是本文书读取的列，已忽略 (column ignored)"))
        continue
      }
      if columns[field] != nil {
        warnings.append(
          DataProblem(path: place, message: "列“\(title)”重复，只读取第一列 (a second column for \(field), ignored)"))
        continue
      }
      columns[field] = column
    }
    for field in fields where !field.optional && columns[field.name] == nil {
      missingRequired.insert(field.name)
      let name = MemberColumns.header(forField: field.name) ?? field.name
      problems.append(
        DataProblem(path: sheet.name, message: "缺少必填列“\(name)” (the required column \(name) is missing)"))
    }
    let date1904 = sheet.date1904
    var inHeader = true
    for (index, row) in sheet.rows.enumerated() where row.number > header.number {
      if index % 1024 == 0, cancellation?.isCancelled == true { throw .stopped }
      // The lower rows of a header merged over two (姓名 over B2:B3) are the header still.
      if inHeader, row.cells.allSatisfy({ $0.value == header.cells[$0.key] }) { continue }
      inHeader = false
      var member = DataObject()
      for field in fields {
        guard let column = columns[field.name], let cell = row.cells[column] else { continue }
        let place = CellName.qualified(sheet.name, CellName.column(column) + String(row.number))
        switch MemberCell.value(cell, type: field.type, date1904: date1904) {
        case .success(let value): member[field.name] = value
        case .failure(let problem):
          cellsWithProblems.insert(place)
          problems.append(DataProblem(path: place, message: problem.message))
        }
      }
      // A row whose read columns are all empty is not a member (a blank or a note row).
      guard member.count > 0 || columns.values.contains(where: { row.cells[$0] != nil }) else { continue }
      members.append(.object(member))
      rowNumbers.append(row.number)
    }
    if members.isEmpty && problems.isEmpty {
      problems.append(DataProblem(path: sheet.name, message: "名单中没有会员 (the list has no members below the header)"))
    }
  }

  /// The header is the row among the first 20 naming the most known columns (a title row
  /// above it, merged across, names none).
  static func headerRow(_ sheet: Sheet) -> SheetRow? {
    var best: (row: SheetRow, count: Int)?
    for row in sheet.rows.prefix(20) {
      let count = row.cells.values.filter { MemberColumns.field(forHeader: $0.text) != nil }.count
      if count > (best?.count ?? 0) { best = (row, count) }
    }
    return best?.row
  }
}
