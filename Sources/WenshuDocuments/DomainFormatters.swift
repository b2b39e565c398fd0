import WenshuLayout
import WenshuRules

/// The formatters layouts use for the associations' documents, built on `WenshuRules`.
/// They are what connects the generic layout engine to the domain rules.
public enum DomainFormatters {
  public static let all: [Formatter] =
    [
      // The engine judges truth (`DataValue.isTrue`); the words a form prints are the domain's.
      Formatter("yesno", summary: "是 when the value is true (see when:), else 否") { v, _ throws(FormatError) in
        .string(v.isTrue ? "是" : "否")
      }.taking(.any, giving: .text),
      Formatter("money", summary: "amount with grouping: 123,444.00") { v, _ throws(FormatError) in
        .string(try amount(v).grouped)
      }.taking(.amount, giving: .text),
      Formatter("figures", summary: "amount with two decimals: 123444.00") { v, _ throws(FormatError) in
        .string(try amount(v).figures)
      }.taking(.amount, giving: .amount),
      Formatter("rmb", summary: "amount in uppercase RMB: 壹拾贰万叁仟肆佰肆拾肆元整") { v, _ throws(FormatError) in
        .string(AmountInWords.uppercase(try amount(v)))
      }.taking(.amount, giving: .text).takingExactly(),
      Formatter(
        "sum", arguments: 1...1,
        summary: "sum of one field over an array: amounts give 123444.00, counts (JSON numbers) a whole number: 55"
      ) {
        v, args throws(FormatError) in
        guard case .array(let rows) = v else { throw FormatError("应为列表 (expected an array)") }
        return try sumOf(rows, field: args[0])
      }.taking(.array, giving: .amount).readingRowField(0, kinds: [.amount, .number]),
      Formatter(
        "sumIf", arguments: 3...3,
        summary:
          "sum of one field over the rows whose second field equals a value: {lines | sumIf: amount, fund, 工会经费}"
      ) {
        v, args throws(FormatError) in
        guard case .array(let rows) = v else { throw FormatError("应为列表 (expected an array)") }
        let chosen = rows.filter { $0[args[1]]?.text == args[2] }
        return try sumOf(chosen, field: args[0])
      }.taking(.array, giving: .amount).readingRowField(0, kinds: [.amount, .number]),
      Formatter(
        "times", arguments: 1...1,
        summary:
          "amount × a whole number ($path, (field | …) or a literal): {standard | times: $members}; a count × a whole number is a count"
      ) {
        v, args throws(FormatError) in
        guard let n = Int(args[0]), n >= 0 else {
          throw FormatError("乘数应为非负整数 (expected a whole number, got \(args[0]))")
        }
        do { return keepingCounts(v, args[0], try amount(v).multiplied(by: n)) } catch {
          throw FormatError("\(error)")
        }
      }.taking(.amount, giving: .amount, arguments: [.number]).checkingArguments { args in
        Formatter.readsData(args[0]) || Int(args[0]).map { $0 >= 0 } == true
          ? nil : "times takes a whole number or a $path, got \(args[0])"
      },
    ] + arithmetic + dates + [
      Formatter(
        "maskID", arguments: 0...1, summary: "ID number masked for lists: 4101**********123X (optional pattern)"
      ) {
        v, args throws(FormatError) in
        let mask: IDMask
        if let pattern = args.first {
          do { mask = try IDMask(pattern: pattern) } catch { throw FormatError("bad mask pattern \(pattern)") }
        } else {
          mask = .standard
        }
        return .string(mask.apply(v.text ?? ""))
      }.taking(.text, giving: .text).checkingArguments { args in
        // A pattern written in the layout is judged when it is loaded, not when a clerk prints.
        guard let pattern = args.first, !Formatter.readsData(pattern) else { return nil }
        do { _ = try IDMask(pattern: pattern) } catch { return "\(error)" }
        return nil
      }
    ]

  /// The sum of `field` over `rows`: a count when every value is a count (JSON numbers), else
  /// an amount. The sum of no rows is 0, both a count and an amount (money prints it 0.00).
  static func sumOf(_ rows: [DataValue], field name: String) throws(FormatError) -> DataValue {
    var total = Amount(fen: 0)
    var allCounts = true
    for (i, row) in rows.enumerated() {
      guard let field = row[name] else { throw FormatError("[\(i)] 缺少 \(name) (missing \(name))") }
      if case .number = field {} else { allCounts = false }
      let value: Amount
      do throws(FormatError) { value = try amount(field) } catch {
        throw FormatError("[\(i)].\(name): \(error.message)")
      }
      total = try sum(total, value)
    }
    if allCounts && total.fen % 100 == 0 { return .number(String(total.fen / 100)) }
    return .string(total.figures)
  }

  static func amount(_ v: DataValue) throws(FormatError) -> Amount {
    guard case .string(let s) = v else {
      if case .number(let n) = v {
        // A count is a JSON number: 955, 955.0 and 9.55e2 are the same count (DataSchema's
        // `count`), so a sum of counts reads it as the whole number it is.
        let literal = DataValue.number(n).text ?? n  // plain digits as they are, else as a whole number
        do { return try Amount(parsing: literal) } catch { throw FormatError(error.message) }
      }
      throw FormatError("应为金额 (expected an amount, found \(v.kind))")
    }
    do { return try Amount(parsing: s) } catch { throw FormatError(error.message) }
  }

  static func date(_ v: DataValue) throws(FormatError) -> CivilDate {
    guard case .string(let s) = v else { throw FormatError("应为日期 (expected a date such as 2025-02-25)") }
    do { return try CivilDate(parsing: s) } catch { throw FormatError(error.message) }
  }
}

extension DomainFormatters {
  /// Formatters over members' birth dates and ID numbers, for certificates and flags.
  /// `ageLimits`: each office's limits (from its profile); an office not in it has the
  /// statutory retirement age for every activity.
  public static func people(ageLimits: [String: AgeLimits]) -> [Formatter] {
    [
      Formatter(
        "overAge", arguments: 3...4,
        summary:
          "是 when the member born on this date is over the office's age limit for the activity on the date given: {birthDate | overAge: $startDate, $sex, $office.id, $activity}; else empty"
      ) { v, args throws(FormatError) in
        let birth = try birthDate(v)
        let start = try date(.string(args[0]))
        guard let sex = Sex(rawValue: args[1]) else {
          throw FormatError("性别应为“男”或“女” (expected 男 or 女, got \(args[1]))")
        }
        let limits = ageLimits[args[2]] ?? AgeLimits(office: args[2])
        let over = limits.isOverAge(birth: birth, sex: sex, activity: args.count > 3 ? args[3] : "", startDate: start)
        return .string(over ? "是" : "")
      }.taking(.any, giving: .any, arguments: [.date, .text, .text, .text]),
      Formatter(
        "ageOn", arguments: 1...1,
        summary: "周岁 on the date given ($path) of the member born on this date (or of the ID number's holder)"
      ) {
        v, args throws(FormatError) in
        .number(String(try birthDate(v).age(on: try date(.string(args[0])))))
      }.taking(.any, giving: .any, arguments: [.date]),
      Formatter("sexOf", summary: "男 or 女, read from the ID number") { v, _ throws(FormatError) in
        .string(try residentID(v).sex.rawValue)
      },
      Formatter(
        "idLabel",
        summary:
          "what a member's number is called: 公民身份号码 for a 居民身份证 (GB 11643's term), else 护照号码 …: {idType | idLabel}"
      ) {
        v, _ throws(FormatError) in
        let text = v.text ?? ""
        guard let type = IDType(rawValue: text.isEmpty ? IDType.default.rawValue : text) else {
          throw FormatError("未知的证件类型 \(text) (unknown idType)")
        }
        return .string(type == .residentID ? "公民身份号码" : type.rawValue + "号码")
      },
      Formatter(
        "maskIDAs", arguments: 1...1,
        summary: "ID number masked the way its document type's lists show it: {idNumber | maskIDAs: $idType}"
      ) {
        v, args throws(FormatError) in
        guard let type = IDType(rawValue: args[0].isEmpty ? IDType.default.rawValue : args[0]) else {
          throw FormatError("未知的证件类型 \(args[0]) (unknown idType)")
        }
        return .string(type.mask.apply(v.text ?? ""))
      },
      Formatter(
        "blank", arguments: 0...1,
        summary: "the value, or a fill-in line of n characters (default 8) when it is empty or missing"
      ) {
        v, args throws(FormatError) in
        let text = v.text ?? ""
        let width = args.first.flatMap { Int($0) } ?? 8
        return text.isEmpty ? .string(String(repeating: "_", count: max(1, min(width, 80)))) : v
      }.fillingGaps(),
    ]
  }

  /// The data was validated against the document's own date before layout: no clock here.
  static func residentID(_ v: DataValue) throws(FormatError) -> ResidentID {
    guard case .string(let s) = v else { throw FormatError("应为身份证号码 (expected an ID number)") }
    do { return try ResidentID(validating: s, today: nil) } catch { throw FormatError(error.message) }
  }

  /// A birth date, or the birth date of a 公民身份号码's holder.
  static func birthDate(_ v: DataValue) throws(FormatError) -> CivilDate {
    if case .string(let s) = v, s.count == 10, let d = try? CivilDate(parsing: s) { return d }
    return try residentID(v).birthDate
  }
}
