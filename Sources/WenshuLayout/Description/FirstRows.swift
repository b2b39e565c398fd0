/// The values of one `unique` field seen so far in a list declaration, each with the path of
/// the row that had it first. A text of digits and `X` (an 18-character identity number) is
/// kept as two words, not as a text of its own: 200,000 members' numbers as texts held
/// 38 MiB at the peak of a print, the table included.
struct FirstRows {
  private var packed: [PackedText: String] = [:]
  private var texts: [String: String] = [:]

  /// The path of the row that had `value` first; nil when none did, and then `path` is noted as its row.
  mutating func first(_ value: String, at path: String) -> String? {
    if let key = PackedText(value) {
      if let first = packed[key] { return first }
      packed[key] = path
    } else {
      if let first = texts[value] { return first }
      texts[value] = path
    }
    return nil
  }
}

/// A text of at most 32 characters from `0`–`9` and `X`, four bits a character, the rest of
/// the bits zero: no character is zero, so two texts alike here are alike byte for byte.
struct PackedText: Hashable {
  let high: UInt64
  let low: UInt64

  init?(_ text: String) {
    var high: UInt64 = 0
    var low: UInt64 = 0
    var count = 0
    for byte in text.utf8 {
      let code: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): code = UInt64(byte - UInt8(ascii: "0")) + 1
      case UInt8(ascii: "X"): code = 11
      default: return nil
      }
      guard count < 32 else { return nil }
      if count < 16 { high |= code << (4 * (15 - count)) } else { low |= code << (4 * (31 - count)) }
      count += 1
    }
    self.high = high
    self.low = low
  }
}
