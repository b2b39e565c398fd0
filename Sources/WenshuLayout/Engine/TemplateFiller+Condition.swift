extension TemplateFiller {
  /// Whether `condition` holds in `scope`. A template of one field is judged by its value
  /// (`DataValue.isTrue`); an absent field is false (the data was checked against `data:`,
  /// so only an optional field can be absent). Any other template: its text is not empty.
  func holds(_ condition: Condition, _ scope: Scope, line: Int) -> Bool {
    switch condition {
    case .value(let template):
      if template.parts.count == 1, case .field(let field) = template.parts[0] {
        return value(of: field, scope, line: line, absentIsNull: true)?.isTrue ?? false
      }
      return !fill(template, scope, line: line).isEmpty
    case .not(let c): return !holds(c, scope, line: line)
    case .all(let cs): return cs.allSatisfy { holds($0, scope, line: line) }
    case .any(let cs): return cs.contains { holds($0, scope, line: line) }
    }
  }
}
