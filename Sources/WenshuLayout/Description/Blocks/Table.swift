import Graphics

public struct Table: Sendable {
  public struct Column: Sendable {
    public var header: Template
    public var value: Template
    /// Relative width (the columns share the width in proportion).
    public var width: Double
    public var alignment: TextStyle.Alignment
    public var verticalAlignment: VerticalAlignment = .middle
    /// The cells' style when not the table's (a bold label column).
    public var style: String?
    /// A shade under the column's cells.
    public var fill: Color?
    /// Text that must not break — codes, amounts, dates: set on one line, shrunk to fit
    /// down to `minSize`, refused below that.
    public var noBreak = false
    public var minSize: Double = 6
    /// Shown when this holds, decided once per table from the data around the table (not
    /// per row); the shown columns share the width.
    public var when: Condition? = nil
    /// What its printed text is in a spreadsheet (`sheetType:`): text unless declared.
    public var sheetType: SheetType = .text
  }
  /// How a column's printed text goes into a spreadsheet cell: as text, or read back as the
  /// number, amount (two decimals) or date it prints, so a sheet sorts and sums as it reads.
  public enum SheetType: String, Sendable, CaseIterable { case text, number, amount, date }
  public enum VerticalAlignment: String, Sendable { case top, middle, bottom }
  /// A cell of a header or footer row, spanning columns and rows.
  public struct Cell: Sendable {
    public var text: Template
    public var span: Int = 1
    public var rowSpan: Int = 1
    public var alignment: TextStyle.Alignment?
    public var style: String?
  }
  public enum Border: String, Sendable { case grid, rows, none }
  /// The array the rows are bound to; `nil` for a table of fixed rows.
  public var rows: DataPath?
  public var columns: [Column]
  /// Header rows, repeated on every page the table continues on; empty: one row of the
  /// columns' headers (none when they are all empty).
  public var head: [[Cell]] = []
  /// Footer rows (合计), kept on the page of at least the table's last row.
  public var foot: [[Cell]] = []
  /// Rows at the foot of every page the table has rows on (本页小计), rows added there when
  /// the table goes on past the page (过次页), and rows under the repeated header on the
  /// pages it continues on (承前页): see `BlockLayout.ledger`.
  public var pageFoot: [[Cell]] = []
  public var carryFoot: [[Cell]] = []
  public var carryHead: [[Cell]] = []
  public var border: Border
  public var headerStyle: String
  public var cellStyle: String
  public var footerStyle: String = "tableCell"
  /// Printed above the repeated header on later pages, e.g. `续表`.
  public var continuation: Template?
  public var padding: Double
  public var minRowHeight: Double
  /// The sheet's name when the table is exported as a spreadsheet (`sheet:`); nil: not exported.
  public var sheet: String? = nil
  /// Rows in groups of one field's value, with group header and footer rows (`groupBy:`).
  public var grouping: Grouping? = nil
}

extension Table {
  /// The table with only the columns whose `when:` holds.
  public func showingColumns(where holds: (Condition) -> Bool) -> Table {
    guard columns.contains(where: { $0.when != nil }) else { return self }
    var copy = self
    copy.columns = columns.filter { $0.when.map(holds) ?? true }
    return copy
  }
}

extension Table {
  static let templateLocations = [
    "table.header", "table.columns.when", "table.value", "table.continuation", "table.head", "table.foot",
    "table.pageFoot", "table.carryFoot", "table.carryHead", "table.groupHead", "table.groupCarryHead",
    "table.groupFoot",
  ]
  /// Cells are decided before the table is placed; only the per-page rows are filled where
  /// they land. A row's cells read its item when the table is bound to rows.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    func cells(_ rows: [[Cell]], _ scope: TemplateUse.Scope, placed: Bool, at location: String) {
      uses.add(rows.joined().map(\.text), scope, placed: placed, at: location)
    }
    uses.add(columns.map(\.header), .block, placed: false, at: "table.header")
    uses.add(columns.flatMap { $0.when?.templates ?? [] }, .block, placed: false, at: "table.columns.when")
    uses.add(columns.map(\.value), rows == nil ? .block : .item, placed: false, at: "table.value")
    uses.add(continuation.map { [$0] } ?? [], .block, placed: false, at: "table.continuation")
    cells(head, .block, placed: false, at: "table.head")
    cells(foot, .block, placed: false, at: "table.foot")
    cells(pageFoot, .pageRows, placed: true, at: "table.pageFoot")
    cells(carryFoot, .pageRows, placed: true, at: "table.carryFoot")
    cells(carryHead, .pageRows, placed: true, at: "table.carryHead")
    if let g = grouping {
      cells(g.head, .group, placed: false, at: "table.groupHead")
      cells(g.carryHead, .group, placed: false, at: "table.groupCarryHead")
      cells(g.foot, .group, placed: false, at: "table.groupFoot")
    }
    return uses
  }
}
