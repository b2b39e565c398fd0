/// Whether text draws anything. A required value made only of characters that show nothing —
/// spaces of every width, zero-width and format characters, Hangul fillers (U+115F, U+1160,
/// U+3164, U+FFA0), the braille blank (U+2800) — would print as an empty cell where a name or
/// a number belongs, so it is refused like an empty string. The set is stated once, as
/// ranges, so the published JSON Schema's pattern says exactly what this check does.
public enum VisibleText {
  /// Characters that draw nothing, as inclusive ranges of code points.
  static let blankRanges: [ClosedRange<UInt32>] = [
    0x0000...0x0020, 0x007F...0x00A0, 0x00AD...0x00AD, 0x034F...0x034F, 0x061C...0x061C,
    0x115F...0x1160, 0x1680...0x1680, 0x17B4...0x17B5, 0x180B...0x180F, 0x2000...0x200F,
    0x2028...0x202F, 0x205F...0x206F, 0x2800...0x2800, 0x3000...0x3000, 0x3164...0x3164,
    0xFE00...0xFE0F, 0xFEFF...0xFEFF, 0xFFA0...0xFFA0, 0xFFF0...0xFFF8,
  ]

  /// Whether the scalar draws nothing.
  public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    blankRanges.contains { $0.contains(scalar.value) }
  }

  /// Whether some character of `text` draws something.
  public static func isVisible(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.contains { !isBlank($0) }
  }

  /// A JSON Schema `pattern` (unanchored) that matches text with a visible character.
  public static let pattern: String = {
    var set = ""
    for r in blankRanges {
      set += escaped(r.lowerBound)
      if r.upperBound != r.lowerBound { set += "-" + escaped(r.upperBound) }
    }
    return "[^" + set + "]"
  }()

  /// `pattern` as it is written inside a JSON string.
  public static var jsonPattern: String { pattern.replacing("\\", with: "\\\\") }

  /// nil when `text` draws something; else the refusal, naming the characters.
  public static func problem(_ text: some StringProtocol) -> String? {
    if isVisible(text) { return nil }
    if text.isEmpty { return "不能为空 (empty: a required value must show something)" }
    let codes = text.unicodeScalars.prefix(8).map { "U+" + hex($0.value) }.joined(separator: " ")
    return "内容为空白：只有不显示的字符 \(codes) (nothing visible: only blank or invisible characters)"
  }

  static func escaped(_ value: UInt32) -> String { "\\u" + hex(value) }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
