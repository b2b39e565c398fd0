/// An activity's age limit. In-service activities are for members of working age: a member
/// over the limit on the activity's start date is flagged in 参保自核 and needs an
/// 超龄人员在职证明 (over-age certificate).
public enum AgeLimit: Sendable, Hashable {
  /// Over once this age (years and months) is complete — e.g. `.age(RetirementAge(years: 65))`.
  case age(RetirementAge)
  /// Over once the statutory retirement age is complete. Women are taken to be in
  /// `femaleCategory` unless the caller knows their category.
  case statutoryRetirement(femaleCategory: RetirementCategory)
  /// No age limit.
  case unlimited

  /// Over once `n` 周岁 are complete.
  public static func years(_ n: Int) -> AgeLimit { .age(RetirementAge(years: n)) }

  /// The age at which this member reaches the limit, or nil when there is none.
  public func limitAge(birth: CivilDate, sex: Sex, category: RetirementCategory? = nil)
    -> RetirementAge?
  {
    switch self {
    case .age(let age): age
    case .statutoryRetirement(let femaleCategory):
      (category ?? .of(sex, femaleCategory: femaleCategory)).retirementAge(birth: birth)
    case .unlimited: nil
    }
  }

  /// The first day on which the member is over the limit: the day after the limit age's
  /// anniversary (nil when there is no limit).
  public func firstDayOver(birth: CivilDate, sex: Sex, category: RetirementCategory? = nil)
    -> CivilDate?
  {
    limitAge(birth: birth, sex: sex, category: category).map {
      birth.adding(months: $0.totalMonths).nextDay
    }
  }

  /// Whether the member has completed the limit age on `date`, counted like `CivilDate.age(on:)`.
  public func isOver(
    birth: CivilDate, sex: Sex, category: RetirementCategory? = nil, on date: CivilDate
  ) -> Bool {
    guard let age = limitAge(birth: birth, sex: sex, category: category) else { return false }
    return birth.completedMonths(on: date) >= age.totalMonths
  }
}

/// One office's age limits, per activity, as data: each office sets its own, and the default
/// for every activity is the statutory retirement age.
public struct AgeLimits: Sendable, Hashable {
  public var office: String
  public var byActivity: [String: AgeLimit]
  /// The limit of an activity not in `byActivity`.
  public var fallback: AgeLimit

  /// The default everywhere: the statutory retirement age, women taken as `femaleWorker`
  /// (the earlier age, so a member is flagged rather than silently passed).
  public static let statutory = AgeLimits(office: "")

  public init(
    office: String, byActivity: [String: AgeLimit] = [:],
    fallback: AgeLimit = .statutoryRetirement(femaleCategory: .femaleWorker)
  ) {
    self.office = office
    self.byActivity = byActivity
    self.fallback = fallback
  }

  public func limit(for activity: String) -> AgeLimit { byActivity[activity] ?? fallback }

  /// Whether a member is over the activity's age limit on the activity's start date.
  /// `category` overrides the retirement category taken from `sex` when the data has it.
  public func isOverAge(
    birth: CivilDate, sex: Sex, activity: String, startDate: CivilDate,
    category: RetirementCategory? = nil
  ) -> Bool {
    limit(for: activity).isOver(birth: birth, sex: sex, category: category, on: startDate)
  }
}
