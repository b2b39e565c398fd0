/// An amount of RMB held exactly, in fen (1/100 yuan). Never floating point.
///
/// Supported range: |amount| ≤ 999,999,999,999.99 yuan — what the uppercase form can write
/// with 仟亿 as its largest unit.
public struct Amount: Sendable, Hashable, Comparable {
  public let fen: Int64

  /// The largest amount supported, in fen.
  public static let maximumFen: Int64 = 99_999_999_999_999

  public init(fen: Int64) { self.fen = fen }

  /// Parses decimal yuan: `123444`, `123444.5`, `123444.50`, `-0.01`. Rejects rather than
  /// rounds: more than two decimals, exponents, currency signs, grouping commas, spaces,
  /// full-width digits, a leading `+`, and amounts out of range.
  public init(parsing text: String) throws(AmountError) {
    guard !text.isEmpty else { throw AmountError("金额为空 (empty amount)") }
    var scalars = Substring(text).unicodeScalars[...]
    let negative = scalars.first == "-"
    if negative { scalars = scalars.dropFirst() }
    if let bad = scalars.first(where: { !(("0"..."9").contains($0) || $0 == ".") }) {
      throw AmountError(Self.describe(bad, in: text))
    }
    let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else {
      throw AmountError("金额格式错误：\(text) (expected digits with at most two decimals, e.g. 123444.00)")
    }
    let decimals = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || !decimals.isEmpty else {
      throw AmountError("金额格式错误：小数点后缺少数字 (\(text))")
    }
    guard decimals.count <= 2 else {
      throw AmountError("金额最多两位小数（到分）：\(text) (more than two decimal places; not rounded)")
    }
    let digits = whole.drop { $0 == "0" }
    guard digits.count <= 12, let yuan = Int64(whole) else {
      throw AmountError("金额超出范围：\(text) (supported: up to 999,999,999,999.99 yuan)")
    }
    let cents = Int64(decimals.padding(to: 2)) ?? 0
    fen = (negative ? -1 : 1) * (yuan * 100 + cents)
  }

  private static func describe(_ s: Unicode.Scalar, in text: String) -> String {
    switch s {
    case "¥", "￥", "$", "元": return "金额不能带货币符号：\(text) (write the number only)"
    case ",", "，": return "金额不能带千位分隔符：\(text) (write 123444.00, not 123,444.00)"
    case "e", "E": return "金额不能用科学计数法：\(text) (exponents are not accepted)"
    case " ", "\u{3000}", "\t": return "金额含有空格：\(text)"
    case "+": return "金额不能带正号：\(text)"
    case "０"..."９", "．": return "金额含有全角字符：\(text) (use half-width digits 0-9)"
    default: return "金额格式错误：\(text) (unexpected '\(Character(s))')"
    }
  }

  public var isNegative: Bool { fen < 0 }
  public var magnitude: Amount { Amount(fen: fen < 0 ? -fen : fen) }

  /// `123444.00`, `-0.50`.
  public var figures: String {
    let m = fen.magnitude
    return (fen < 0 ? "-" : "") + "\(m / 100)." + String(m % 100).padding(to: 2, leading: true)
  }

  /// `123,444.00`.
  public var grouped: String {
    let m = fen.magnitude
    var whole = String(m / 100)
    var groups: [Substring] = []
    while whole.count > 3 {
      groups.insert(whole.suffix(3), at: 0)
      whole.removeLast(3)
    }
    groups.insert(Substring(whole), at: 0)
    return (fen < 0 ? "-" : "") + groups.joined(separator: ",") + "." + String(m % 100).padding(to: 2, leading: true)
  }

  public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

  /// Adds; traps only beyond Int64 (far outside any real amount; check `isInRange`).
  public static func + (a: Amount, b: Amount) -> Amount { Amount(fen: a.fen + b.fen) }

  /// Multiplies by a count (members × shares); traps only beyond Int64.
  public static func * (a: Amount, n: Int) -> Amount { Amount(fen: a.fen * Int64(n)) }

  /// Multiplies by a count, or throws when the result leaves the supported range.
  public func multiplied(by n: Int) throws(AmountError) -> Amount {
    let (result, overflow) = fen.multipliedReportingOverflow(by: Int64(n))
    guard !overflow, result.magnitude <= UInt64(Self.maximumFen) else {
      throw AmountError("金额超出范围 (the product leaves the supported range)")
    }
    return Amount(fen: result)
  }

  public var isInRange: Bool { fen.magnitude <= UInt64(Self.maximumFen) }
}

public struct AmountError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension StringProtocol {
  func padding(to length: Int, leading: Bool = false) -> String {
    let pad = String(repeating: "0", count: Swift.max(0, length - count))
    return leading ? pad + self : self + pad
  }
}
