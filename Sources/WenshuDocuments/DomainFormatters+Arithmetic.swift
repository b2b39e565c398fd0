import WenshuLayout
import WenshuRules

/// Sums and differences of amounts in exact fen, and division with the rounding written
/// in the layout: an amount never passes through floating point. A count plus or minus a
/// whole number stays a count (`{subsidiaries | sum: insured | plus: $unit.insured}` → 1286).
extension DomainFormatters {
  static let arithmetic: [Formatter] = [
    Formatter(
      "plus", arguments: 1...1,
      summary:
        "amount + another amount ($path, (field | …) or 12.30), exact in fen; a count + a whole number is a count"
    ) {
      v, args throws(FormatError) in
      keepingCounts(v, args[0], try sum(try amount(v), try amount(.string(args[0]))))
    }.taking(.amount, giving: .amount, arguments: [.amount]).checkingArguments(amountArgument),
    Formatter(
      "minus", arguments: 1...1,
      summary:
        "amount − another amount ($path, (field | …) or 12.30), exact in fen; a count − a whole number is a count"
    ) {
      v, args throws(FormatError) in
      keepingCounts(v, args[0], try sum(try amount(v), -(try amount(.string(args[0])))))
    }.taking(.amount, giving: .amount, arguments: [.amount]).checkingArguments(amountArgument),
    Formatter(
      "divide", arguments: 2...2,
      summary: "amount ÷ a whole number, rounded to the fen as stated: {total | divide: 3, round: half-up}"
    ) { v, args throws(FormatError) in
      guard let n = Int(args[0]), n > 0 else {
        throw FormatError("除数应为正整数 (expected a whole number above 0, got \(args[0]))")
      }
      guard let rounding = Rounding(argument: args[1]) else { throw FormatError("unknown rounding \(args[1])") }
      return .string(Amount(fen: rounding.divide(try amount(v).fen, by: Int64(n))).figures)
    }.taking(.amount, giving: .amount, arguments: [.number]).checkingArguments { args in
      guard args.count == 2, let rounding = args.last, Rounding(argument: rounding) != nil else {
        return
          "divide states its rounding: divide: 3, round: half-up (or half-even, down, up)"
      }
      guard Formatter.readsData(args[0]) || Int(args[0]).map({ $0 > 0 }) == true else {
        return "divide's divisor is a whole number above 0 or a $path, got \(args[0])"
      }
      return nil
    },
  ]

  /// `a + b`, refused beyond the supported range.
  static func sum(_ a: Amount, _ b: Amount) throws(FormatError) -> Amount {
    do { return try a.adding(b) } catch { throw FormatError(error.message) }
  }

  /// The result of `value op argument` worked out in fen: a count when both are whole
  /// numbers and the value is a count (a JSON number, a `count`, a sum of counts), else an amount.
  static func keepingCounts(_ value: DataValue, _ argument: String, _ result: Amount) -> DataValue {
    guard case .number = value, Int(argument) != nil, result.fen % 100 == 0 else { return .string(result.figures) }
    return .number(String(result.fen / 100))
  }

  /// A literal amount argument must be an amount; one from the data is checked with the data.
  @Sendable static func amountArgument(_ args: [String]) -> String? {
    guard let a = args.first, !Formatter.readsData(a) else { return nil }
    return (try? Amount(parsing: a)) == nil ? "'\(a)' is not an amount (write 12.30 or a $path)" : nil
  }

  /// How a division rounds to the fen.
  enum Rounding: String {
    /// Half a fen or more away from zero (四舍五入).
    case halfUp = "half-up"
    /// Half a fen to the even fen (banker's rounding).
    case halfEven = "half-even"
    /// Toward zero (truncate).
    case down
    /// Away from zero.
    case up

    /// From `round: half-up`.
    init?(argument: String) {
      let parts = argument.split(separator: ":", maxSplits: 1).map { String($0.drop { $0 == " " }) }
      guard parts.count == 2, parts[0] == "round" else { return nil }
      self.init(rawValue: parts[1])
    }

    func divide(_ fen: Int64, by n: Int64) -> Int64 {
      let q = fen / n
      let r = (fen % n).magnitude
      let away: Int64 = fen < 0 ? -1 : 1
      guard r != 0 else { return q }
      switch self {
      case .down: return q
      case .up: return q + away
      case .halfUp: return 2 * r >= n.magnitude ? q + away : q
      case .halfEven:
        if 2 * r > n.magnitude { return q + away }
        if 2 * r < n.magnitude { return q }
        return q % 2 == 0 ? q : q + away
      }
    }
  }

  static let dates: [Formatter] = [
    Formatter(
      "date", arguments: 0...1, summary: "date the Chinese way: 2025年2月25日; date: padded gives 2025年02月25日"
    ) { v, args throws(FormatError) in
      let d = try date(v)
      guard args.first == "padded" else { return .string(d.chinese) }
      return .string("\(d.year)年\(twoDigits(d.month))月\(twoDigits(d.day))日")
    }.taking(.date, giving: .text).checkingArguments { args in
      args.isEmpty || args == ["padded"] ? nil : "date takes no argument or 'padded', got \(args[0])"
    },
    Formatter("isodate", summary: "date as 2025-02-25") { v, _ throws(FormatError) in
      .string(try date(v).iso)
    }.taking(.date, giving: .text),
    Formatter("dateUpper", summary: "date in Chinese numerals: 二〇二五年二月二十五日") { v, _ throws(FormatError) in
      .string(try date(v).chineseUppercase)
    }.taking(.date, giving: .text),
  ]

  static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
