import Foundation
import ZIPFoundation

/// A small .xlsx writer: sheets of typed cells, a few fixed styles and cell comments, as
/// plain SpreadsheetML. A value from data is only ever an inline string or a number, never
/// a formula: `=HYPERLINK(…)` stays text in Excel and LibreOffice.
public enum WorkbookXLSX {
  /// The styles a cell can have (indexes into the style sheet's `cellXfs`).
  public enum Style: Int, Sendable {
    case plain = 0
    /// Bold, in a header row.
    case header = 1
    /// Formatted as text (`@`), so what the clerk types there stays as typed.
    case text = 2
    /// Text, on a red fill: a cell to fix.
    case markedText = 3
    /// A date serial shown as 2025-02-25.
    case date = 4
    case markedDate = 5
    /// A number with two decimals and thousands separators.
    case amount = 6
    /// Wrapped text (a long reason).
    case wrapped = 7
    /// A document's title above its table: bold and larger.
    case title = 8
    /// A date serial shown as 2025年2月25日, and padded, 2025年02月25日.
    case chineseDate = 9
    case paddedChineseDate = 10
    /// A number with two decimals and no separators (123444.00).
    case plainAmount = 11
    /// A whole number with thousands separators (2,339).
    case groupedNumber = 12
  }

  public enum Cell: Sendable {
    case text(String, Style = .text)
    /// A number as its literal (`45713`, `1234.5`), written as is.
    case number(String, Style = .plain)
  }

  public typealias Row = [Int: Cell]

  /// A row made as it is written, with the columns merged across in it (a group's header
  /// spanning the table), since its row number is known only then.
  public struct StreamedRow {
    public var cells: Row
    /// 0-based column ranges, each merged into one cell.
    public var merged: [ClosedRange<Int>]

    public init(_ cells: Row, merged: [ClosedRange<Int>] = []) {
      self.cells = cells
      self.merged = merged
    }
  }

  public struct Worksheet {
    public var name: String
    /// Rows from the first; each row's cells by 0-based column.
    public var rows: [Row] = []
    /// Rows after `rows`, made as they are written (a long list is never held whole); the
    /// writer calls it twice, to measure the sheet and to write it, and must get the same rows.
    public var streamedRows: (() -> AnyIterator<StreamedRow>)?
    /// Merged ranges: (0-based column, 1-based row) to (column, row), both included.
    public var merges: [(from: (column: Int, row: Int), to: (column: Int, row: Int))] = []
    /// Comments by (0-based column, 1-based row).
    public var comments: [(column: Int, row: Int, text: String)] = []
    public var columnWidths: [Int: Double] = [:]
    /// Rows kept in view when scrolling (a header).
    public var frozenRows = 0

    public init(name: String) { self.name = name }
  }

  public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  /// Every part's time stamp, so the same sheets give the same bytes.
  static let stamp = Date(timeIntervalSince1970: 946_728_000)  // 2000-01-01 12:00 UTC

  public static func write(_ sheets: [Worksheet]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, part) in parts(sheets) {
      // A worksheet is measured first (ZIP wants the size before the bytes), then written
      // chunk by chunk as ZIPFoundation asks for it.
      var size = 0
      var measuring = part()
      while let chunk = measuring.next() { size += chunk.utf8.count }
      var reader = ChunkReader(part())
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(size), modificationDate: stamp, compressionMethod: .deflate,
        provider: { _, wanted in reader.read(wanted) })
    }
    return [UInt8](archive.data ?? Data())
  }

  /// A part's text, as chunks made when they are asked for.
  typealias Part = () -> AnyIterator<String>

  static func whole(_ text: String) -> Part { { AnyIterator([text].makeIterator()) } }

  /// Hands out a chunked text's bytes in the sizes asked for.
  struct ChunkReader {
    var chunks: AnyIterator<String>
    var pending: [UInt8] = []
    var start = 0

    init(_ chunks: AnyIterator<String>) { self.chunks = chunks }

    mutating func read(_ count: Int) -> Data {
      while pending.count - start < count, let chunk = chunks.next() {
        if start > 0 {
          pending.removeFirst(start)
          start = 0
        }
        pending += chunk.utf8
      }
      let end = min(pending.count, start + count)
      defer { start = end }
      return Data(pending[start..<end])
    }
  }

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func parts(_ sheets: [Worksheet]) -> [(String, Part)] {
    var types =
      #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
      + #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
      + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
      + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    var bookSheets = ""
    var bookRels = ""
    var out: [(String, Part)] = []
    for (i, sheet) in sheets.enumerated() {
      let n = i + 1
      types +=
        #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
      bookSheets +=
        #"<sheet name="\#(XMLText.escape(sheetName(sheet.name, index: n)))" sheetId="\#(n)" r:id="rId\#(n)"/>"#
      bookRels += #"<Relationship Id="rId\#(n)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
      out.append(("xl/worksheets/sheet\(n).xml", { worksheet(sheet) }))
      guard !sheet.comments.isEmpty else { continue }
      types +=
        #"<Override PartName="/xl/comments\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>"#
      out.append(
        (
          "xl/worksheets/_rels/sheet\(n).xml.rels",
          whole(
            declaration
              + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/comments" Target="../comments\#(n).xml"/>"#
              + #"<Relationship Id="rId2" Type="\#(rel)/vmlDrawing" Target="../drawings/vmlDrawing\#(n).vml"/></Relationships>"#
          )
        ))
      out.append(("xl/comments\(n).xml", whole(CommentsXML.comments(sheet.comments))))
      out.append(("xl/drawings/vmlDrawing\(n).vml", whole(CommentsXML.drawing(sheet.comments, sheet: n))))
    }
    bookRels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(rel)/styles" Target="styles.xml"/>"#
    return [
      ("[Content_Types].xml", whole(declaration + types + "</Types>")),
      (
        "_rels/.rels",
        whole(
          declaration
            + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
      ),
      (
        "xl/workbook.xml",
        whole(declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>\#(bookSheets)</sheets></workbook>"#)
      ),
      (
        "xl/_rels/workbook.xml.rels",
        whole(declaration + #"<Relationships xmlns="\#(pkg)">\#(bookRels)</Relationships>"#)
      ),
      ("xl/styles.xml", whole(styles)),
    ] + out
  }

  /// A worksheet's XML in chunks: what comes before the rows, one chunk per row, what follows.
  static func worksheet(_ sheet: Worksheet) -> AnyIterator<String> {
    var xml = declaration + #"<worksheet xmlns="\#(main)" xmlns:r="\#(rel)">"#
    if sheet.frozenRows > 0 {
      let top = "A\(sheet.frozenRows + 1)"
      xml +=
        #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
    }
    if !sheet.columnWidths.isEmpty {
      xml += "<cols>"
      for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
        xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    var merges = sheet.merges
    var held = sheet.rows.makeIterator()
    let streamed = sheet.streamedRows?()
    var number = 0
    var opening: String? = xml
    var closed = false
    return AnyIterator {
      if let first = opening {
        opening = nil
        return first
      }
      while true {
        let cells: Row
        if let next = held.next() {
          cells = next
          number += 1
        } else if let next = streamed?.next() {
          cells = next.cells
          number += 1
          for m in next.merged { merges.append(((m.lowerBound, number), (m.upperBound, number))) }
        } else {
          break
        }
        if !cells.isEmpty { return row(cells, number: number) }
      }
      guard !closed else { return nil }
      closed = true
      return tail(merges, comments: !sheet.comments.isEmpty)
    }
  }

  /// What follows the rows: the merged ranges (those of streamed rows are known only after
  /// them) and the comments' drawing.
  static func tail(_ merges: [(from: (column: Int, row: Int), to: (column: Int, row: Int))], comments: Bool) -> String {
    var tail = "</sheetData>"
    if !merges.isEmpty {
      tail += #"<mergeCells count="\#(merges.count)">"#
      for m in merges {
        tail +=
          #"<mergeCell ref="\#(CellName.column(m.from.column))\#(m.from.row):\#(CellName.column(m.to.column))\#(m.to.row)"/>"#
      }
      tail += "</mergeCells>"
    }
    if comments { tail += #"<legacyDrawing r:id="rId2"/>"# }
    return tail + "</worksheet>"
  }

  static func row(_ cells: Row, number r: Int) -> String {
    var xml = #"<row r="\#(r)">"#
    for (column, cell) in cells.sorted(by: { $0.key < $1.key }) {
      let ref = CellName.column(column) + String(r)
      switch cell {
      case .text(let text, let style):
        xml +=
          #"<c r="\#(ref)" t="inlineStr" s="\#(style.rawValue)"><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
      case .number(let literal, let style):
        xml += #"<c r="\#(ref)" s="\#(style.rawValue)"><v>\#(XMLText.escape(literal))</v></c>"#
      }
    }
    return xml + "</row>"
  }

  /// Excel's rules for a tab name: at most 31 characters, none of `[ ] : * ? / \`, unique.
  public static func sheetName(_ name: String, index: Int) -> String {
    let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    return cleaned.isEmpty ? "Sheet\(index)" : cleaned
  }

  static let styles =
    declaration
    + #"<styleSheet xmlns="\#(main)"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#
    + #"<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>"#
    + #"<numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;mm&quot;月&quot;dd&quot;日&quot;"/></numFmts>"#
    + #"<fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>"#
    + #"<font><b/><sz val="14"/><name val="宋体"/></font></fonts>"#
    + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
    + #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>"#
    + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    + #"<cellXfs count="13"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
    + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>"#
    + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>"#
    + #"<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
    + #"<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
    + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
    + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
