import WenshuLayout
import WenshuRules

/// An office's age limits, read from its profile (`ageLimits:` in `Layouts/offices/<id>.yaml`):
///
/// ```yaml
/// ageLimits:
///   fallback: statutory              # every activity not listed
///   activities:
///     在职职工住院医疗互助保障活动: statutory
///     退休职工住院医疗互助保障活动: none
///     某项活动: 65                     # over once 65 周岁 are complete; also 60岁6个月
/// ```
/// `statutory` is the statutory retirement age (women taken as workers, the earlier age);
/// `statutory(cadre)` takes women as cadres; `none` is no limit. A profile without
/// `ageLimits` has the statutory age for every activity.
enum OfficeAgeLimits {
  static func read(_ profile: DataValue, office: String, file: String) throws(LayoutError) -> AgeLimits {
    guard let section = profile["ageLimits"] else { return AgeLimits(office: office) }
    guard case .object(let fields) = section else {
      throw LayoutError(file: file, line: 1, message: "ageLimits: expected a mapping with fallback and activities")
    }
    var limits = AgeLimits(office: office)
    for key in fields.keys where key != "fallback" && key != "activities" {
      throw LayoutError(file: file, line: 1, message: "ageLimits.\(key): unknown field (expected fallback, activities)")
    }
    if let text = fields["fallback"]?.text {
      limits.fallback = try limit(text, at: "ageLimits.fallback", file: file)
    }
    if let activities = fields["activities"] {
      guard case .object(let byName) = activities else {
        throw LayoutError(file: file, line: 1, message: "ageLimits.activities: expected activity: limit pairs")
      }
      for name in byName.keys {
        limits.byActivity[name] = try limit(byName[name]?.text ?? "", at: "ageLimits.activities.\(name)", file: file)
      }
    }
    return limits
  }

  static func limit(_ text: String, at path: String, file: String) throws(LayoutError) -> AgeLimit {
    switch text {
    case "statutory": return .statutoryRetirement(femaleCategory: .femaleWorker)
    case "statutory(cadre)": return .statutoryRetirement(femaleCategory: .femaleCadre)
    case "none": return .unlimited
    default:
      if let years = Int(text), (16...100).contains(years) { return .years(years) }
      if let match = text.wholeMatch(of: /([0-9]{2,3})岁([0-9]{1,2})个月/), let y = Int(match.1), let m = Int(match.2),
        m < 12
      {
        return .age(RetirementAge(years: y, months: m))
      }
      throw LayoutError(
        file: file, line: 1,
        message: "\(path): '\(text)' is not an age limit (statutory, statutory(cadre), none, 65 or 60岁6个月)")
    }
  }
}
