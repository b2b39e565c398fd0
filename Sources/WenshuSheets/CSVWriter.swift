/// CSV as Excel reads it: UTF-8 with a BOM, CRLF, RFC 4180 quoting. A value a spreadsheet
/// program would take for a formula (starting with `= + - @`, a tab or CR) is prefixed with
/// `'` so it is shown, not evaluated (OWASP CSV injection); a plain number (`-5`) is left.
public enum CSVWriter {
  public static func write(_ lines: [[String]]) -> [UInt8] {
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    for line in lines {
      out += Array(line.map(field).joined(separator: ",").utf8)
      out += [0x0D, 0x0A]
    }
    return out
  }

  static func field(_ value: String) -> String {
    let safe = neutralised(value)
    guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return safe
    }
    return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `=SUM(A1)` → `'=SUM(A1)`.
  public static func neutralised(_ value: String) -> String {
    guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
    if Double(value) != nil, value.allSatisfy({ "0123456789.+-eE".contains($0) }) { return value }
    return "'" + value
  }
}
