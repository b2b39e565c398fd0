import Yams

extension LayoutParser {
  /// `when: "{group}"`, `when: { not: "{gift}" }`, `when: { and: ["{group}", { not: "{gift}" }] }`.
  func condition(_ node: Node) throws(LayoutError) -> Condition {
    if case .mapping(let mapping) = node {
      guard mapping.count == 1, let (key, value) = mapping.first.map({ ($0.key.string ?? "", $0.value) }) else {
        throw LayoutError(
          file: file, line: node.line,
          message: "a condition is a template or one of { not: … }, { and: […] }, { or: […] }")
      }
      switch key {
      case "not": return .not(try condition(value))
      case "and", "or":
        guard case .sequence(let seq) = value, !seq.isEmpty else {
          throw LayoutError(file: file, line: value.line, message: "\(key) takes a list of conditions")
        }
        let parts = try seq.map { n throws(LayoutError) in try condition(n) }
        return key == "and" ? .all(parts) : .any(parts)
      default:
        throw LayoutError(
          file: file, line: node.line,
          message: "unknown condition '\(key)'\(Suggestion.didYouMean(key, among: ["not", "and", "or"])) (not, and, or)"
        )
      }
    }
    let t = try template(node)
    guard !t.fields.isEmpty else {
      throw LayoutError(
        file: file, line: node.line,
        message: "a condition reads the data: write a field, when: \"{group}\" (fixed text is always true)")
    }
    return .value(t)
  }
}
