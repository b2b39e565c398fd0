/// Excel's 1900 date system from 1900-03-01 on: a date is the count of days since 1899-12-30
/// (the serials before that count a 1900-02-29 that never was).
public enum DateSerial {
  /// The serial of a date from 1900-03-01; nil before.
  public static func serial(year: Int, month: Int, day: Int) -> Int? {
    guard (year, month) >= (1900, 3) else { return nil }
    return daysFromCivil(year, month, day) - daysFromCivil(1899, 12, 30)
  }

  /// Days since 1970-01-01 (H. Hinnant's algorithm).
  public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
