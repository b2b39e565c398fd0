import Yams

/// A cross-check the checks language cannot state (an office's age limits, its price list),
/// written once by the caller and declared by name in a layout's `checks:`, with the data
/// each of its inputs is read from:
///
/// ```yaml
/// checks:
///   - rule: agesOn
///     date: startDate           # a path of the data
///   - rule: overAgeMembers
///     list: members
///     activity: activity        # a field of the members' rows (optional input)
/// ```
///
/// The engine checks, at load, that the rule exists, that every path is declared under
/// `data:` (with the kind the input takes), that the rules it needs are declared with it, and
/// that a layout whose data needs a rule declares it; the caller runs it. Nothing is keyed on
/// a document's or a field's name.
public struct RuleSignature: Sendable {
  public let name: String
  public let summary: String
  public let inputs: [Input]
  /// Rules a layout must declare beside this one (the over-age rule needs the date ages are
  /// counted on).
  public let needs: [String]
  /// Whether a layout's data needs this rule declared: the declaration that needs it
  /// (`members[].age`) and why, or nil.
  public let neededBy: (@Sendable (DataSchema) -> String?)?

  public struct Input: Sendable {
    public let name: String
    public let summary: String
    /// nil: a path from the data's root; else the input (a list) whose rows hold this field.
    public let rowsOf: String?
    public let optional: Bool
    /// A name the caller reads elsewhere (a field of the office's profile), not the data's.
    public let notData: Bool
    /// The kind the declared field must have (a date), nil for any.
    public let kind: Formatter.Kind?

    public init(
      _ name: String, _ summary: String, rowsOf: String? = nil, optional: Bool = false, notData: Bool = false,
      kind: Formatter.Kind? = nil
    ) {
      self.name = name
      self.summary = summary
      self.rowsOf = rowsOf
      self.optional = optional
      self.notData = notData
      self.kind = kind
    }
  }

  public init(
    _ name: String, summary: String, inputs: [Input], needs: [String] = [],
    neededBy: (@Sendable (DataSchema) -> String?)? = nil
  ) {
    self.name = name
    self.summary = summary
    self.inputs = inputs
    self.needs = needs
    self.neededBy = neededBy
  }
}

/// A named rule as a layout declares it: its name and where each input is read.
public struct RuleUse: Sendable {
  public var name: String
  /// Input name → a data path (or, for a row input, a field name), as written.
  public var inputs: [String: String]
}

extension LayoutParser {
  /// `- rule: name` in `checks:`, its inputs checked against the rule's signature.
  func ruleUse(_ c: inout YAMLFields, _ nameNode: Node) throws(LayoutError) -> RuleUse {
    let known = rules.map(\.name)
    guard let name = nameNode.string, let signature = rules.first(where: { $0.name == name }) else {
      throw c.error(
        "unknown rule '\(nameNode.string ?? "")'\(Suggestion.didYouMean(nameNode.string ?? "", among: known)) (rules: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
        at: nameNode)
    }
    var inputs: [String: String] = [:]
    for input in signature.inputs {
      guard let node = c.take(input.name) else {
        if input.optional { continue }
        throw c.error("rule \(name) needs '\(input.name)' (\(input.summary))\(c.misspelling(of: input.name))")
      }
      guard let text = node.string, !text.isEmpty else { throw c.error("'\(input.name)' is a data path", at: node) }
      inputs[input.name] = text
    }
    return RuleUse(name: name, inputs: inputs)
  }

  /// The rules a layout's rules and data need, declared: a missing one is a load error at the
  /// rule that needs it, or at `data:` (`dataLine`) for the data that does.
  func checkNeeds(_ layout: LayoutDescription, dataLine: Int) throws(LayoutError) {
    let declared = Set(layout.checks.compactMap { $0.rule?.name })
    for check in layout.checks {
      guard let use = check.rule, let signature = rules.first(where: { $0.name == use.name }) else { continue }
      for need in signature.needs where !declared.contains(need) {
        let wanted = rules.first { $0.name == need }
        throw LayoutError(
          file: check.file ?? file, line: check.line,
          message:
            "rule \(use.name) needs rule \(need) declared with it\(wanted.map { " (\($0.summary))" } ?? ""): add `- rule: \(need)` to checks:"
        )
      }
    }
    guard let schema = layout.schema else { return }
    for signature in rules where !declared.contains(signature.name) {
      guard let reason = signature.neededBy?(schema) else { continue }
      let inputs = signature.inputs.filter { !$0.optional && !$0.notData }.map { "\n    \($0.name): …" }.joined()
      throw LayoutError(
        file: file, line: dataLine,
        message:
          "\(reason): declare rule \(signature.name) (\(signature.summary)) under checks:\n  - rule: \(signature.name)\(inputs)"
      )
    }
  }
}
