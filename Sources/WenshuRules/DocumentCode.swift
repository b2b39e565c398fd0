/// A document number (缴款单号, 确认书号码, 保单号): what payers quote and clerks type back,
/// so exactly the characters printed — ASCII letters, digits, `-` and `/`, nothing invisible
/// (a soft hyphen inside one prints a number that is not the data's).
public enum DocumentCode {
  public static let maximumLength = 64

  /// nil when the code can be printed as it is; otherwise what is wrong, for a clerk.
  public static func problem(_ code: String) -> String? {
    if code.isEmpty { return "编号为空 (the number is empty)" }
    for c in code.unicodeScalars where !(c.isASCII && (isAlphanumeric(c) || c == "-" || c == "/")) {
      let hex = "U+" + String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)
      let kind =
        TypedCharacters.isInvisible(Character(c))
          || !c.properties.isWhitespace && c.properties.generalCategory == .format
        ? "不可见字符" : c.properties.isWhitespace ? "空白" : "字符"
      return "编号中有\(kind) \(hex)：编号只能由字母、数字、- 和 / 组成 (only letters, digits, - and /: found \(hex))"
    }
    guard let first = code.unicodeScalars.first, isAlphanumeric(first) else {
      return "编号应以字母或数字开头 (a number begins with a letter or digit)"
    }
    if code.utf8.count > maximumLength { return "编号过长：最多 \(maximumLength) 个字符 (at most \(maximumLength) characters)" }
    return nil
  }

  static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(c) || ("A"..."Z").contains(c) || ("a"..."z").contains(c)
  }
}
