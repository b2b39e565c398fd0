import Foundation
import WenshuWorkbook
import ZIPFoundation

/// An empty member list to hand to a unit: one sheet whose first row holds the column
/// names Wenshu reads. The smallest workbook Excel, LibreOffice and openpyxl all open: the
/// parts ECMA-376 requires and a style sheet making text columns (the ID number, dates as
/// typed) “文本” (`@`), so Excel keeps 410102199003072294 as typed instead of 4.10102E+17.
public enum TemplateXLSX {
  public struct Column: Sendable {
    public let header: String
    public let text: Bool
    public init(header: String, text: Bool) {
      self.header = header
      self.text = text
    }
  }

  public static func write(columns: [Column], sheetName: String = "会员名单") throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts(columns: columns, sheetName: sheetName) {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
        provider: { position, size in bytes[Int(position)..<Int(position) + size] })
    }
    return [UInt8](archive.data ?? Data())
  }

  static func parts(columns: [Column], sheetName: String) -> [(String, String)] {
    let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    let cells = columns.enumerated().map { i, c in
      #"<c r="\#(CellName.column(i))1" t="inlineStr" s="2"><is><t>\#(escape(c.header))</t></is></c>"#
    }.joined()
    let widths = columns.enumerated().map { i, c in
      #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(c.text ? 24 : 14)" customWidth="1"\#(c.text ? #" style="1""# : "")/>"#
    }.joined()
    return [
      (
        "[Content_Types].xml",
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
          + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
          + #"<Default Extension="xml" ContentType="application/xml"/>"#
          + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
          + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
          + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
          + "</Types>"
      ),
      (
        "_rels/.rels",
        header
          + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
      ),
      (
        "xl/workbook.xml",
        header
          + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="\#(escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
      ),
      (
        "xl/_rels/workbook.xml.rels",
        header
          + #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/>"#
          + #"<Relationship Id="rId2" Type="\#(rel)/styles" Target="styles.xml"/></Relationships>"#
      ),
      (
        "xl/styles.xml",
        header
          + #"<styleSheet xmlns="\#(main)"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>"#
          + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
          + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
          + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
          + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
          + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
          + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>"#
          + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
      ),
      (
        "xl/worksheets/sheet1.xml",
        header
          + #"<worksheet xmlns="\#(main)"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
          + #"<cols>\#(widths)</cols><sheetData><row r="1">\#(cells)</row></sheetData></worksheet>"#
      ),
    ]
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
