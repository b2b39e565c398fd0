import Foundation
import Testing
import WenshuRules

@Suite("Dates and 周岁")
struct CivilDateTests {
  @Test func formats() {
    #expect(date("2025-02-25").iso == "2025-02-25")
    #expect(date("2025-02-25").chinese == "2025年2月25日")
    #expect(date("2025-02-25").chineseUppercase == "二〇二五年二月二十五日")
    #expect(date("2022-12-10").chineseUppercase == "二〇二二年十二月十日")
    #expect(date("2000-10-31").chineseUppercase == "二〇〇〇年十月三十一日")
    #expect(date("1999-11-01").chineseUppercase == "一九九九年十一月一日")
    #expect(date("2008-01-19").chineseUppercase == "二〇〇八年一月十九日")
    #expect(date("2025-02-25T10:00:00+08:00") == date("2025-02-25"))
    #expect(date("2025-02-25T23:59:59Z") == date("2025-02-25"))
    #expect(date("0001-01-01").iso == "0001-01-01")
    #expect(date("2025-02-25").description == "2025-02-25")
  }

  @Test(
    "impossible or malformed dates are rejected",
    arguments: [
      ("2025-02-29", "日期不存在"), ("1900-02-29", "日期不存在"), ("2025-04-31", "日期不存在"),
      ("2025-13-01", "日期不存在"),
      ("2025-00-10", "日期不存在"), ("2025-01-00", "日期不存在"), ("0000-01-01", "日期不存在"),
      ("2025-2-5", "格式错误"),
      ("25-02-25", "格式错误"), ("2025/02/25", "格式错误"), ("2025年2月25日", "格式错误"), ("20250225", "格式错误"),
      ("2025-02-25X", "格式错误"), ("+2025-02-25", "格式错误"), ("", "为空"), ("2025-02-25 ", "空格"),
      ("２０２５-02-25", "全角"),
    ])
  func rejected(_ text: String, _ fragment: String) {
    expectMessage(fragment) { () throws(DateError) in _ = try CivilDate(parsing: text) }
  }

  @Test func validation() {
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2025, month: 6, day: 31) == nil)
    #expect(CivilDate(year: 10000, month: 1, day: 1) == nil)
    #expect(date("2024-12-31").nextDay == date("2025-01-01"))
    #expect(date("2024-02-28").nextDay == date("2024-02-29"))
    #expect(date("9999-12-31").nextDay == date("9999-12-31"))
    #expect(date("2024-02-29").adding(years: 1) == date("2025-02-28"))
    #expect(date("2025-01-31").adding(months: 1) == date("2025-02-28"))
    #expect(date("2025-03-31").adding(months: -1) == date("2025-02-28"))
    #expect(date("2025-01-15") < date("2025-02-01"))
  }

  @Test func today() {
    // 2025-02-24 16:30 UTC is already 2025-02-25 in Beijing.
    let instant = Date(timeIntervalSince1970: 1_740_414_600)
    #expect(CivilDate(instant) == date("2025-02-25"))
    #expect(CivilDate(instant, in: TimeZone(identifier: "UTC")!) == date("2025-02-24"))
    #expect(CivilDate.today() >= date("2025-01-01"))
  }

  @Test(
    "周岁: a year is complete the day after the anniversary; 29 February turns older on 1 March",
    arguments: [
      ("2000-03-15", "2000-03-15", 0), ("2000-03-15", "1990-01-01", 0),
      ("2000-03-15", "2001-03-14", 0),
      ("2000-03-15", "2001-03-15", 0), ("2000-03-15", "2001-03-16", 1),
      ("2000-03-15", "2060-03-15", 59),
      ("2000-03-15", "2060-03-16", 60), ("2000-12-31", "2001-01-01", 0),
      ("2000-12-31", "2001-12-31", 0),
      ("2000-12-31", "2002-01-01", 1), ("2000-01-01", "2018-01-01", 17),
      ("2000-01-01", "2018-01-02", 18),
      // Born on 29 February.
      ("2000-02-29", "2001-02-28", 0), ("2000-02-29", "2001-03-01", 1),
      ("2000-02-29", "2004-02-28", 3),
      ("2000-02-29", "2004-02-29", 3), ("2000-02-29", "2004-03-01", 4),
      ("2000-02-29", "2100-02-28", 99),
      ("2000-02-29", "2100-03-01", 100), ("1960-02-29", "2025-02-28", 64),
      ("1960-02-29", "2025-03-01", 65),
      // Born on 28 February: a leap year's 29 February is the day after the anniversary.
      ("2001-02-28", "2004-02-28", 2), ("2001-02-28", "2004-02-29", 3),
    ])
  func age(_ birth: String, _ on: String, _ expected: Int) {
    #expect(date(birth).age(on: date(on)) == expected)
  }

  @Test(
    "months of age, counted the same way",
    arguments: [
      ("2000-01-31", "2000-02-29", 0), ("2000-01-31", "2000-03-01", 1),
      ("2000-01-31", "2000-03-31", 1),
      ("2000-01-31", "2000-04-01", 2), ("1965-02-01", "2025-03-01", 720),
      ("1965-02-01", "2025-03-02", 721),
    ])
  func completedMonths(_ birth: String, _ on: String, _ expected: Int) {
    #expect(date(birth).completedMonths(on: date(on)) == expected)
  }
}
