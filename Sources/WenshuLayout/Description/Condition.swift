/// When a block, column, list item or field is shown (`when:`): a template judged by
/// `DataValue.isTrue`, or `not`, `and`, `or` of conditions.
public indirect enum Condition: Sendable {
  /// A template that is exactly one field (`"{group}"`, `"{n | count}"`) is judged by its
  /// value; any other by whether its text is not empty.
  case value(Template)
  case not(Condition)
  case all([Condition])
  case any([Condition])

  /// Every template the condition reads, for the load-time checks of paths and variables.
  public var templates: [Template] {
    switch self {
    case .value(let t): [t]
    case .not(let c): c.templates
    case .all(let cs), .any(let cs): cs.flatMap(\.templates)
    }
  }
}
