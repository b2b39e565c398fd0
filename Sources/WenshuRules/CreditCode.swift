/// 统一社会信用代码 (GB 32100-2015): the 18-character code every unit (enterprise, public
/// institution, trade union…) prints on its 确认书 and invoices. Characters come from a
/// 31-character alphabet without I, O, Z, S, V (too easily read as 1, 0, 2, 5, U); the last is
/// a check character over the first 17 (weights 3ⁱ mod 31, check = 31 − Σ mod 31).
///
/// Positions 1–2 (登记管理部门 and 机构类别) and 3–8 (行政区划) are not checked against
/// tables: the category list has been extended since 2015, and a wrong character there is
/// caught by the check character anyway.
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
  /// Normalised: 18 characters, letters upper-case.
  public let value: String
  public var description: String { value }

  static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  /// Letters the code never uses, and the digit a clerk probably meant.
  static let lookalikes: [Character: Character] = ["I": "1", "O": "0", "Z": "2", "S": "5"]

  /// The check character for the first 17 characters (upper-case), or nil when they are not
  /// 17 characters of the alphabet.
  public static func checkCharacter(for first17: String) -> Character? {
    let codes = first17.compactMap { alphabet.firstIndex(of: $0) }
    guard codes.count == 17, first17.count == 17 else { return nil }
    let sum = zip(codes, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return alphabet[(31 - sum % 31) % 31]
  }

  /// Validates; lower-case letters are accepted and normalised to upper case.
  public init(validating text: String) throws(CreditCodeError) {
    let shown = TypedCharacters.visible(text)
    guard !text.isEmpty else { throw CreditCodeError("统一社会信用代码为空 (the credit code is empty)") }
    if text.contains(where: TypedCharacters.isBlank) {
      throw CreditCodeError("统一社会信用代码中有空格：“\(shown)”，请删除空格 (remove the spaces)")
    }
    if text.contains(where: TypedCharacters.isInvisible) {
      throw CreditCodeError("统一社会信用代码中有不可见字符：\(shown)，请重新输入 (remove the invisible character)")
    }
    if text.contains(where: TypedCharacters.isFullWidth) {
      throw CreditCodeError(
        "统一社会信用代码含有全角字符：\(shown)，请切换到半角输入 (full-width characters; use half-width)")
    }
    let normalized = text.uppercased()
    guard normalized.count == 18 else {
      let hint =
        switch normalized.count {
        case 15: "（15位的可能是旧的税务登记号）"
        case 9, 10: "（9位的可能是旧的组织机构代码）"
        default: ""
        }
      throw CreditCodeError(
        "统一社会信用代码应为18位，现为\(normalized.count)位\(hint)：\(shown) (must be 18 characters, found \(normalized.count))"
      )
    }
    for (i, c) in normalized.enumerated() where !Self.alphabet.contains(c) {
      if let digit = Self.lookalikes[c] {
        throw CreditCodeError(
          "统一社会信用代码第\(i + 1)位是字母“\(c)”，代码不使用 I、O、Z、S、V，可能应为数字“\(digit)” (letter \(c) is never used; perhaps \(digit))"
        )
      }
      throw CreditCodeError(
        "统一社会信用代码第\(i + 1)位“\(c)”无效，只能是数字和除 I、O、Z、S、V 以外的大写字母 (invalid character '\(c)')")
    }
    let expected = Self.checkCharacter(for: String(normalized.prefix(17)))!
    guard normalized.last == expected else {
      throw CreditCodeError(
        "统一社会信用代码校验位错误，应为 \(expected)（若末位无误，则前17位中有错） (check character should be \(expected))")
    }
    value = normalized
  }
}

/// Why a text is not a valid 统一社会信用代码.
public struct CreditCodeError: RuleError {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
