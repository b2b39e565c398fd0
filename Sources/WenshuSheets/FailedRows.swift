import WenshuLayout

/// The rows of a member list that failed, each with its reasons: what the clerk fixes and
/// uploads again (the offices' 导入失败人员下载). Built from the problems as they are shown
/// to the clerk (`Sheet1!C12: …`, `Sheet1 第12行: …`, `Sheet1: …`): a problem at a cell or
/// a row belongs to that row; any other (a missing column, a field outside the list) is
/// `general`.
public struct FailedRows: Sendable {
  public struct Row: Sendable {
    /// The row's number in the clerk's sheet.
    public let number: Int
    /// The cells as read, by 0-based column.
    public let cells: [Int: SheetCell]
    /// Every problem of the row, in the clerk's words, the column's header first.
    public internal(set) var reasons: [String] = []
    /// The offending cells' columns, each with what is wrong there.
    public internal(set) var marked: [Int: [String]] = [:]
  }

  public let sheetName: String
  /// The header row's cells, by column, and how many columns the sheet has.
  public let header: [Int: SheetCell]
  public let columnCount: Int
  /// Columns read as dates: a number there is a date serial.
  public let dateColumns: Set<Int>
  /// The failed rows in the sheet's order.
  public private(set) var rows: [Row] = []
  /// Problems not about one row, as shown (`Sheet1: 缺少必填列“证件号码”`).
  public private(set) var general: [DataProblem] = []

  public var isEmpty: Bool { rows.isEmpty && general.isEmpty }

  public init(sheet: Sheet, list: MemberSheet, fields: [MemberSheet.Field], problems: [DataProblem]) {
    sheetName = sheet.name
    let headerRow = MemberSheet.headerRow(sheet)
    header = headerRow?.cells ?? [:]
    columnCount = sheet.rows.reduce(0) { max($0, ($1.cells.keys.max() ?? -1) + 1) }
    dateColumns = Set(fields.filter { $0.type == "date" }.compactMap { list.columns[$0.name] })
    let byNumber = Dictionary(sheet.rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
    var found: [Int: Row] = [:]
    let cellPrefix = CellName.qualified(sheet.name, "")
    let rowPrefix = "\(sheet.name) 第"
    for problem in problems {
      let words = Self.clerkWords(problem.message)
      if problem.path.hasPrefix(cellPrefix),
        let (column, number) = CellName.parse(problem.path.dropFirst(cellPrefix.count)),
        let row = byNumber[number]
      {
        let title = header[column]?.text ?? CellName.column(column)
        found[number, default: Row(number: number, cells: row.cells)].reasons.append("\(title)：\(words)")
        found[number]!.marked[column, default: []].append(words)
      } else if problem.path.hasPrefix(rowPrefix), problem.path.hasSuffix("行"),
        let number = Int(problem.path.dropFirst(rowPrefix.count).dropLast()), let row = byNumber[number]
      {
        found[number, default: Row(number: number, cells: row.cells)].reasons.append(words)
      } else {
        general.append(problem)
      }
    }
    rows = found.values.sorted { $0.number < $1.number }
  }

  /// A message without its English gloss: `校验位错误，应为 2 (check character …)` →
  /// `校验位错误，应为 2`. The gloss is the part from the first ` (` and a Latin letter (the
  /// Chinese text uses full-width brackets); it may name a row (`… as Sheet1 第2行)`).
  static func clerkWords(_ message: String) -> String {
    guard message.hasSuffix(")") else { return message }
    var from = message.startIndex
    while let open = message.range(of: " (", range: from..<message.endIndex) {
      if open.lowerBound > message.startIndex, let first = message[open.upperBound...].first, first.isASCII,
        first.isLetter
      {
        return String(message[..<open.lowerBound])
      }
      from = open.upperBound
    }
    return message
  }
}
