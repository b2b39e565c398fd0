/// A mainland telephone number as forms print it: a mobile (11 digits, 13x–19x), a landline
/// with its area code (0 + 2 or 3 digits, an optional `-`, 7 or 8 digits not starting with 0
/// or 1, an optional `-` extension), or a 400/800 service number.
public enum PhoneNumber {
  /// nil when the number has one of those forms; otherwise what is wrong, for a clerk.
  public static func problem(_ text: String) -> String? {
    let s = Array(text.utf8)
    if isMobile(s) || isLandline(s) || isService(s) { return nil }
    let shown = TypedCharacters.visible(text)
    if text.contains(where: TypedCharacters.isFullWidth) {
      return "电话号码中有全角字符：\(shown)，请用半角数字 (full-width characters in the number)"
    }
    return
      "电话号码格式错误：\(shown)，应为手机号（如 13800138000）或带区号的固定电话（如 020-38861234） (expected a mobile or an area code and number)"
  }

  static func digits(_ s: ArraySlice<UInt8>) -> Bool { s.allSatisfy { $0 >= 48 && $0 <= 57 } }

  static func isMobile(_ s: [UInt8]) -> Bool {
    s.count == 11 && s[0] == UInt8(ascii: "1") && s[1] >= UInt8(ascii: "3") && digits(s[...])
  }

  static func isLandline(_ s: [UInt8]) -> Bool {
    let parts = s.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.allSatisfy({ !$0.isEmpty && digits($0) }) else { return false }
    switch parts.count {
    case 1: return unbroken(parts[0])
    case 2: return (isArea(parts[0]) && isLocal(parts[1])) || (unbroken(parts[0]) && isExtension(parts[1]))
    case 3: return isArea(parts[0]) && isLocal(parts[1]) && isExtension(parts[2])
    default: return false
    }
  }

  static func isArea(_ s: ArraySlice<UInt8>) -> Bool {
    (3...4).contains(s.count) && s.first == UInt8(ascii: "0") && s[s.startIndex + 1] != UInt8(ascii: "0")
  }

  static func isLocal(_ s: ArraySlice<UInt8>) -> Bool { (7...8).contains(s.count) && s.first! >= UInt8(ascii: "2") }

  static func isExtension(_ s: ArraySlice<UInt8>) -> Bool { (1...6).contains(s.count) }

  /// An area code and number written without a dash between them.
  static func unbroken(_ s: ArraySlice<UInt8>) -> Bool {
    [3, 4].contains { area in
      s.count > area && isArea(s.prefix(area)) && isLocal(s.dropFirst(area))
    }
  }

  static func isService(_ s: [UInt8]) -> Bool {
    let plain = Array(s.filter { $0 != UInt8(ascii: "-") })
    guard plain.count == 10, digits(plain[...]), plain[1] == 48, plain[2] == 48,
      plain[0] == UInt8(ascii: "4") || plain[0] == UInt8(ascii: "8")
    else { return false }
    // Dashes only where the pattern has them: 400-123-4567, 400123-4567, 4001234567.
    let dashes = s.indices.filter { s[$0] == UInt8(ascii: "-") }
    return dashes == [] || dashes == [3] || dashes == [6] || dashes == [3, 7]
  }
}
