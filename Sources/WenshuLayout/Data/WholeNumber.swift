/// A JSON number literal whose value is a whole number. JSON (and JSON Schema's `integer`)
/// make no difference between `43`, `43.0` and `4.3e1`: all three are the number 43, so
/// all three are accepted where a whole number is expected and all print as `43`.
/// Worked out on the digits, never through floating point.
public struct WholeNumber: Sendable, Equatable {
  public let negative: Bool
  /// The value's digits without leading zeros: `"0"` for zero.
  public let digits: String

  /// nil when the literal is not a whole number, or has more than `maxDigits` digits.
  public init?(literal: String, maxDigits: Int = 18) {
    var bytes = Substring(literal).utf8[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes = bytes.dropFirst() }
    var mantissa: [UInt8] = []
    var scale = 0  // value = mantissa × 10^scale
    var exponent: Substring.UTF8View.SubSequence = bytes[bytes.endIndex...]
    var seenPoint = false
    for (offset, c) in zip(bytes.indices, bytes) {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        mantissa.append(c)
        if seenPoint { scale -= 1 }
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        exponent = bytes[bytes.index(after: offset)...]
      default: return nil
      }
      if !exponent.isEmpty { break }
    }
    guard !mantissa.isEmpty else { return nil }
    var significant = mantissa.drop { $0 == UInt8(ascii: "0") }
    if !exponent.isEmpty {
      var e = exponent
      let minus = e.first == UInt8(ascii: "-")
      if minus || e.first == UInt8(ascii: "+") { e = e.dropFirst() }
      let text = String(decoding: e.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
      // A zero is whole whatever its exponent; any other value with a huge exponent is
      // either far beyond any bound or a fraction.
      guard let value = text.isEmpty ? 0 : Int(text), value < 1_000 || significant.isEmpty else { return nil }
      scale += significant.isEmpty ? 0 : (minus ? -value : value)
    }
    while scale < 0, significant.last == UInt8(ascii: "0") {
      significant = significant.dropLast()
      scale += 1
    }
    if significant.isEmpty {
      self.negative = false
      digits = "0"
      return
    }
    guard scale >= 0, significant.count + scale <= maxDigits else { return nil }
    self.negative = negative
    digits = String(decoding: significant, as: UTF8.self) + String(repeating: "0", count: scale)
  }

  /// As it prints: `-5`, `0`, `43`.
  public var text: String { (negative ? "-" : "") + digits }
}
