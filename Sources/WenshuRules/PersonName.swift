/// A person's name as the lists print it: one line of visible text. A newline or another
/// control character in a name is a spreadsheet cell pasted whole; an empty name is a row
/// without its person. Both are refused rather than printed.
public enum PersonName {
  /// At most this many characters: the longest transliterated foreign names fit.
  public static let maximumLength = 100

  /// nil when the name can be printed; otherwise what is wrong, for a clerk.
  public static func problem(_ name: String) -> String? {
    if name.allSatisfy(\.isWhitespace) { return "姓名为空 (the name is empty)" }
    for s in name.unicodeScalars
    where s.properties.generalCategory == .control || s.value == 0x2028 || s.value == 0x2029 {
      let code = "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
      let kind = s == "\n" || s == "\r" || s.value == 0x2028 || s.value == 0x2029 ? "换行符" : "控制字符"
      return "姓名中有\(kind) \(code)，姓名应为一行文字 (a name is one line without control characters)"
    }
    if hasStackedMarks(name) {
      return
        "姓名中有叠加的组合符号（一个字上超过 \(maximumStackedMarks) 个），打印出来是一团 (more than \(maximumStackedMarks) combining marks on one letter)"
    }
    if name.count > maximumLength {
      return "姓名过长：\(name.count) 个字符，最多 \(maximumLength) (name too long)"
    }
    return nil
  }
}

extension PersonName {
  /// Combining marks (the blocks names use them from): more than two in a row on one letter
  /// is a smear on paper, never a name.
  static let combiningRanges: [ClosedRange<UInt32>] = [
    0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
  ]

  /// At most this many combining marks follow one another (Vietnamese needs two: ệ).
  public static let maximumStackedMarks = 2

  /// Whether more than `maximumStackedMarks` combining marks follow one another.
  public static func hasStackedMarks(_ name: String) -> Bool {
    var run = 0
    for s in name.unicodeScalars {
      run = combiningRanges.contains { $0.contains(s.value) } ? run + 1 : 0
      if run > maximumStackedMarks { return true }
    }
    return false
  }

  /// A JSON Schema pattern, written inside a JSON string, matching a name with stacked marks.
  public static var stackedMarksJSONPattern: String {
    let set = combiningRanges.map {
      "\\\\u" + String($0.lowerBound, radix: 16, uppercase: true).leftPadded(to: 4) + "-\\\\u"
        + String($0.upperBound, radix: 16, uppercase: true).leftPadded(to: 4)
    }.joined()
    return "[" + set + "]{\(maximumStackedMarks + 1)}"
  }
}
