import Graphics
import Yams

/// A consistency rule on the data, e.g. a total must equal the sum of its rows, a discharge
/// date is not before the admission date, a member's activity is one of the document's.
public struct Check: Sendable {
  public var value: Template
  /// The other side (for `in:`, unused).
  public var equals: Template
  /// How `value` must stand to the other side.
  public var relation: Relation = .equal
  /// For `in: activities[].name`: the list and the field of its rows `value` must be one of.
  public var oneOf: (list: DataPath, field: String)? = nil
  /// A named rule of the caller's (`rule: overAgeMembers`): the engine only checks its paths.
  public var rule: RuleUse? = nil
  /// When set, the check runs once per item of this array, blaming `array[i].path`.
  public var each: DataPath?
  /// When set, the check applies only where it holds (judged in each item with `each:`):
  /// a rule for a group's application only.
  public var when: Condition? = nil
  /// The data path blamed when the check fails.
  public var path: String
  public var message: String
  public var line: Int
  /// The file it was written in, when inherited through `extends:`.
  public var file: String? = nil
}

extension Check {
  /// A check's comparison, by its key in the layout: numbers (amounts, counts) compare by
  /// value, dates (YYYY-MM-DD) by the calendar, other text only for (in)equality.
  public enum Relation: String, Sendable, CaseIterable {
    case equal = "equals"
    case notEqual = "notEquals"
    case less = "lessThan"
    case lessOrEqual = "atMost"
    case greater = "greaterThan"
    case greaterOrEqual = "atLeast"
    case member = "in"

    /// The sign a failed check prints between the two sides: what holds instead.
    public var failedSign: String {
      switch self {
      case .equal: "≠"
      case .notEqual: "="
      case .less: "≥"
      case .lessOrEqual: ">"
      case .greater: "≤"
      case .greaterOrEqual: "<"
      case .member: "∉"
      }
    }
  }
}

extension LayoutParser {
  func parseChecks(_ node: Node) throws(LayoutError) -> [Check] {
    guard case .sequence(let seq) = node else {
      throw LayoutError(file: file, line: node.line, message: "checks is a list")
    }
    return try seq.map { n throws(LayoutError) in
      var c = try YAMLFields(n, what: "a check", file: file)
      if let name = c.take("rule") {
        var check = Check(
          value: Template(literal: ""), equals: Template(literal: ""), each: nil, path: "", message: "", line: n.line)
        check.rule = try ruleUse(&c, name)
        try c.finish()
        return check
      }
      let each = try c.take("each").map(path)
      let value = try template(required(c.take("value"), in: c, key: "value"))
      var sides: [(Check.Relation, Node)] = []
      for relation in Check.Relation.allCases {
        if let node = c.take(relation.rawValue) { sides.append((relation, node)) }
      }
      guard sides.count == 1, let side = sides.first else {
        let keys = Check.Relation.allCases.map(\.rawValue).joined(separator: ", ")
        throw c.error(
          sides.isEmpty
            ? "a check needs one of \(keys)\(c.misspelling(of: "equals"))"
            : "a check compares with one of \(keys), not \(sides.map(\.0.rawValue).joined(separator: " and "))")
      }
      let (relation, other) = side
      var check = Check(
        value: value,
        equals: relation == .member ? value : try template(other),
        each: each,
        path: try string(c.take("path"), in: c, key: "path"),
        message: try string(c.take("message"), in: c, key: "message"),
        line: n.line)
      check.relation = relation
      if relation == .member { check.oneOf = try membership(other) }
      check.when = try c.take("when").map(condition)
      try c.finish()
      return check
    }
  }

  /// `in: activities[].name`: a list of the data and the field of its rows.
  func membership(_ node: Node) throws(LayoutError) -> (list: DataPath, field: String) {
    guard let s = node.string, let split = s.firstRange(of: "[]."), !s[split.upperBound...].isEmpty else {
      throw LayoutError(
        file: file, line: node.line, message: "in: names a list and a field of its rows: in: activities[].name")
    }
    do { return (try DataPath(parsing: String(s[..<split.lowerBound])), String(s[split.upperBound...])) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }
}
