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
  }

  public enum Cell: Sendable {
    case text(String, Style = .text)
    /// A number as its literal (`45713`, `1234.5`), written as is.
    case number(String, Style = .plain)
  }

  public struct Worksheet: Sendable {
    public var name: String
    /// Rows from the first; each row's cells by 0-based column.
    public var rows: [[Int: Cell]] = []
    /// Comments by (0-based column, 1-based row).
    public var comments: [(column: Int, row: Int, text: String)] = []
    public var columnWidths: [Int: Double] = [:]
    /// Rows kept in view when scrolling (a header).
    public var frozenRows = 0

    public init(name: String) { self.name = name }
  }

  public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  public static func write(_ sheets: [Worksheet]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts(sheets) {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
        provider: { position, size in bytes[Int(position)..<Int(position) + size] })
    }
    return [UInt8](archive.data ?? Data())
  }

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func parts(_ sheets: [Worksheet]) -> [(String, String)] {
    var types =
      #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
      + #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
      + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
      + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    var bookSheets = ""
    var bookRels = ""
    var out: [(String, String)] = []
    for (i, sheet) in sheets.enumerated() {
      let n = i + 1
      types +=
        #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
      bookSheets +=
        #"<sheet name="\#(XMLText.escape(sheetName(sheet.name, index: n)))" sheetId="\#(n)" r:id="rId\#(n)"/>"#
      bookRels += #"<Relationship Id="rId\#(n)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
      out.append(("xl/worksheets/sheet\(n).xml", worksheet(sheet)))
      guard !sheet.comments.isEmpty else { continue }
      types +=
        #"<Override PartName="/xl/comments\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>"#
      out.append(
        (
          "xl/worksheets/_rels/sheet\(n).xml.rels",
          declaration
            + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/comments" Target="../comments\#(n).xml"/>"#
            + #"<Relationship Id="rId2" Type="\#(rel)/vmlDrawing" Target="../drawings/vmlDrawing\#(n).vml"/></Relationships>"#
        ))
      out.append(("xl/comments\(n).xml", CommentsXML.comments(sheet.comments)))
      out.append(("xl/drawings/vmlDrawing\(n).vml", CommentsXML.drawing(sheet.comments, sheet: n)))
    }
    bookRels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(rel)/styles" Target="styles.xml"/>"#
    return [
      ("[Content_Types].xml", declaration + types + "</Types>"),
      (
        "_rels/.rels",
        declaration
          + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
      ),
      (
        "xl/workbook.xml",
        declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>\#(bookSheets)</sheets></workbook>"#
      ),
      ("xl/_rels/workbook.xml.rels", declaration + #"<Relationships xmlns="\#(pkg)">\#(bookRels)</Relationships>"#),
      ("xl/styles.xml", styles),
    ] + out
  }

  static func worksheet(_ sheet: Worksheet) -> String {
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
    for (index, cells) in sheet.rows.enumerated() where !cells.isEmpty {
      let r = index + 1
      xml += #"<row r="\#(r)">"#
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
      xml += "</row>"
    }
    xml += "</sheetData>"
    if !sheet.comments.isEmpty { xml += #"<legacyDrawing r:id="rId2"/>"# }
    return xml + "</worksheet>"
  }

  /// Excel's rules for a tab name: at most 31 characters, none of `[ ] : * ? / \`, unique.
  static func sheetName(_ name: String, index: Int) -> String {
    let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    return cleaned.isEmpty ? "Sheet\(index)" : cleaned
  }

  static let styles =
    declaration
    + #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
    + #"<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>"#
    + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
    + #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>"#
    + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    + #"<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
    + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>"#
    + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>"#
    + #"<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>"#
    + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
