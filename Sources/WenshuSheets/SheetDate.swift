import Foundation
import WenshuRules
import WenshuWorkbook

/// Dates in a member list: a date cell (Excel stores a serial number of days) or text as
/// clerks type it (2025-02-25, 2025/2/25, 2025.2.25, 2025年2月25日, 20250225).
enum SheetDate {
  enum Failure: Error {
    case notADate
    /// Serial 60: Excel's 1900-02-29, a day that never was (kept for Lotus 1-2-3).
    case lotusLeapDay
  }

  /// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the false 1900-02-29,
  /// so from 61 on a serial counts from 1899-12-30. The 1904 system counts from 1904-01-01.
  static func fromSerial(_ literal: String, date1904: Bool) throws(Failure) -> CivilDate {
    guard let value = Double(literal), value >= (date1904 ? 0 : 1), value < 2_958_466 else { throw .notADate }
    let serial = Int(value.rounded(.down))  // a time of day is dropped
    let days: Int
    if date1904 {
      days = serial + daysFromCivil(1904, 1, 1)
    } else {
      if serial == 60 { throw .lotusLeapDay }
      days = (serial < 60 ? serial + 1 : serial) + daysFromCivil(1899, 12, 30)
    }
    return civil(days)
  }

  static func fromText(_ text: String) throws(Failure) -> CivilDate {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let digits = trimmed.split { !$0.isASCII || !$0.isNumber }.map(String.init)
    let parts: [Int]
    if digits.count == 1, digits[0].count == 8, let n = Int(digits[0]) {
      parts = [n / 10000, n / 100 % 100, n % 100]
    } else if digits.count == 3, digits[0].count == 4, digits[1].count <= 2, digits[2].count <= 2,
      trimmed.allSatisfy({ $0.isASCII && $0.isNumber || "-/.年月日".contains($0) })
    {
      parts = digits.compactMap { Int($0) }
    } else {
      throw .notADate
    }
    guard let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else { throw .notADate }
    return date
  }

  static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int { DateSerial.daysFromCivil(y, m, d) }

  static func civil(_ days: Int) -> CivilDate {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return CivilDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
  }
}
