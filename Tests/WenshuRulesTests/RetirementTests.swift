import Testing
import WenshuRules

@Suite("Statutory retirement ages and the over-age rule")
struct RetirementTests {
  @Test(
    "the 2025 reform's tables at every boundary",
    arguments: [
      // Men: 60, then one month per 4 months of birth from 1965-01, up to 63.
      (RetirementCategory.male, "1964-12-31", 60, 0, "2024-12-31"),
      (.male, "1965-01-01", 60, 1, "2025-02-01"),
      (.male, "1965-01-31", 60, 1, "2025-02-28"), (.male, "1965-04-30", 60, 1, "2025-05-30"),
      (.male, "1965-05-01", 60, 2, "2025-07-01"), (.male, "1970-01-15", 61, 4, "2031-05-15"),
      (.male, "1976-08-01", 62, 11, "2039-07-01"), (.male, "1976-09-01", 63, 0, "2039-09-01"),
      (.male, "1990-06-15", 63, 0, "2053-06-15"),
      // Women formerly retiring at 55: likewise from 1970-01, up to 58.
      (.femaleCadre, "1969-12-31", 55, 0, "2024-12-31"),
      (.femaleCadre, "1970-01-01", 55, 1, "2025-02-01"),
      (.femaleCadre, "1970-05-01", 55, 2, "2025-07-01"),
      (.femaleCadre, "1981-08-31", 57, 11, "2039-07-31"),
      (.femaleCadre, "1981-09-01", 58, 0, "2039-09-01"),
      // Women formerly retiring at 50: one month per 2 months of birth from 1975-01, up to 55.
      (.femaleWorker, "1974-12-31", 50, 0, "2024-12-31"),
      (.femaleWorker, "1975-01-01", 50, 1, "2025-02-01"),
      (.femaleWorker, "1975-02-28", 50, 1, "2025-03-28"),
      (.femaleWorker, "1975-03-01", 50, 2, "2025-05-01"),
      (.femaleWorker, "1980-01-01", 52, 7, "2032-08-01"),
      (.femaleWorker, "1984-10-31", 54, 11, "2039-09-30"),
      (.femaleWorker, "1984-11-01", 55, 0, "2039-11-01"),
      (.femaleWorker, "2000-02-29", 55, 0, "2055-02-28"),
    ])
  func table(
    _ category: RetirementCategory, _ birth: String, _ years: Int, _ months: Int, _ retires: String
  ) {
    let age = category.retirementAge(birth: date(birth))
    #expect(age == RetirementAge(years: years, months: months))
    #expect(age.years == years && age.months == months)
    #expect(category.retirementDate(birth: date(birth)) == date(retires))
  }

  @Test func descriptions() {
    #expect(RetirementAge(years: 60, months: 1).description == "60岁1个月")
    #expect(RetirementAge(years: 63).description == "63岁")
    #expect(RetirementAge(months: 661) == RetirementAge(years: 55, months: 1))
    #expect(RetirementCategory.of(.male) == .male)
    #expect(RetirementCategory.of(.female) == .femaleWorker)
    #expect(RetirementCategory.of(.female, femaleCategory: .femaleCadre) == .femaleCadre)
    #expect(RetirementCategory.femaleWorker.chineseName.contains("五十周岁"))
  }

  static let start = CivilDate(year: 2025, month: 3, day: 1)!

  @Test(
    "over the statutory retirement age on the start date: over from the day after it is reached",
    arguments: [
      ("1964-12-15", Sex.male, nil, true), ("1965-01-31", .male, nil, true),
      ("1965-02-01", .male, nil, false),
      ("1965-02-02", .male, nil, false), ("1974-12-01", .female, nil, true),
      ("1975-01-31", .female, nil, true),
      ("1975-02-01", .female, nil, false),
      ("1974-12-01", .female, RetirementCategory.femaleCadre, false),
      ("1969-12-01", .female, .femaleCadre, true), ("1974-12-01", .male, .femaleWorker, true),
      ("1990-01-01", .male, nil, false),
    ] as [(String, Sex, RetirementCategory?, Bool)])
  func statutory(_ birth: String, _ sex: Sex, _ category: RetirementCategory?, _ over: Bool) {
    let limits = AgeLimits(office: "河南省办事处")
    #expect(
      limits.isOverAge(
        birth: date(birth), sex: sex, activity: "住院医疗", startDate: Self.start, category: category)
        == over)
    #expect(
      AgeLimits.statutory.isOverAge(
        birth: date(birth), sex: sex, activity: "", startDate: Self.start, category: category)
        == over)
  }

  @Test(
    "a fixed age limit, leap-day births included",
    arguments: [
      ("1960-02-27", true), ("1960-02-28", true), ("1960-02-29", true), ("1960-03-01", false),
      ("1960-03-02", false),
    ])
  func fixedAge(_ birth: String, _ over: Bool) {
    let limits = AgeLimits(office: "河南省办事处", byActivity: ["意外伤害": .years(65), "重疾": .unlimited])
    #expect(
      limits.isOverAge(birth: date(birth), sex: .female, activity: "意外伤害", startDate: Self.start)
        == over)
    #expect(
      !limits.isOverAge(birth: date(birth), sex: .female, activity: "重疾", startDate: Self.start))
    #expect(
      limits.isOverAge(birth: date(birth), sex: .female, activity: "住院医疗", startDate: Self.start))
    #expect(limits.limit(for: "意外伤害") == .age(RetirementAge(years: 65)))
  }

  @Test func firstDayOver() {
    let statutory = AgeLimit.statutoryRetirement(femaleCategory: .femaleWorker)
    #expect(statutory.firstDayOver(birth: date("1965-02-01"), sex: .male) == date("2025-03-02"))
    #expect(statutory.firstDayOver(birth: date("1965-01-31"), sex: .male) == date("2025-03-01"))
    #expect(
      statutory.limitAge(birth: date("1975-01-01"), sex: .female)
        == RetirementAge(years: 50, months: 1))
    #expect(
      AgeLimit.years(65).firstDayOver(birth: date("1960-02-29"), sex: .male) == date("2025-03-01"))
    #expect(AgeLimit.unlimited.firstDayOver(birth: date("1960-02-29"), sex: .male) == nil)
    #expect(!AgeLimit.unlimited.isOver(birth: date("1900-01-01"), sex: .male, on: Self.start))
  }
}
