import Foundation

extension CivilDate {
  /// China Standard Time (UTC+8, no daylight saving), the zone of every date on the documents.
  public static let chinaTimeZone =
    TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

  /// The date of `instant` in `timeZone` (Beijing by default): what a clerk's calendar shows.
  public init(_ instant: Date, in timeZone: TimeZone = CivilDate.chinaTimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    self =
      CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CivilDate(year: 1970, month: 1, day: 1)!
  }

  /// Today in Beijing. Validation takes it as a default argument, so tests pass a fixed date.
  public static func today(in timeZone: TimeZone = CivilDate.chinaTimeZone) -> CivilDate {
    CivilDate(Date(), in: timeZone)
  }
}
