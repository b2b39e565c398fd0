import Foundation
import ZIPFoundation

/// A workbook of one sheet (a member list's header row) whose shared strings part holds
/// `count` more strings that no cell uses: a part that is cheap to inflate and slow to parse.
public func workbook(sharedStrings count: Int) throws -> [UInt8] {
  let archive = try Archive(data: Data(), accessMode: .create)
  func add(_ path: String, _ bytes: Data) throws {
    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
      position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  try add(
    "xl/workbook.xml",
    Data(#"<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8))
  try add(
    "xl/worksheets/sheet1.xml",
    Data(
      #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>"#
        .utf8))
  var strings = Data("<sst><si><t>姓名</t></si><si><t>证件号码</t></si>".utf8)
  strings.append(Data(String(repeating: "<si><t>x</t></si>", count: count).utf8))
  strings.append(Data("</sst>".utf8))
  try add("xl/sharedStrings.xml", strings)
  return [UInt8](archive.data!)
}
