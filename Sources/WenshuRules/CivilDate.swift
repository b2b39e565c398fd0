/// A calendar date (proleptic Gregorian) without time or zone: birth dates, print dates.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `2025-02-25`, or a timestamp such as `2025-02-25T10:00:00+08:00` (its date part).
  public init(parsing text: String) throws(DateError) {
    let head = text.count > 10 && text.dropFirst(10).first == "T" ? String(text.prefix(10)) : text
    let parts = head.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { throw DateError("日期格式错误：\(text) (expected YYYY-MM-DD, e.g. 2025-02-25)") }
    guard let date = CivilDate(year: y, month: m, day: d) else {
      throw DateError("日期不存在：\(text) (no such day)")
    }
    self = date
  }

  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  public static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public var iso: String {
    String(year).padding(to: 4, leading: true) + "-" + String(month).padding(to: 2, leading: true) + "-"
      + String(day).padding(to: 2, leading: true)
  }
  public var description: String { iso }

  /// `2025年2月25日`.
  public var chinese: String { "\(year)年\(month)月\(day)日" }

  /// `二〇二五年二月二十五日`, as formal letters and seals write dates.
  public var chineseUppercase: String {
    let numerals: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    let y = String(String(year).map { numerals[Int(String($0))!] })
    func small(_ n: Int) -> String {
      switch n {
      case 1...9: String(numerals[n])
      case 10: "十"
      case 11...19: "十" + String(numerals[n - 10])
      default: String(numerals[n / 10]) + "十" + (n % 10 == 0 ? "" : String(numerals[n % 10]))
      }
    }
    return "\(y)年\(small(month))月\(small(day))日"
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

  /// The same day `years` and `months` later; a day the target month lacks becomes its last
  /// day (2024-02-29 + 1 year = 2025-02-28), as 民法典第二百零二条 counts periods.
  public func adding(years: Int = 0, months: Int = 0) -> CivilDate {
    let total = (year + years) * 12 + (month - 1) + months
    let y = total / 12
    let m = total % 12 + 1
    return CivilDate(year: y, month: m, day: Swift.min(day, Self.days(inMonth: m, of: y)))!
  }

  public var nextDay: CivilDate {
    if let d = CivilDate(year: year, month: month, day: day + 1) { return d }
    if let d = CivilDate(year: year, month: month + 1, day: 1) { return d }
    return CivilDate(year: year + 1, month: 1, day: 1)!
  }

  /// Age in full years (周岁) on `date`, counted as the Civil Code counts periods
  /// (民法典第二百零一条、第二百零二条): the day of birth is not counted, each year ends on
  /// the anniversary (the last day of February for a 29 February birth in a common year),
  /// and the year is complete the day after. So a person is N 周岁 from the day after their
  /// Nth birthday, and someone born on 29 February turns a year older on 1 March.
  public func age(on date: CivilDate) -> Int {
    guard date > self else { return 0 }
    var years = date.year - year
    if adding(years: years).nextDay > date { years -= 1 }
    return Swift.max(0, years)
  }
}

public struct DateError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
