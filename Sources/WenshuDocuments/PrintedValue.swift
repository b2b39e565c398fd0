import WenshuRules
import WenshuWorkbook

/// A number as a page prints it — `2,339`, `123444.00`, `-1,234.50` — read back as the
/// literal a spreadsheet cell stores. More than 15 significant digits stay text: Excel would
/// round them (an ID number is not a number).
enum PrintedNumber {
  /// The literal without separators, and whether the text grouped its thousands.
  static func read(_ text: String) -> (literal: String, grouped: Bool)? {
    var body = Substring(text)
    let negative = body.first == "-"
    if negative { body = body.dropFirst() }
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    guard pieces.count <= 2, let whole = pieces.first, !whole.isEmpty else { return nil }
    if pieces.count == 2 { guard !pieces[1].isEmpty, pieces[1].allSatisfy(\.isASCIIDigit) else { return nil } }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
    let grouped = groups.count > 1
    if grouped {
      guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    }
    let digits = groups.joined() + (pieces.count == 2 ? pieces[1] : "")
    guard digits.drop(while: { $0 == "0" }).count <= 15 else { return nil }
    let literal = (negative ? "-" : "") + groups.joined() + (pieces.count == 2 ? "." + pieces[1] : "")
    return (literal, grouped)
  }

  static func decimals(_ literal: String) -> Int {
    literal.firstIndex(of: ".").map { literal.distance(from: $0, to: literal.endIndex) - 1 } ?? 0
  }
}

/// A date as a page prints it — `2025-02-25`, `2025年2月25日`, `2025年02月25日` — read back
/// as a date serial, shown the way it was printed.
enum PrintedDate {
  static func read(_ text: String) -> (serial: Int, style: WorkbookXLSX.Style)? {
    let parts: [Substring]
    let style: WorkbookXLSX.Style
    if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
      parts = text.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
      // 2025年02月25日 is padded; 2025年12月31日 reads the same either way.
      style =
        parts.count == 3 && (parts[1].hasPrefix("0") || parts[2].hasPrefix("0")) ? .paddedChineseDate : .chineseDate
    } else {
      parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[1].count == 2, parts[2].count == 2 else { return nil }
      style = .date
    }
    guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
      let date = CivilDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!),
      let serial = DateSerial.serial(year: date.year, month: date.month, day: date.day)
    else { return nil }
    return (serial, style)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
