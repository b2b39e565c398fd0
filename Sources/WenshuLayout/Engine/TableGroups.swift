/// A grouped table's rows (`groupBy:`): where each group starts and ends, found once per
/// table, and the header, continuation and footer rows each group adds to the row stream.
/// The rows stay the table's rows — `@index`, the page rows (本页人数/本页小计) and the foot
/// (合计) count across groups; the added rows are values in the same stream, kept with the
/// group's first and last row, so the paginator places them as any other row.
extension BlockLayout {
  /// The groups of a table's rows: each row's group as a range of row indices.
  final class RowGroups {
    let grouping: Table.Grouping
    /// The rows' values, for `@groupRows`.
    let all: [DataValue]
    /// The end (exclusive) of the group starting at each group's first row.
    private let ends: [Int: Int]
    /// Each row's group start.
    private let starts: [Int]
    /// A group's continuation rows, made once per group (the same on every page it goes on to).
    var carried: [Int: [Slice]] = [:]

    init(_ grouping: Table.Grouping, all: [DataValue], keys: [String]) {
      self.grouping = grouping
      self.all = all
      var starts: [Int] = []
      var ends: [Int: Int] = [:]
      var start = 0
      for i in keys.indices {
        if i > 0, keys[i] != keys[i - 1] {
          ends[start] = i
          start = i
        }
        starts.append(start)
      }
      if !keys.isEmpty { ends[start] = keys.count }
      self.starts = starts
      self.ends = ends
    }

    /// Each row's value of the grouping field, as the groups are told apart.
    static func keys(of field: DataPath, in rows: [DataValue]) -> [String] {
      rows.map { row in Scope(root: row).lookup(field)?.text ?? "" }
    }

    /// The group of row `index` (0-based).
    func group(of index: Int) -> Range<Int> {
      let start = starts[index]
      return start..<(ends[start] ?? start + 1)
    }
  }

  /// The table's groups, after checking that each value's rows come together; nil when the
  /// table is not grouped or has no rows.
  func rowGroups(_ table: Table, _ scope: Scope, _ origin: SliceOrigin) -> RowGroups? {
    guard let grouping = table.grouping, let path = table.rows,
      let (value, full) = scope.resolve(path), case .array(let all) = value
    else { return nil }
    let keys = RowGroups.keys(of: grouping.field, in: all)
    var seen: [String: Int] = [:]  // each value's last row
    for (i, key) in keys.enumerated() {
      if let last = seen[key], last != i - 1 {
        filler.problems.report(
          DataProblem(
            path: "\(full)[\(i)].\(grouping.field)",
            message:
              "数据未按 \(grouping.field) 排序：「\(key)」已在 \(full)[\(last)] 出现，中间隔有其他值 (grouped rows must come sorted by \(grouping.field): this row breaks the order) (\(origin.file):\(origin.line))"
          ))
        break
      }
      seen[key] = i
    }
    return RowGroups(grouping, all: all, keys: keys)
  }

  /// A row's scope with `@groupIndex`, its number within its group.
  func groupedScope(_ rowScope: Scope, _ groups: RowGroups) -> Scope {
    guard let row = rowScope.rowIndex.map({ $0 - 1 }), groups.all.indices.contains(row) else { return rowScope }
    let group = groups.group(of: row)
    return rowScope.with("groupIndex", .number(String(row - group.lowerBound + 1)))
  }

  /// The rows a group adds around row `row`'s own slices: its header before its first row, its
  /// footer after its last; every slice of the group repeats the continuation rows when it
  /// starts a page. `repeated` is what the table repeats at a page's top.
  func grouped(
    _ rowSlices: [Slice], row rowScope: Scope, _ groups: RowGroups, _ table: Table,
    frames: [(x: Double, width: Double)], repeated: [Slice], ledger: Ledger?, origin: SliceOrigin
  ) -> [Slice] {
    guard let row = rowScope.rowIndex.map({ $0 - 1 }), groups.all.indices.contains(row) else { return rowSlices }
    let group = groups.group(of: row)
    let groupScope = rowScope.with("groupRows", .array(Array(groups.all[group])))
    func made(_ cells: [[Table.Cell]]) -> [Slice] {
      var slices = footRows(cells, table, frames: frames, scope: groupScope, room: pageHeight, origin)
      for i in slices.indices {
        if let ledger { slices[i].ledgerRow = (ledger, row, false) }  // room for the page rows too
      }
      return slices
    }
    let carried: [Slice]
    if let known = groups.carried[group.lowerBound] {
      carried = known
    } else {
      carried = groups.grouping.carryHead.isEmpty ? [] : [Slice.stack(made(groups.grouping.carryHead))]
      groups.carried = [group.lowerBound: carried]  // only the current group's is needed again
    }
    var slices = rowSlices
    for i in slices.indices { slices[i].repeatHeader = repeated + carried }
    if row == group.lowerBound, !groups.grouping.head.isEmpty {
      var head = made(groups.grouping.head)
      for i in head.indices {
        head[i].keepWithNext = true
        head[i].repeatHeader = repeated
      }
      slices = head + slices
    }
    if row == group.upperBound - 1, !groups.grouping.foot.isEmpty {
      var foot = made(groups.grouping.foot)
      for i in foot.indices {
        foot[i].repeatHeader = repeated + carried
        foot[i].keepWithNext = i < foot.count - 1
      }
      slices[slices.count - 1].keepWithNext = true
      slices += foot
    }
    return slices
  }
}
