/// A calendar date without time or zone (proleptic Gregorian, years 1–9999): birth dates,
/// activity start dates, print dates. Documents are about days, not instants, so a date never
/// shifts when it crosses a time zone.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The date, or nil when it does not exist (2025-02-29, 2025-04-31, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `2025-02-25`, or a timestamp such as `2025-02-25T10:00:00+08:00`, of which the date is
  /// taken as written (not converted to another zone).
  public init(parsing text: String) throws(DateError) {
    // `YYYY-MM-DD` read from its bytes: a member list has a date per row.
    let b = text.utf8
    if b.count == 10, let plain = b.withContiguousStorageIfAvailable({ Self.plainDate($0) }), let date = plain {
      self = date
      return
    }
    let shown = TypedCharacters.visible(text)
    guard !text.isEmpty else { throw DateError("日期为空 (the date is empty)") }
    if text.contains(where: { TypedCharacters.isBlank($0) || TypedCharacters.isInvisible($0) }) {
      throw DateError("日期中有空格：“\(shown)”，应写作 2025-02-25 (remove the spaces)")
    }
    if text.contains(where: TypedCharacters.isFullWidth) {
      throw DateError("日期中有全角字符：\(shown)，请用半角数字，如 2025-02-25 (use half-width digits)")
    }
    let chars = Array(text)
    let head = chars.count > 10 && chars[10] == "T" ? chars[..<10] : chars[...]
    let parts = head.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(TypedCharacters.isASCIIDigit) }),
      let y = Int(String(parts[0])), let m = Int(String(parts[1])), let d = Int(String(parts[2]))
    else { throw DateError("日期格式错误：\(shown)，应写作 年-月-日，如 2025-02-25 (expected YYYY-MM-DD)") }
    guard let date = CivilDate(year: y, month: m, day: d) else {
      throw DateError("日期不存在：\(shown) (no such day)")
    }
    self = date
  }

  /// The date of ten bytes `YYYY-MM-DD`, or nil (the checks above then name the mistake).
  static func plainDate(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
    guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let y0 = digit(0), let y1 = digit(1), let y2 = digit(2),
      let y3 = digit(3), let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
    else { return nil }
    return CivilDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
  }

  public static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  public static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `2025-02-25`.
  public var iso: String {
    String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-"
      + String(day).leftPadded(to: 2)
  }
  public var description: String { iso }

  /// `2025年2月25日`, as documents print dates in running text.
  public var chinese: String { "\(year)年\(month)月\(day)日" }

  /// `二〇二五年二月二十五日`: the year digit by digit with 〇, month and day as spoken
  /// (十, 十一, 二十, 三十一), as formal letters and seals write dates (GB/T 9704-1999's form).
  public var chineseUppercase: String {
    let numerals = Array("〇一二三四五六七八九")
    let y = String(String(year).compactMap { $0.wholeNumberValue.map { numerals[$0] } })
    func spoken(_ n: Int) -> String {
      switch n {
      case 0...9: String(numerals[n])
      case 10...19: "十" + (n == 10 ? "" : String(numerals[n - 10]))
      default: String(numerals[n / 10]) + "十" + (n % 10 == 0 ? "" : String(numerals[n % 10]))
      }
    }
    return "\(y)年\(spoken(month))月\(spoken(day))日"
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// The same day `years` and `months` later (or earlier, when negative); a day the target
  /// month lacks becomes its last day (2024-02-29 + 1 year = 2025-02-28; 01-31 + 1 month =
  /// 02-28), as 民法典第二百零二条 ends periods. Clamped to years 1…9999.
  public func adding(years: Int = 0, months: Int = 0) -> CivilDate {
    let total = Swift.min(Swift.max((year + years) * 12 + (month - 1) + months, 12), 9999 * 12 + 11)
    let y = total / 12
    let m = total % 12 + 1
    return CivilDate(year: y, month: m, day: Swift.min(day, Self.days(inMonth: m, of: y)))!
  }

  /// The next day (9999-12-31 stays itself).
  public var nextDay: CivilDate {
    if let d = CivilDate(year: year, month: month, day: day + 1) { return d }
    if let d = CivilDate(year: year, month: month + 1, day: 1) { return d }
    return CivilDate(year: year + 1, month: 1, day: 1) ?? self
  }

  /// Age in full years (周岁) on `date`: 0 on the day of birth and before it.
  ///
  /// Counted as Chinese law counts periods and ages: the day of birth is not counted
  /// (民法典第二百零一条), a year ends on the anniversary, or on the last day of the month when
  /// the month has no such day (第二百零二条), and the year is complete from the next day — “周岁
  /// 按照公历的年、月、日计算，从周岁生日的第二天起算” (最高人民法院法释〔2006〕1号第二条). So a
  /// person is N 周岁 from the day after their Nth birthday, and someone born on 29 February
  /// completes a year at the end of 28 February in a common year: one year older on 1 March.
  public func age(on date: CivilDate) -> Int {
    completedMonths(on: date) / 12
  }

  /// Whole months of age completed on `date`, counted like `age(on:)`: a month is complete
  /// from the day after its anniversary day (the month's last day when it has no such day).
  public func completedMonths(on date: CivilDate) -> Int {
    guard date > self else { return 0 }
    var months = (date.year - year) * 12 + (date.month - month)
    if adding(months: months) >= date { months -= 1 }
    return Swift.max(0, months)
  }
}

/// Why a text is not a date.
public struct DateError: RuleError {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
