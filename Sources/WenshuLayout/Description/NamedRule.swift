import Yams

/// A cross-check the checks language cannot state (an office's age limits, its price list),
/// written once by the caller and declared by name in a layout's `checks:`, with the data
/// each of its inputs is read from:
///
/// ```yaml
/// checks:
///   - rule: overAgeMembers
///     members: members          # a path of the data
///     startDate: startDate
///     activity: activity        # a field of the members' rows (optional input)
/// ```
///
/// The engine checks, at load, that the rule exists and that every path is declared under
/// `data:`; the caller runs it. Nothing is keyed on a document's or a field's name.
public struct RuleSignature: Sendable {
  public let name: String
  public let summary: String
  public let inputs: [Input]

  public struct Input: Sendable {
    public let name: String
    public let summary: String
    /// nil: a path from the data's root; else the input (a list) whose rows hold this field.
    public let rowsOf: String?
    public let optional: Bool
    /// A name the caller reads elsewhere (a field of the office's profile), not the data's.
    public let notData: Bool

    public init(
      _ name: String, _ summary: String, rowsOf: String? = nil, optional: Bool = false, notData: Bool = false
    ) {
      self.name = name
      self.summary = summary
      self.rowsOf = rowsOf
      self.optional = optional
      self.notData = notData
    }
  }

  public init(_ name: String, summary: String, inputs: [Input]) {
    self.name = name
    self.summary = summary
    self.inputs = inputs
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
}
