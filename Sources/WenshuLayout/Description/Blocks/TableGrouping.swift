import Graphics
import Yams

extension Table {
  /// A table's rows in groups of equal `field` (a member list by 所在工会), as report writers'
  /// group bands: a header row where the value changes, repeated at the top of a page that
  /// continues the group, and a footer row closing it. The data must come sorted by the
  /// field (each value's rows together); a row out of order is refused, naming it.
  public struct Grouping: Sendable {
    /// A field of the rows (`union`, `unit.name`).
    public var field: DataPath
    /// Rows printed where a group starts, filled from its first row and `@groupRows`.
    public var head: [[Cell]] = []
    /// Rows printed under the repeated header on a page that continues the group (`…（续）`);
    /// empty: none.
    public var carryHead: [[Cell]] = []
    /// Rows printed after a group's last row: its count and sums from `@groupRows`.
    public var foot: [[Cell]] = []
  }
}

extension LayoutParser {
  /// `groupBy:` with `groupHead:`, `groupCarryHead:` and `groupFoot:` of a table bound to rows.
  func grouping(_ f: inout YAMLFields, rows: DataPath?, columns: Int, styles: [String: TextStyle]) throws(LayoutError)
    -> Table.Grouping?
  {
    let keys = ["groupHead", "groupCarryHead", "groupFoot"]
    guard let by = f.take("groupBy") else {
      if let stray = keys.first(where: { f.take($0) != nil }) {
        throw f.error("\(stray) goes with groupBy: (the rows' field the groups are made by)")
      }
      return nil
    }
    guard rows != nil else { throw f.error("groupBy is for a table bound to rows (rows:)", at: by) }
    let field = try path(by)
    guard field.variable == nil, !field.components.isEmpty else {
      throw f.error("groupBy names a field of the rows, e.g. groupBy: union", at: by)
    }
    var grouping = Table.Grouping(field: field)
    func cells(_ key: String) throws(LayoutError) -> [[Table.Cell]] {
      guard let n = f.take(key) else { return [] }
      return try cellRows(n, columns: columns, styles: styles, spansRows: false)
    }
    grouping.head = try cells("groupHead")
    grouping.carryHead = try cells("groupCarryHead")
    grouping.foot = try cells("groupFoot")
    return grouping
  }
}
