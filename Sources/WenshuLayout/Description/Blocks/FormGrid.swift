import Graphics
import Yams

/// A boxed form as offices draw them (申领审批表): rows of label and value cells on one grid
/// of columns, cells spanning columns and rows, label cells styled once for the whole form,
/// a row of ☐/☑ choices from an enumerated field, and boxes to sign or seal with a caption
/// and a date line. One grid keeps every row's columns in step.
public struct FormGrid: Sendable {
  /// The grid's columns as shares of the body's width.
  public var columns: [Double]
  public var rows: [[Cell]]
  /// The label cells' style and shade, set once.
  public var labelStyle: String
  public var labelFill: Color?
  /// The value cells' style.
  public var style: String
  public var padding: Double
  /// Every row at least this tall.
  public var minRowHeight: Double

  public struct Cell: Sendable {
    public enum Content: Sendable {
      /// A label (`label:`), in the form's label style and shade.
      case label(Template)
      /// A value (a template, or `text:`).
      case value(Template)
      /// ☑ or ☐ before each of the field's declared choices (`choices:`): the choices come
      /// from its `{ enum: […] }` under `data:`, one marked for an enum, any number for a list.
      case choices(DataPath, options: [String], several: Bool)
      /// A box to sign or seal (`sign:`): its caption at the top and a date line at the foot.
      case signature(caption: Template, date: Template?)
    }
    public var content: Content
    public var span = 1
    public var rowSpan = 1
    public var alignment: TextStyle.Alignment?
    public var style: String?
    public var fill: Color?
    /// The row is at least this tall (a box to sign in).
    public var height: Double = 0
    public var line: Int

    /// The templates the cell prints.
    public var templates: [Template] {
      switch content {
      case .label(let t), .value(let t): [t]
      case .choices: []
      case .signature(let caption, let date): [caption] + (date.map { [$0] } ?? [])
      }
    }
  }
}

extension FormGrid {
  static let templateLocations = ["form.label", "form.value", "form.choices", "form.sign", "form.sign.date"]
  /// Every cell's templates, and the field a choices cell marks (read as any field is).
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    for cell in rows.joined() {
      switch cell.content {
      case .label(let t): uses.add([t], .block, placed: true, at: "form.label")
      case .value(let t): uses.add([t], .block, placed: true, at: "form.value")
      case .choices(let path, _, _): uses.append(TemplateUse(path: path, .block, at: "form.choices"))
      case .signature(let caption, let date):
        uses.add([caption], .block, placed: true, at: "form.sign")
        uses.add(date.map { [$0] } ?? [], .block, placed: true, at: "form.sign.date")
      }
    }
    return uses
  }
}

extension LayoutParser {
  /// `form: { columns, label, style, padding, minRowHeight, rows }`.
  func formGrid(_ node: Node, styles: [String: TextStyle], style outer: Node?) throws(LayoutError) -> FormGrid {
    var f = try YAMLFields(node, what: "form", file: file)
    guard let colsNode = f.take("columns"), case .sequence(let widths) = colsNode, !widths.isEmpty else {
      throw f.error("a form needs columns: the grid's column widths as shares, e.g. [2, 3, 2, 3]")
    }
    let columns = try widths.map { n throws(LayoutError) -> Double in
      guard let w = n.float, w > 0 else { throw f.error("a column's width is a positive share", at: n) }
      return w
    }
    func styleName(_ n: Node, in fields: YAMLFields) throws(LayoutError) -> String {
      guard let s = n.string, styles[s] != nil else {
        throw fields.error(
          "unknown style '\(n.string ?? "")'\(Suggestion.didYouMean(n.string ?? "", among: styles.keys.sorted()))",
          at: n)
      }
      return s
    }
    func color(_ n: Node, in fields: YAMLFields) throws(LayoutError) -> Color {
      guard let text = n.string, let c = Color(hex: text) else { throw fields.error("fill is #rrggbb", at: n) }
      return c
    }
    var labelStyle = "label"
    var labelFill: Color?
    if let n = f.take("label") {
      var l = try YAMLFields(n, what: "a form's label defaults", file: file)
      if let s = l.take("style") { labelStyle = try styleName(s, in: l) }
      if let c = l.take("fill") { labelFill = try color(c, in: l) }
      try l.finish()
    }
    let style = try innerStyle(f.take("style"), outer: outer, in: f, styles: styles) ?? "tableCell"
    let padding = try f.take("padding").map(length) ?? 3
    let minRowHeight = try f.take("minRowHeight").map(length) ?? 0
    guard let rowsNode = f.take("rows"), case .sequence(let rowNodes) = rowsNode, !rowNodes.isEmpty else {
      throw f.error("a form needs rows: a list of rows, each a list of cells\(f.misspelling(of: "rows"))")
    }
    var rows: [[FormGrid.Cell]] = []
    var below = Array(repeating: 0, count: columns.count)  // rows still taken by a cell spanning down
    for rowNode in rowNodes {
      guard case .sequence(let cellNodes) = rowNode else {
        throw LayoutError(file: file, line: rowNode.line, message: "a form row is a list of cells")
      }
      var row: [FormGrid.Cell] = []
      var column = 0
      for cellNode in cellNodes {
        let cell = try formCell(cellNode, columns: columns.count, rows: rowNodes.count, styleName, color)
        while column < columns.count && below[column] > 0 { column += 1 }
        guard column + cell.span <= columns.count else {
          throw LayoutError(
            file: file, line: cellNode.line,
            message: "this row has more cells than the form's \(columns.count) columns (spans included)")
        }
        for c in column..<(column + cell.span) { below[c] = cell.rowSpan }
        column += cell.span
        row.append(cell)
      }
      while column < columns.count && below[column] > 0 { column += 1 }
      guard column == columns.count else {
        throw LayoutError(
          file: file, line: rowNode.line,
          message:
            "this row covers \(column) of the form's \(columns.count) columns (spans included): it must cover all")
      }
      for c in below.indices { below[c] = max(0, below[c] - 1) }
      rows.append(row)
    }
    guard below.allSatisfy({ $0 == 0 }) else {
      throw LayoutError(file: file, line: rowsNode.line, message: "a cell spans more rows than there are")
    }
    try f.finish()
    return FormGrid(
      columns: columns, rows: rows, labelStyle: labelStyle, labelFill: labelFill, style: style, padding: padding,
      minRowHeight: minRowHeight)
  }

  /// A cell: a template (a value), or `{ label | text | choices | sign, span, rowSpan, align,
  /// style, fill, height }` (`date:` with `sign:`).
  private func formCell(
    _ node: Node, columns: Int, rows: Int, _ styleName: (Node, YAMLFields) throws(LayoutError) -> String,
    _ color: (Node, YAMLFields) throws(LayoutError) -> Color
  ) throws(LayoutError) -> FormGrid.Cell {
    guard case .mapping = node else { return FormGrid.Cell(content: .value(try template(node)), line: node.line) }
    var c = try YAMLFields(node, what: "a form cell", file: file)
    let kinds = ["label", "text", "choices", "sign"].filter { c.keys.contains($0) }
    guard kinds.count == 1, let kind = kinds.first else {
      throw c.error("a form cell is one of label:, text:, choices: or sign: (or a template)")
    }
    let value = c.take(kind)!
    let content: FormGrid.Cell.Content
    switch kind {
    case "label": content = .label(try template(value))
    case "text": content = .value(try template(value))
    case "choices": content = .choices(try path(value), options: [], several: false)
    default:
      let date = try c.take("date").map { n throws(LayoutError) -> Template in
        if n.bool == true { return Template(literal: "年　　月　　日") }
        return try template(n)
      }
      content = .signature(caption: try template(value), date: date)
    }
    var cell = FormGrid.Cell(content: content, line: node.line)
    cell.span = try c.take("span").map { n throws(LayoutError) in try int(n, 1...columns) } ?? 1
    cell.rowSpan = try c.take("rowSpan").map { n throws(LayoutError) in try int(n, 1...rows) } ?? 1
    cell.alignment = try c.take("align").map(alignment)
    if let n = c.take("style") { cell.style = try styleName(n, c) }
    if let n = c.take("fill") { cell.fill = try color(n, c) }
    cell.height = try c.take("height").map(length) ?? 0
    try c.finish()
    return cell
  }

  /// Fills in each choices cell's options from the field's declared enumeration: one choice
  /// for `{ enum: […] }`, several for `[{ enum: […] }]`; anything else is refused with its line.
  func resolveChoices(_ blocks: inout [Block], scopes: [DataSchema]) throws(LayoutError) {
    for i in blocks.indices {
      switch blocks[i].kind {
      case .form(var grid):
        for r in grid.rows.indices {
          for c in grid.rows[r].indices {
            guard case .choices(let path, _, _) = grid.rows[r][c].content else { continue }
            grid.rows[r][c].content = try choices(path, scopes: scopes, line: grid.rows[r][c].line)
          }
        }
        blocks[i].kind = .form(grid)
      case .group(var inner):
        try resolveChoices(&inner, scopes: scopes)
        blocks[i].kind = .group(inner)
      case .each(var each):
        var inner = scopes
        if case .array(let items, _, _)? = Self.declared(each.from, in: scopes) { inner.append(items) }
        try resolveChoices(&each.blocks, scopes: inner)
        blocks[i].kind = .each(each)
      default: break
      }
    }
  }

  private func choices(_ path: DataPath, scopes: [DataSchema], line: Int) throws(LayoutError) -> FormGrid.Cell.Content {
    switch Self.declared(path, in: scopes) {
    case .value(_, _, _, let options?)?: return .choices(path, options: options, several: false)
    case .array(.value(_, _, _, let options?), _, _)?: return .choices(path, options: options, several: true)
    default:
      throw LayoutError(
        file: file, line: line,
        message:
          "choices: '\(path)' must be declared under data: as { enum: [...] } (one choice) or [{ enum: [...] }] (several)"
      )
    }
  }

  /// The declaration of `path` under `data:`, looked up from the innermost scope out.
  static func declared(_ path: DataPath, in scopes: [DataSchema]) -> DataSchema? {
    DataSchema.declaration(of: path, in: scopes)
  }
}

extension LayoutParser {
  /// Every form's choices cells given their options from `data:` (a form's choices need it).
  func resolveChoices(_ layout: inout LayoutDescription) throws(LayoutError) {
    let scopes = layout.schema.map { [$0] } ?? []
    try resolveChoices(&layout.body, scopes: scopes)
    try resolveChoices(&layout.header, scopes: scopes)
    try resolveChoices(&layout.footer, scopes: scopes)
    if layout.firstPageHeader != nil { try resolveChoices(&layout.firstPageHeader!, scopes: scopes) }
    if layout.firstPageFooter != nil { try resolveChoices(&layout.firstPageFooter!, scopes: scopes) }
  }
}
