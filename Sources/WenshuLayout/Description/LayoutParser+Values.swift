import Graphics
import Yams

/// The values every block kind reads: lengths, alignments, paths, templates, styles.
extension LayoutParser {
  /// A style given inside a fields, list or table mapping, or beside it: one place only.
  func innerStyle(_ inner: Node?, outer: Node?, in f: YAMLFields, styles: [String: TextStyle]) throws(LayoutError)
    -> String?
  {
    if let inner, outer != nil { throw f.error("style is given twice: beside the element and inside it", at: inner) }
    guard let n = inner ?? outer else { return nil }
    guard let s = n.string, styles[s] != nil else {
      throw f.error(
        "unknown style '\(n.string ?? "")'\(Suggestion.didYouMean(n.string ?? "", among: styles.keys.sorted())) (styles: \(styles.keys.sorted().joined(separator: ", ")))",
        at: n)
    }
    return s
  }

  func required(_ node: Node?, in f: YAMLFields, key: String) throws(LayoutError) -> Node {
    guard let node else { throw f.error("\(f.what) needs '\(key)'\(f.misspelling(of: key))") }
    return node
  }

  func string(_ node: Node?, in f: YAMLFields, key: String) throws(LayoutError) -> String {
    guard let s = try required(node, in: f, key: key).string else {
      throw f.error("'\(key)' must be text", at: node)
    }
    return s
  }

  func bool(_ node: Node) throws(LayoutError) -> Bool {
    guard let b = node.bool else { throw LayoutError(file: file, line: node.line, message: "expected true or false") }
    return b
  }

  func int(_ node: Node, _ range: ClosedRange<Int>) throws(LayoutError) -> Int {
    guard let i = node.int, range.contains(i) else {
      throw LayoutError(
        file: file, line: node.line, message: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return i
  }

  func alignment(_ node: Node) throws(LayoutError) -> TextStyle.Alignment {
    guard let s = node.string, let a = TextStyle.Alignment(rawValue: s) else {
      throw LayoutError(file: file, line: node.line, message: "align is left, center or right")
    }
    return a
  }

  func path(_ node: Node) throws(LayoutError) -> DataPath {
    guard let s = node.string else { throw LayoutError(file: file, line: node.line, message: "expected a data path") }
    do { return try DataPath(parsing: s) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }

  /// A length: a number of points, or text with a unit: `12pt`, `20mm`, `2cm`, `0.5in`.
  func length(_ node: Node) throws(LayoutError) -> Double {
    guard let s = node.string, let v = Self.length(s) else {
      throw LayoutError(file: file, line: node.line, message: "expected a length such as 12pt, 20mm, 2cm or 0.5in")
    }
    return v
  }

  static func length(_ text: String) -> Double? {
    let units: [(String, Double)] = [("pt", 1), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
      guard let v = Double(text.dropLast(2)), v >= 0, v < 10_000 else { return nil }
      return v * factor
    }
    guard let v = Double(text), v >= 0, v < 10_000 else { return nil }
    return v
  }

  func template(_ node: Node) throws(LayoutError) -> Template {
    guard let s = node.string else {
      throw LayoutError(file: file, line: node.line, message: "expected text")
    }
    let t = try Template(parsing: s, at: node, file: file)
    for field in t.fields { try check(field, line: node.line) }
    return t
  }

  /// Refuses, at load, a formatter that does not exist, wrong arguments, and a chain whose
  /// steps cannot fit (`{d | date | money}`: the date's text is not an amount).
  func check(_ field: FieldReference, line: Int) throws(LayoutError) {
    var previous: Formatter?
    for call in field.formatters {
      guard let formatter = formatters[call.name] else {
        throw LayoutError(
          file: file, line: line,
          message:
            "unknown formatter '\(call.name)'\(Suggestion.didYouMean(call.name, among: formatters.names)) (formatters: \(formatters.names.joined(separator: ", ")))"
        )
      }
      guard formatter.arguments.contains(call.arguments.count) else {
        let hint = formatter.checkArguments(call.arguments).map { ": \($0)" } ?? ""
        throw LayoutError(
          file: file, line: line,
          message:
            "formatter '\(call.name)' takes \(Self.counted(formatter.arguments)), got \(call.arguments.count)\(hint)")
      }
      if let problem = formatter.checkArguments(call.arguments) {
        throw LayoutError(file: file, line: line, message: "in {\(field.path) | \(call.name)}: \(problem)")
      }
      if let previous, !previous.output.fits(formatter.input) {
        throw LayoutError(
          file: file, line: line,
          message:
            "in {\(field.path)}: '\(previous.name)' gives \(previous.output.rawValue), but '\(call.name)' takes \(formatter.input.rawValue)"
        )
      }
      for (i, argument) in call.values.enumerated() {
        guard case .field(let inner) = argument else { continue }
        try check(inner, line: line)
        let gives = inner.formatters.last.flatMap { formatters[$0.name] }?.output ?? .any
        if !gives.fits(formatter.argumentKind(i)) {
          throw LayoutError(
            file: file, line: line,
            message:
              "in {\(field.path) | \(call.name)}: (\(inner.path) | …) gives \(gives.rawValue), but '\(call.name)' takes \(formatter.argumentKind(i).rawValue)"
          )
        }
      }
      previous = formatter
    }
  }

  static func counted(_ range: ClosedRange<Int>) -> String {
    let n = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    return n + (range.upperBound == 1 ? " argument" : " arguments")
  }
}

extension FieldReference {
  init(parsing text: String, at node: Node, file: String) throws(LayoutError) {
    do { try self.init(parsing: text) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }
}

extension Template {
  init(parsing text: String, at node: Node, file: String) throws(LayoutError) {
    do { try self.init(parsing: text) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }
}
