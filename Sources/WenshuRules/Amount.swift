/// An amount of RMB held exactly, in fen (1/100 yuan). Never floating point: a 确认书 total
/// must equal the sum of its rows to the fen, and `0.1 + 0.2` must not print as `0.30000000000000004`.
///
/// Supported range: |amount| ≤ 9,999,999,999,999,999.99 yuan (`Amount.maximum`): 16 integer
/// digits, what the uppercase form writes with 仟万亿 as its largest unit (as cn2an does). Values outside
/// it can be held (arithmetic never traps) but are rejected by `init(parsing:)`,
/// `AmountInWords.parse` and the checked operations; see `isInRange`.
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let fen: Int64

  /// The largest supported magnitude in fen: 9,999,999,999,999,999.99 yuan (16 digits).
  public static let maximumFen: Int64 = 999_999_999_999_999_999
  /// 9,999,999,999,999,999.99 yuan.
  public static let maximum = Amount(fen: maximumFen)
  /// −9,999,999,999,999,999.99 yuan.
  public static let minimum = Amount(fen: -maximumFen)
  public static let zero = Amount(fen: 0)

  public init(fen: Int64) { self.fen = fen }

  /// Parses decimal yuan as data files and JSON numbers write it: `123444`, `123444.5`,
  /// `123444.50`, `-0.01`. Never rounds: anything that is not exactly such a number is
  /// rejected with a message naming the problem (more than two decimals, exponents, currency
  /// signs, full-width digits, spaces, grouping commas, `NaN`, empty, a leading `+`, out of range).
  public init(parsing text: String) throws(AmountError) {
    // Nearly every amount is plain digits with at most two decimals: read those byte by
    // byte (a 统计表's sums read every row's amounts); anything else takes the careful
    // path below, which accepts the same and names what is wrong with the rest.
    if let fen = Self.plainFen(text) {
      self.init(fen: fen)
      return
    }
    try self.init(checking: text)
  }

  /// The fen of `-?digits(.d{1,2})?` with at most 16 significant digits; nil for anything else.
  static func plainFen(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { bytes -> Int64? in
      var i = 0
      let negative = bytes.first == UInt8(ascii: "-")
      if negative { i = 1 }
      var yuan: Int64 = 0
      var significant = 0
      let wholeStart = i
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        let digit = Int64(bytes[i] - UInt8(ascii: "0"))
        if significant > 0 || digit != 0 { significant += 1 }
        guard significant <= 16 else { return nil }
        yuan = yuan * 10 + digit
        i += 1
      }
      guard i > wholeStart else { return nil }
      var cents: Int64 = 0
      if i < bytes.count {
        guard bytes[i] == UInt8(ascii: "."), bytes.count - i - 1 == 1 || bytes.count - i - 1 == 2 else { return nil }
        for b in bytes[(i + 1)...] {
          guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
          cents = cents * 10 + Int64(b - UInt8(ascii: "0"))
        }
        if bytes.count - i - 1 == 1 { cents *= 10 }
      }
      let fen = yuan * 100 + cents
      return negative ? -fen : fen
    }
  }

  /// Parses with a message for every way a text can fail to be an amount.
  init(checking text: String) throws(AmountError) {
    guard !text.isEmpty else { throw AmountError("金额为空 (the amount is empty)") }
    let shown = TypedCharacters.visible(text)
    if ["nan", "inf", "infinity", "-inf", "-infinity", "+inf", "+infinity"].contains(
      text.lowercased())
    {
      throw AmountError("金额不是数字：\(shown) (not a number)")
    }
    var body = Substring(text)
    let negative = body.first == "-"
    if negative { body = body.dropFirst() }
    guard !body.isEmpty else {
      throw AmountError("金额格式错误：只有负号“-” (a minus sign alone is not an amount)")
    }
    if let bad = body.first(where: { !(TypedCharacters.isASCIIDigit($0) || $0 == ".") }) {
      throw AmountError(Self.explain(bad, in: shown))
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else {
      throw AmountError("金额格式错误：\(shown) 有多个小数点 (more than one decimal point)")
    }
    let whole = parts[0]
    let decimals = parts.count == 2 ? parts[1] : ""
    guard !whole.isEmpty else {
      throw AmountError(
        "金额格式错误：\(shown) 小数点前缺少数字，应写作 0\(body) (a digit is needed before the point)")
    }
    guard parts.count == 1 || !decimals.isEmpty else {
      throw AmountError("金额格式错误：\(shown) 小数点后缺少数字 (digits are needed after the point)")
    }
    guard decimals.count <= 2 else {
      throw AmountError(
        "金额最多两位小数（到分），不作四舍五入：\(shown) (more than two decimal places; amounts are not rounded)")
    }
    let significant = whole.drop { $0 == "0" }
    guard significant.count <= 16, let yuan = Int64(whole) else {
      throw AmountError(Self.rangeMessage(shown))
    }
    let cents = Int64(decimals + String(repeating: "0", count: 2 - decimals.count)) ?? 0
    fen = (negative ? -1 : 1) * (yuan * 100 + cents)
  }

  static func rangeMessage(_ shown: String) -> String {
    "金额超出支持范围：\(shown)（金额绝对值须小于1亿亿元，最大 9,999,999,999,999,999.99）"
      + " (out of range: |amount| must be below 10^16 yuan, at most 9,999,999,999,999,999.99)"
  }

  /// Names the kind of character a clerk typed, so the message says what to change.
  private static func explain(_ c: Character, in shown: String) -> String {
    switch c {
    case "¥", "￥", "$", "元", "€":
      return "金额不能带货币符号或单位：\(shown)，只写数字，如 123444.00 (no currency sign or unit)"
    case ",", "，", "'", "_":
      return "金额不能带千位分隔符：\(shown)，应写作 123444.00 而不是 123,444.00 (no grouping separators)"
    case "e", "E":
      return "金额不能用科学计数法：\(shown) (exponents are not accepted)"
    case "+":
      return "金额不能带正号“+”：\(shown) (no leading '+')"
    case "-":
      return "负号“-”只能写在最前面：\(shown) (a minus sign may only come first)"
    default:
      if TypedCharacters.isBlank(c) { return "金额中有空格：“\(shown)” (remove the spaces)" }
      if TypedCharacters.isInvisible(c) {
        return "金额中有不可见字符：\(shown) (remove the invisible character)"
      }
      if TypedCharacters.isFullWidth(c) || c == "。" {
        return "金额中有全角字符：\(shown)，请用半角数字 0-9 和小数点 . (use half-width digits)"
      }
      return "金额格式错误：\(shown) 中有“\(c)”，应写作数字，最多两位小数，如 123444.00 (unexpected '\(c)')"
    }
  }

  public var isNegative: Bool { fen < 0 }
  /// Whether the amount lies in the supported range, ±9,999,999,999,999,999.99.
  public var isInRange: Bool { fen.magnitude <= UInt64(Self.maximumFen) }
  /// The amount without its sign. `Int64.min` saturates to `Int64.max` fen.
  public var magnitude: Amount { Amount(fen: fen == .min ? .max : Swift.abs(fen)) }

  /// `123444.00`, `-0.50`: the form data files and bank forms' 小写 boxes use.
  public var figures: String {
    let m = fen.magnitude
    return (fen < 0 ? "-" : "") + String(m / 100) + "." + String(m % 100).leftPadded(to: 2)
  }

  /// `123,444.00`: grouped by thousands, for tables read by people.
  public var grouped: String {
    // Written backwards into bytes: every amount cell of a long table goes through here.
    var m = fen.magnitude
    var bytes: [UInt8] = []
    bytes.reserveCapacity(28)
    for _ in 0..<2 {
      bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
      m /= 10
    }
    bytes.append(UInt8(ascii: "."))
    var digits = 0
    repeat {
      if digits > 0 && digits % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
      m /= 10
      digits += 1
    } while m > 0
    if fen < 0 { bytes.append(UInt8(ascii: "-")) }
    return String(decoding: bytes.reversed(), as: UTF8.self)
  }

  public var description: String { figures }

  public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

  /// Adds without ever trapping: a sum beyond `Int64` saturates at `Int64.min`/`Int64.max` fen,
  /// far outside the supported range, so `isInRange` (and every parse or print check) catches
  /// it. Use `adding(_:)` to get an error instead.
  public static func + (a: Amount, b: Amount) -> Amount {
    let (sum, overflow) = a.fen.addingReportingOverflow(b.fen)
    return Amount(fen: overflow ? (b.fen > 0 ? .max : .min) : sum)
  }

  /// Subtracts, saturating like `+`.
  public static func - (a: Amount, b: Amount) -> Amount {
    let (difference, overflow) = a.fen.subtractingReportingOverflow(b.fen)
    return Amount(fen: overflow ? (b.fen < 0 ? .max : .min) : difference)
  }

  public static prefix func - (a: Amount) -> Amount { Amount(fen: a.fen == .min ? .max : -a.fen) }

  /// Multiplies by a count (standard × members × shares) without ever trapping: a product
  /// beyond `Int64` saturates at `Int64.min`/`Int64.max` fen, outside the supported range.
  /// Use `multiplied(by:)` to get an error instead.
  public static func * (a: Amount, n: Int) -> Amount {
    let (product, overflow) = a.fen.multipliedReportingOverflow(by: Int64(n))
    guard overflow else { return Amount(fen: product) }
    return Amount(fen: (a.fen < 0) == (n < 0) ? .max : .min)
  }

  /// Adds, or throws when the sum leaves the supported range.
  public func adding(_ other: Amount) throws(AmountError) -> Amount {
    let sum = self + other
    guard isInRange, other.isInRange, sum.isInRange else {
      throw AmountError(Self.rangeMessage("\(figures) + \(other.figures)"))
    }
    return sum
  }

  /// Multiplies by a count, or throws when the product leaves the supported range.
  public func multiplied(by n: Int) throws(AmountError) -> Amount {
    let product = self * n
    guard isInRange, product.isInRange else {
      throw AmountError(Self.rangeMessage("\(figures) × \(n)"))
    }
    return product
  }
}

/// Why a text is not an amount, in Chinese for the clerk and English for the developer.
public struct AmountError: RuleError {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
