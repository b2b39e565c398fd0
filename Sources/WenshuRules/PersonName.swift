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
    if name.count > maximumLength {
      return "姓名过长：\(name.count) 个字符，最多 \(maximumLength) (name too long)"
    }
    return nil
  }
}
