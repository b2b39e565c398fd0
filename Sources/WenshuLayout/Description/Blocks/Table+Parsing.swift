import Graphics
import Yams

/// Tables: columns, header and footer rows with their spans.
extension LayoutParser {
  func table(_ node: Node, styles: [String: TextStyle], style outer: Node?) throws(LayoutError) -> Table {
    var f = try YAMLFields(node, what: "table", file: file)
    let rows = try f.take("rows").map(path)
    guard let colsNode = f.take("columns"), case .sequence(let seq) = colsNode, !seq.isEmpty else {
      throw f.error(
        "a table needs columns: a list of {header, value, width, align}\(f.misspelling(of: "columns"))")
    }
    var columns: [Table.Column] = []
    for n in seq {
      var c = try YAMLFields(n, what: "a table column", file: file)
      let header = try c.take("header").map(template) ?? Template(literal: "")
      let value = try template(required(c.take("value"), in: c, key: "value"))
      let width =
        try c.take("width").map { n throws(LayoutError) in
          guard let w = n.float, w > 0 else {
            throw c.error("width is a positive number (a share of the table width)", at: n)
          }
          return w
        } ?? 1
      // The column's own style: its alignment unless `align:` says otherwise.
      var columnStyle: String?
      if let n = c.take("style") {
        guard let s = n.string, styles[s] != nil else { throw c.error("unknown style '\(n.string ?? "")'", at: n) }
        columnStyle = s
      }
      let align = try c.take("align").map(alignment) ?? columnStyle.flatMap { styles[$0]?.alignment } ?? .left
      var column = Table.Column(header: header, value: value, width: width, alignment: align)
      column.style = columnStyle
      if let v = c.take("valign") {
        guard let s = v.string, let a = Table.VerticalAlignment(rawValue: s) else {
          throw c.error("valign is top, middle or bottom", at: v)
        }
        column.verticalAlignment = a
      }
      if let n = c.take("fill") {
        guard let text = n.string, let color = Color(hex: text) else { throw c.error("fill is #rrggbb", at: n) }
        column.fill = color
      }
      if let n = c.take("noBreak") { column.noBreak = try bool(n) }
      column.when = try c.take("when").map(condition)
      if let n = c.take("minSize") {
        guard column.noBreak else { throw c.error("minSize goes with noBreak: true", at: n) }
        column.minSize = try length(n)
      }
      if let n = c.take("sheetType") {
        guard let s = n.string, let type = Table.SheetType(rawValue: s) else {
          throw c.error("sheetType is text, number, amount or date", at: n)
        }
        column.sheetType = type
      }
      try c.finish()
      columns.append(column)
    }
    let border: Table.Border =
      try f.take("border").map { n throws(LayoutError) in
        guard let s = n.string, let b = Table.Border(rawValue: s) else {
          throw f.error("border is grid, rows or none", at: n)
        }
        return b
      } ?? .grid
    let continuation = try f.take("continuation").map(template)
    let padding = try f.take("padding").map(length) ?? 3
    let minRowHeight = try f.take("minRowHeight").map(length) ?? 0
    func style(_ key: String, _ d: String) throws(LayoutError) -> String {
      guard let n = f.take(key) else { return d }
      guard let s = n.string, styles[s] != nil else { throw f.error("unknown style", at: n) }
      return s
    }
    let headerStyle = try style("headerStyle", "tableHeader")
    let cellStyle = try innerStyle(f.take("cellStyle"), outer: outer, in: f, styles: styles) ?? "tableCell"
    let footerStyle = try style("footerStyle", cellStyle)
    let head =
      try f.take("head").map { n throws(LayoutError) in
        try cellRows(n, columns: columns.count, styles: styles, spansRows: true)
      } ?? []
    let foot =
      try f.take("foot").map { n throws(LayoutError) in
        try cellRows(n, columns: columns.count, styles: styles, spansRows: false)
      } ?? []
    func pageRows(_ key: String) throws(LayoutError) -> [[Table.Cell]] {
      guard let n = f.take(key) else { return [] }
      guard rows != nil else { throw f.error("\(key) is for a table bound to rows (rows:)", at: n) }
      return try cellRows(n, columns: columns.count, styles: styles, spansRows: false)
    }
    let pageFoot = try pageRows("pageFoot")
    let carryFoot = try pageRows("carryFoot")
    let carryHead = try pageRows("carryHead")
    let grouping = try self.grouping(&f, rows: rows, columns: columns.count, styles: styles)
    let spanned =
      grouping != nil || !(head.isEmpty && foot.isEmpty && pageFoot.isEmpty && carryFoot.isEmpty && carryHead.isEmpty)
    if spanned, columns.contains(where: { $0.when != nil }) {
      throw f.error(
        "a column with when: cannot be in a table with head:, foot: or per-page rows (their spans count the columns); give the whole table a when: instead"
      )
    }
    let sheet = try f.take("sheet").map { n throws(LayoutError) in
      guard let s = n.string, s.contains(where: { !$0.isWhitespace }), rows != nil else {
        throw f.error("sheet names the spreadsheet tab of a table bound to rows (rows:), e.g. sheet: 会员名单", at: n)
      }
      return s
    }
    try f.finish()
    var table = Table(
      rows: rows, columns: columns, border: border, headerStyle: headerStyle, cellStyle: cellStyle,
      continuation: continuation, padding: padding, minRowHeight: minRowHeight)
    table.head = head
    table.foot = foot
    table.pageFoot = pageFoot
    table.carryFoot = carryFoot
    table.carryHead = carryHead
    table.footerStyle = footerStyle
    table.sheet = sheet
    table.grouping = grouping
    return table
  }

  /// Header (`head:`) or footer (`foot:`) rows: each a list of cells, a cell a template or
  /// `{ text, span, rowSpan, align, style }`. Every row must fill the columns exactly, counting
  /// the cells that span down into it from above.
  func cellRows(_ node: Node, columns: Int, styles: [String: TextStyle], spansRows: Bool) throws(LayoutError) -> [[Table
    .Cell]]
  {
    guard case .sequence(let rowNodes) = node, !rowNodes.isEmpty else {
      throw LayoutError(file: file, line: node.line, message: "expected a list of rows, each a list of cells")
    }
    var rows: [[Table.Cell]] = []
    var below = Array(repeating: 0, count: columns)  // rows still taken by a cell spanning down
    for rowNode in rowNodes {
      guard case .sequence(let cellNodes) = rowNode else {
        throw LayoutError(file: file, line: rowNode.line, message: "a row is a list of cells")
      }
      var row: [Table.Cell] = []
      var column = 0
      for cellNode in cellNodes {
        var cell: Table.Cell
        if case .mapping = cellNode {
          var c = try YAMLFields(cellNode, what: "a table cell", file: file)
          cell = Table.Cell(text: try c.take("text").map(template) ?? Template(literal: ""))
          cell.span = try c.take("span").map { n throws(LayoutError) in try int(n, 1...columns) } ?? 1
          if let n = c.take("rowSpan") {
            guard spansRows else { throw c.error("rowSpan is for header rows (head:)", at: n) }
            cell.rowSpan = try int(n, 1...rowNodes.count)
          }
          cell.alignment = try c.take("align").map(alignment)
          if let n = c.take("style") {
            guard let s = n.string, styles[s] != nil else { throw c.error("unknown style '\(n.string ?? "")'", at: n) }
            cell.style = s
          }
          try c.finish()
        } else {
          cell = Table.Cell(text: try template(cellNode))
        }
        while column < columns && below[column] > 0 { column += 1 }
        guard column + cell.span <= columns else {
          throw LayoutError(
            file: file, line: cellNode.line, message: "this row has more cells than the table's \(columns) columns")
        }
        for c in column..<(column + cell.span) { below[c] = cell.rowSpan }
        column += cell.span
        row.append(cell)
      }
      while column < columns && below[column] > 0 { column += 1 }
      guard column == columns else {
        throw LayoutError(
          file: file, line: rowNode.line,
          message: "this row covers \(column) of the table's \(columns) columns (spans included): it must cover all")
      }
      for c in 0..<columns { below[c] = max(0, below[c] - 1) }
      rows.append(row)
    }
    guard below.allSatisfy({ $0 == 0 }) else {
      throw LayoutError(file: file, line: node.line, message: "a cell spans more rows than there are")
    }
    return rows
  }
}
