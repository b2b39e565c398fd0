/// Statutory retirement ages after the gradual reform in force from 2025-01-01
/// (全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》, 2024-09-13, and its attached
/// 《国务院关于渐进式提高职工法定退休年龄的暂行办法》):
/// - men: 60 → 63, one month later for every four months of birth from January 1965;
/// - women whose age was 55 (cadres and management posts): 55 → 58, likewise from January 1970;
/// - women whose age was 50 (workers): 50 → 55, one month later for every two months of birth
///   from January 1975.
public enum RetirementCategory: String, Sendable, Hashable, CaseIterable {
  case male
  case femaleCadre
  case femaleWorker

  /// Original age, first affected birth month, months of birth per month of delay, maximum delay.
  var schedule: (base: Int, fromYear: Int, step: Int, maxDelay: Int) {
    switch self {
    case .male: (60, 1965, 4, 36)
    case .femaleCadre: (55, 1970, 4, 36)
    case .femaleWorker: (50, 1975, 2, 60)
    }
  }

  /// The statutory retirement age, in years and months, for someone born on `birth`.
  public func retirementAge(birth: CivilDate) -> (years: Int, months: Int) {
    let s = schedule
    let index = (birth.year - s.fromYear) * 12 + (birth.month - 1)
    let delay = index < 0 ? 0 : Swift.min(s.maxDelay, index / s.step + 1)
    return (s.base + delay / 12, delay % 12)
  }

  /// The day the statutory retirement age is reached.
  public func retirementDate(birth: CivilDate) -> CivilDate {
    let age = retirementAge(birth: birth)
    return birth.adding(years: age.years, months: age.months)
  }
}

/// An activity's age limit: a fixed age, or the statutory retirement age.
public enum AgeLimit: Sendable, Hashable {
  /// Over the limit once this age is reached (满 n 周岁, see `CivilDate.age(on:)`).
  case years(Int)
  /// Over the limit from the day the statutory retirement age is reached; women are assumed
  /// to be in `femaleCategory` unless the member's data says otherwise.
  case statutoryRetirement(femaleCategory: RetirementCategory)
}

/// Age limits per activity for one office, as data.
public struct AgeLimits: Sendable, Hashable {
  public var office: String
  public var byActivity: [String: AgeLimit]
  public var fallback: AgeLimit

  public init(office: String, byActivity: [String: AgeLimit] = [:], fallback: AgeLimit = .statutoryRetirement(femaleCategory: .femaleWorker)) {
    self.office = office
    self.byActivity = byActivity
    self.fallback = fallback
  }

  public func limit(for activity: String) -> AgeLimit { byActivity[activity] ?? fallback }

  /// Whether a member is over the activity's age limit on the activity's start date: such
  /// members are flagged in 参保自核 and need an 超龄人员在职证明.
  public func isOverAge(
    birth: CivilDate, sex: Sex, activity: String, startDate: CivilDate, category: RetirementCategory? = nil
  ) -> Bool {
    switch limit(for: activity) {
    case .years(let n):
      return birth.age(on: startDate) >= n
    case .statutoryRetirement(let femaleCategory):
      let c = category ?? (sex == .male ? .male : femaleCategory)
      return startDate >= c.retirementDate(birth: birth)
    }
  }
}
