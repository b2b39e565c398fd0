import Graphics
import Yams

/// `data:`: the shape of the data a layout reads, checked before it is laid out.
extension LayoutParser {
  func dataSchema(_ node: Node, optional: Bool) throws(LayoutError) -> DataSchema {
    switch node {
    case .scalar:
      guard var name = node.string else {
        throw LayoutError(file: file, line: node.line, message: "expected a type name")
      }
      let warnOnly = name.hasSuffix(" (warning)")
      if warnOnly { name.removeLast(" (warning)".count) }
      let isOptional = name.hasSuffix("?")
      if isOptional { name.removeLast() }
      guard types[name] != nil else {
        throw LayoutError(
          file: file, line: node.line,
          message: "unknown data type '\(name)' (types: \(types.keys.sorted().joined(separator: ", ")))")
      }
      return .value(type: name, optional: isOptional, warnOnly: warnOnly)
    case .mapping(let mapping):
      if mapping.count == 1, let only = mapping.first, let key = only.key.string, key == "enum" || key == "enum?" {
        return try enumeration(only.value, optional: key == "enum?")
      }
      var fields: [(name: String, schema: DataSchema)] = []
      for (k, v) in mapping {
        guard var name = k.string else { throw LayoutError(file: file, line: k.line, message: "field names are text") }
        var unique: [String] = []
        if let open = name.firstRange(of: " (unique "), name.hasSuffix(")") {
          unique = name[open.upperBound...].dropLast().split(separator: ",").map { String($0.filter { $0 != " " }) }
          name = String(name[..<open.lowerBound])
        }
        var schema = try dataSchema(v, optional: false)
        if !unique.isEmpty { schema = try uniqueList(schema, unique, line: k.line) }
        fields.append((name, schema))
      }
      return .object(fields: fields, optional: optional)
    case .sequence(let seq):
      guard seq.count == 1 else {
        throw LayoutError(
          file: file, line: node.line, message: "an array is written as a list of one element: the shape of its items")
      }
      return .array(items: try dataSchema(seq[0], optional: false), optional: optional)
    case .alias:
      throw LayoutError(file: file, line: node.line, message: "aliases are not supported in data:")
    }
  }

  /// `{ enum: [工会经费, 行政经费] }`: a text that is one of these.
  func enumeration(_ node: Node, optional: Bool) throws(LayoutError) -> DataSchema {
    guard case .sequence(let items) = node, !items.isEmpty else {
      throw LayoutError(file: file, line: node.line, message: "enum is a list of the texts allowed: enum: [a, b]")
    }
    var choices: [String] = []
    for item in items {
      guard let text = item.string, VisibleText.isVisible(text), !choices.contains(text) else {
        throw LayoutError(
          file: file, line: item.line, message: "an enum's choices are different texts that show something")
      }
      choices.append(text)
    }
    return .value(type: "text", optional: optional, choices: choices)
  }

  /// `members (unique idNumber):` — a list of objects whose rows declare each field named.
  func uniqueList(_ schema: DataSchema, _ unique: [String], line: Int) throws(LayoutError) -> DataSchema {
    guard case .array(let items, let optional, _) = schema, case .object(let fields, _) = items else {
      throw LayoutError(
        file: file, line: line, message: "unique is declared on a list of objects: members (unique idNumber):")
    }
    let names = fields.map(\.name)
    for field in unique {
      guard case .value? = items.field(field) else {
        throw LayoutError(
          file: file, line: line,
          message:
            "unique: '\(field)' is not a field of the list's rows\(Suggestion.didYouMean(field, among: names)) (fields: \(names.joined(separator: ", ")))"
        )
      }
    }
    return .array(items: items, optional: optional, unique: unique)
  }
}
