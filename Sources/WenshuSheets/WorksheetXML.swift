import Foundation
import WenshuLayout

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A worksheet's XML: `<row r="12"><c r="C12" t="s"><v>3</v></c>…` and `<mergeCell ref="A1:B2"/>`.
/// Cell types: `s` shared string, `inlineStr` (`<is><t>`), `str` formula text, `b` boolean,
/// `e` error, none or `n` a number. A merged range's value (the top-left cell's) is given to
/// every cell of it, so a header merged over two rows names its column on both.
final class WorksheetXML: NSObject, XMLParserDelegate {
  let sharedStrings: [String]
  var rows: [Int: [Int: SheetCell]] = [:]
  var merges: [(from: (column: Int, row: Int), to: (column: Int, row: Int))] = []
  var failure: SheetError?

  var reference: (column: Int, row: Int)?
  var type = "n"
  var value = ""
  var inValue = false
  /// The cell's formula (`<f>`), nil when it has none.
  var formula: String?
  var inFormula = false
  var phonetic = 0
  var rowNumber = 0
  var nextColumn = 0

  let cancellation: RenderCancellation?
  var elements = 0

  init(sharedStrings: [String], cancellation: RenderCancellation?) {
    self.sharedStrings = sharedStrings
    self.cancellation = cancellation
  }

  static func parse(
    _ data: Data, name: String, sharedStrings: [String], cancellation: RenderCancellation? = nil
  ) throws(SheetError) -> Sheet {
    let delegate = WorksheetXML(sharedStrings: sharedStrings, cancellation: cancellation)
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    if !parser.parse(), delegate.failure == nil {
      throw SheetError("工作表 \(name) 的 XML 已损坏 (the sheet's XML is damaged)")
    }
    if let failure = delegate.failure { throw failure }
    delegate.spreadMerges()
    let rows = delegate.rows.keys.sorted().map { SheetRow(number: $0, cells: delegate.rows[$0]!) }
    return Sheet(name: name, rows: rows)
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    elements += 1
    if elements % 1024 == 0, cancellation?.isCancelled == true {
      failure = .stopped
      parser.abortParsing()
      return
    }
    switch local(element) {
    case "row":
      rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
      nextColumn = 0
    case "c":
      // `r` may be left out: the cell is then the one after the previous.
      reference = attributes["r"].flatMap { CellName.parse(Substring($0)) } ?? (nextColumn, rowNumber)
      type = attributes["t"] ?? "n"
      value = ""
      formula = nil
    case "f":
      formula = ""
      inFormula = reference != nil
    case "v", "t": inValue = phonetic == 0 && reference != nil
    case "rPh": phonetic += 1
    case "mergeCell":
      let ends = (attributes["ref"] ?? "").split(separator: ":")
      if ends.count == 2, let a = CellName.parse(ends[0]), let b = CellName.parse(ends[1]) { merges.append((a, b)) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch local(element) {
    case "v", "t": inValue = false
    case "f": inFormula = false
    case "rPh": phonetic -= 1
    case "c":
      guard let (column, row) = reference else { return }
      reference = nil
      nextColumn = column + 1
      guard let cell = cell(), row <= 1_048_576 else { return }
      rows[row, default: [:]][column] = cell
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue { value += string }
    if inFormula { formula? += string }
  }

  func cell() -> SheetCell? {
    if type == "e" { return .error(value) }
    if let formula { return .formula(formula, result: value) }
    switch type {
    case "s":
      guard let i = Int(value), sharedStrings.indices.contains(i) else { return nil }
      return sharedStrings[i].isEmpty ? nil : .text(sharedStrings[i])
    case "inlineStr", "str": return value.isEmpty ? nil : .text(value)
    case "b": return .bool(value == "1")
    default:
      let literal = value.trimmingCharacters(in: .whitespaces)
      return literal.isEmpty ? nil : .number(literal)
    }
  }

  /// Gives each merged range's value to all its cells (ranges are small: headers and titles).
  func spreadMerges() {
    for (a, b) in merges {
      guard let top = rows[a.row]?[a.column], (b.row - a.row + 1) * (b.column - a.column + 1) <= 10_000 else {
        continue
      }
      for row in a.row...max(a.row, b.row) {
        for column in a.column...max(a.column, b.column) where rows[row]?[column] == nil {
          rows[row, default: [:]][column] = top
        }
      }
    }
  }
}
