/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z,
/// S, V), the last a check character.
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
  public let value: String
  public var description: String { value }

  static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  public static func checkCharacter(for first17: String) -> Character? {
    let codes = first17.compactMap { alphabet.firstIndex(of: $0) }
    guard codes.count == 17, first17.count == 17 else { return nil }
    let sum = zip(codes, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return alphabet[(31 - sum % 31) % 31]
  }

  public init(validating text: String) throws(CreditCodeError) {
    if text.contains(where: { $0 == " " || $0 == "\u{3000}" }) {
      throw CreditCodeError("统一社会信用代码中有空格 (remove the spaces)")
    }
    let normalized = text.uppercased()
    guard normalized.count == 18 else {
      throw CreditCodeError("统一社会信用代码应为18位，实际为\(text.count)位 (must be 18 characters)")
    }
    if let bad = normalized.first(where: { !Self.alphabet.contains($0) }) {
      throw CreditCodeError("统一社会信用代码含有无效字符 '\(bad)'（不使用 I、O、Z、S、V） (invalid character)")
    }
    let expected = Self.checkCharacter(for: String(normalized.prefix(17)))!
    guard normalized.last == expected else {
      throw CreditCodeError("统一社会信用代码校验位错误，应为 \(expected) (check character should be \(expected))")
    }
    value = normalized
  }
}

public struct CreditCodeError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
