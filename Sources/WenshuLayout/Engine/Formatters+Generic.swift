/// Generic formatters for flags, counts and lists. Whole numbers are worked out on their
/// digits as `Int`, never through floating point.
extension Formatter {
  /// `{flag | check}` → ☑ / ☐, by `DataValue.isTrue` (words for it are the caller's formatters).
  static let conditions: [Formatter] = [
    Formatter("check", summary: "☑ when the value is true (see when:), else ☐") { v, _ throws(FormatError) in
      .string(v.isTrue ? "☑" : "☐")
    }.taking(.any, giving: .text)
  ]

  static let numbers: [Formatter] = [
    Formatter("thousands", summary: "a whole number with thousands separators: 20,000") {
      v, _ throws(FormatError) in
      .string(grouped(try whole(v)))
    }.taking(.number, giving: .text),
    Formatter(
      "percentOf", arguments: 1...2,
      summary: "the whole number as a percentage of another ($path), rounded half-up to n decimals (default 0): 100%"
    ) { v, args throws(FormatError) in
      let part = try whole(v)
      let total = try whole(.string(args[0]))
      let decimals = args.count > 1 ? Int(args[1]) ?? 0 : 0
      guard total != 0 else { throw FormatError("除数为零，无法计算百分比 (percentage of zero)") }
      return .string(percentage(part, of: total, decimals: decimals) + "%")
    }.taking(.number, giving: .text, arguments: [.number, .number]).checkingArguments { args in
      guard args.count > 1, !readsData(args[1]) else { return nil }
      guard let d = Int(args[1]), (0...4).contains(d) else { return "percentOf's decimals are 0 to 4, got \(args[1])" }
      return nil
    },
    Formatter(
      "join", arguments: 1...2, summary: "an array's items (or one field of each: join: name, 、) joined by a separator"
    ) { v, args throws(FormatError) in
      guard case .array(let items) = v else { throw FormatError("应为列表 (expected an array, found \(v.kind))") }
      let field = args.count == 2 ? args[0] : nil
      var texts: [String] = []
      for (i, item) in items.enumerated() {
        let value = field.map { item[$0] ?? .null } ?? item
        guard let text = value.text else {
          throw FormatError("[\(i)] 是\(value.kind)，不能直接打印 (give the field to join: join: name, 、)")
        }
        texts.append(text)
      }
      return .string(texts.joined(separator: args[args.count - 1]))
    }.taking(.array, giving: .text),
  ]

  /// A whole number from a JSON number or digits in text.
  static func whole(_ v: DataValue) throws(FormatError) -> Int {
    let text: String
    switch v {
    case .number(let n): text = WholeNumber(literal: n).map { ($0.negative ? "-" : "") + $0.digits } ?? n
    case .string(let s): text = s
    default: throw FormatError("应为整数 (expected a whole number, found \(v.kind))")
    }
    guard let n = Int(text) else { throw FormatError("应为整数 (expected a whole number, got \(text))") }
    return n
  }

  /// `20000` → `20,000`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `part / total × 100`, rounded half-up (away from zero) to `decimals` places, in integers.
  static func percentage(_ part: Int, of total: Int, decimals: Int) -> String {
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let numerator = part * 100 * scale
    let negative = (numerator < 0) != (total < 0)
    let (q, r) = (numerator.magnitude / total.magnitude, numerator.magnitude % total.magnitude)
    let rounded = Int(q + (2 * r >= total.magnitude ? 1 : 0))
    let whole = String(rounded / scale)
    let fraction = String(rounded % scale)
    let text = decimals == 0 ? whole : whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    return (negative && rounded != 0 ? "-" : "") + text
  }
}

extension DataValue {
  /// Whether a condition (`when:`) holds for this value, and what `check` prints:
  /// false, null, "", 0 and [] are false; true, any other text, number, array or object is true.
  /// (The text "0" and an amount "0.00" are text, so true: test a count or a boolean.)
  public var isTrue: Bool {
    switch self {
    case .null: false
    case .bool(let b): b
    case .string(let s): !s.isEmpty
    case .number(let n): !Self.isZeroLiteral(n)
    case .array(let a): !a.isEmpty
    case .object: true
    }
  }

  /// `0`, `0.0`, `-0`, `0e5`: a number literal whose digits before any exponent are all zero.
  private static func isZeroLiteral(_ n: String) -> Bool {
    let mantissa = n.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
    return mantissa.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" || $0 == "+" }
  }
}
