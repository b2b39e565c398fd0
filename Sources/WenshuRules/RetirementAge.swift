/// Statutory retirement ages after the gradual reform in force from 2025-01-01
/// (全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》, 2024-09-13, and the attached
/// 《国务院关于渐进式提高职工法定退休年龄的暂行办法》 with its 对照表):
/// - men: 60 → 63, one month later for every four months of birth from January 1965;
/// - women whose age was 55 (cadres, management and technical posts): 55 → 58, likewise from
///   January 1970;
/// - women whose age was 50 (workers): 50 → 55, one month later for every two months of birth
///   from January 1975.
/// Members past it need an 超龄人员在职证明 to join an in-service activity.
public enum RetirementCategory: String, Sendable, Hashable, CaseIterable {
  case male
  case femaleCadre
  case femaleWorker

  /// The category's name in the 暂行办法.
  public var chineseName: String {
    switch self {
    case .male: "男职工"
    case .femaleCadre: "原法定退休年龄为五十五周岁的女职工"
    case .femaleWorker: "原法定退休年龄为五十周岁的女职工"
    }
  }

  /// Men are `.male`; women `femaleCategory`, since the ID number does not say which.
  public static func of(_ sex: Sex, femaleCategory: RetirementCategory = .femaleWorker)
    -> RetirementCategory
  {
    sex == .male ? .male : femaleCategory
  }

  /// Age before the reform, first birth year affected, months of birth per month of delay,
  /// largest delay in months.
  var schedule: (base: Int, fromYear: Int, step: Int, maxDelay: Int) {
    switch self {
    case .male: (60, 1965, 4, 36)
    case .femaleCadre: (55, 1970, 4, 36)
    case .femaleWorker: (50, 1975, 2, 60)
    }
  }

  /// The statutory retirement age for someone born in `year`-`month` (the day does not matter).
  public func retirementAge(bornIn year: Int, month: Int) -> RetirementAge {
    let s = schedule
    let index = (year - s.fromYear) * 12 + (month - 1)
    let delay = index < 0 ? 0 : Swift.min(s.maxDelay, index / s.step + 1)
    return RetirementAge(months: s.base * 12 + delay)
  }

  /// The statutory retirement age for someone born on `birth`.
  public func retirementAge(birth: CivilDate) -> RetirementAge {
    retirementAge(bornIn: birth.year, month: birth.month)
  }

  /// The day the statutory retirement age is reached: the birth date plus that age, or the
  /// month's last day when the month has no such day. Its year and month are the 退休时间 of the
  /// official 对照表 (born 1965-01 → 2025-02). The age is complete at the end of this day, so a
  /// member is over it from the next day on (see `CivilDate.age(on:)`).
  public func retirementDate(birth: CivilDate) -> CivilDate {
    birth.adding(months: retirementAge(birth: birth).totalMonths)
  }
}

/// An age in years and months, as the reform states retirement ages (60岁1个月).
public struct RetirementAge: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let totalMonths: Int
  public var years: Int { totalMonths / 12 }
  public var months: Int { totalMonths % 12 }

  public init(months: Int) { totalMonths = months }
  public init(years: Int, months: Int = 0) { totalMonths = years * 12 + months }

  /// `60岁1个月`, `63岁`.
  public var description: String { months == 0 ? "\(years)岁" : "\(years)岁\(months)个月" }

  public static func < (a: RetirementAge, b: RetirementAge) -> Bool {
    a.totalMonths < b.totalMonths
  }
}
