import Foundation
import WenshuLayout

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a CSV member list as Excel saves one: UTF-8 (with or without the BOM Excel's
/// “CSV UTF-8” writes) or, from a Chinese Excel's plain “CSV”, GB18030 (a superset of GBK).
/// Bytes that are not valid UTF-8 are taken for GB18030. Fields as RFC 4180: commas,
/// double quotes (`""` inside), CRLF or LF; every field is text, as the clerk typed it.
public enum CSVReader {
  /// Stops with `SheetError.stopped` soon after `cancellation` is cancelled.
  public static func read(
    _ bytes: [UInt8], name: String, cancellation: RenderCancellation? = nil
  ) throws(SheetError) -> Sheet {
    let text = try decode(bytes)
    var rows: [SheetRow] = []
    var cells: [Int: SheetCell] = [:]
    var field = ""
    var column = 0
    var rowNumber = 1
    var quoted = false
    var wasQuoted = false
    func endField() {
      let value = wasQuoted ? field : field.trimmingCharacters(in: .whitespaces)
      if !value.isEmpty { cells[column] = .text(value) }
      field = ""
      column += 1
      wasQuoted = false
    }
    func endRow() {
      endField()
      if !cells.isEmpty { rows.append(SheetRow(number: rowNumber, cells: cells)) }
      cells = [:]
      column = 0
      rowNumber += 1
    }
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    var read = 0
    while let c = pending ?? scalars.next() {
      pending = nil
      read += 1
      if read % 65536 == 0, cancellation?.isCancelled == true { throw .stopped }
      if quoted {
        if c == "\"" {
          let next = scalars.next()
          if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty: quoted = true; wasQuoted = true
      case ",": endField()
      case "\r":
        let next = scalars.next()
        if next != "\n" { pending = next }
        endRow()
      case "\n": endRow()
      default: field.unicodeScalars.append(c)
      }
    }
    if quoted { throw SheetError("CSV 文件在第 \(rowNumber) 行有未闭合的引号 (an unclosed quote in row \(rowNumber))") }
    if !field.isEmpty || !cells.isEmpty || column > 0 { endRow() }
    return Sheet(name: name, rows: rows)
  }

  /// UTF-8 (BOM dropped) if the bytes are valid UTF-8, else GB18030.
  static func decode(_ bytes: [UInt8]) throws(SheetError) -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return text }
    guard let text = gb18030(Array(body)) else {
      throw SheetError("CSV 文件的编码无法识别：既不是 UTF-8 也不是 GBK/GB18030 (neither UTF-8 nor GB18030)")
    }
    return text
  }

  /// GB18030 → String by iconv (glibc has the converter; Foundation on Linux may not).
  static func gb18030(_ bytes: [UInt8]) -> String? {
    let converter = iconv_open("UTF-8", "GB18030")
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var inLeft = inBuffer.count
        var outPointer = outBuffer.baseAddress
        var outLeft = outBuffer.count
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let written else { return nil }
    return String(validating: output[0..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// Reads a member list by its content: a ZIP (PK) is an .xlsx, anything else CSV. Of a
/// workbook, the first sheet with a member list's header row is read (else the first).
public enum SheetReader {
  /// Stops with `SheetError.stopped` soon after `cancellation` is cancelled; a workbook's
  /// parts may inflate to `inflatedLimit` bytes together.
  public static func read(
    _ bytes: [UInt8], fileName: String, inflatedLimit: Int = XLSXReader.inflatedLimit,
    cancellation: RenderCancellation? = nil
  ) throws(SheetError) -> Sheet {
    if isWorkbook(bytes) {
      return try XLSXReader.read(bytes, inflatedLimit: inflatedLimit, cancellation: cancellation) {
        MemberSheet.headerRow($0) != nil
      }
    }
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw SheetError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx (old .xls files are not read; save as .xlsx)")
    }
    let stem = (fileName as NSString).lastPathComponent
    let name = (stem as NSString).deletingPathExtension
    return try CSVReader.read(bytes, name: name.isEmpty ? "members" : name, cancellation: cancellation)
  }

  /// A ZIP, so an .xlsx (anything else is read as CSV).
  public static func isWorkbook(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
}
