import Graphics

/// Fills templates from the data, reporting every problem (missing field, bad value,
/// character no font can draw) to the problem log with its data path, and carrying on.
struct TemplateFiller {
  var file: String
  let formatters: FormatterSet
  let fonts: FontLibrary
  let problems: ProblemLog
  /// Whether text is checked for characters that must not reach paper. The first pass fills
  /// every template and reports; the second fills the same templates again to draw them.
  var checksText = true
  /// Signs verification codes; without one a verification QR is left out.
  var codes: (any CodeIssuer)?

  func fill(_ template: Template, _ scope: Scope, line: Int) -> String {
    var out = ""
    for part in template.parts {
      switch part {
      case .literal(let s):
        if checksText, let bad = textProblem(s) {
          problems.report(DataProblem(path: "\(file):\(line)", message: bad))
        }
        out += s
      case .field(let field):
        if let value = value(of: field, scope, line: line) {
          guard let text = value.text else {
            problems.report(
              DataProblem(
                path: fullPath(field, scope),
                message: "是\(value.kind)，不能直接打印 (a \(value.kind) cannot be printed; \(file):\(line))"))
            continue
          }
          if checksText, let bad = textProblem(text) {
            problems.report(DataProblem(path: fullPath(field, scope), message: bad))
          }
          out += text
        }
      }
    }
    return out
  }

  /// The full data path of a field, for a problem found in its value.
  private func fullPath(_ field: FieldReference, _ scope: Scope) -> String {
    (scope.resolve(field.path)?.path ?? field.path).description
  }

  /// The value of a field after its formatters; `nil` after reporting a problem.
  func value(of field: FieldReference, _ scope: Scope, line: Int, absentIsNull: Bool = false) -> DataValue? {
    var found = scope.lookup(field.path)
    // An absent optional field is empty for formatters that exist to fill gaps, and false in a condition.
    if found == nil, absentIsNull && field.path.variable == nil { found = .null }
    if found == nil, let first = field.formatters.first.flatMap({ formatters[$0.name] }), first.fillsGaps {
      found = .null
    }
    guard let raw = found else {
      let base = scope.innermost.path
      let shown =
        field.path.variable != nil || base.components.isEmpty ? field.path.description : "\(base).\(field.path)"
      problems.report(DataProblem(path: shown, message: "缺少此项 (missing; required by \(file):\(line))"))
      return nil
    }
    var value = raw
    for call in field.formatters {
      guard let formatter = formatters[call.name] else { return nil }
      var arguments: [String] = []
      for argument in call.values {
        guard let text = self.argument(argument, scope, line: line) else { return nil }
        arguments.append(text)
      }
      do { value = try formatter.apply(value, arguments) } catch {
        problems.report(DataProblem(path: fullPath(field, scope), message: error.message))
        return nil
      }
    }
    return value
  }

  /// The text an argument stands for: as written, the text of a field (`$startDate`), or a
  /// field after its formatters (`(b | times: $prices.B)`); nil after reporting a problem.
  private func argument(_ argument: FormatterCall.Argument, _ scope: Scope, line: Int) -> String? {
    switch argument {
    case .literal(let text): return text
    case .path(let path):
      guard let text = scope.lookup(path)?.text else {
        problems.report(DataProblem(path: "$\(path)", message: "缺少此项 (missing; required by \(file):\(line))"))
        return nil
      }
      return text
    case .field(let inner):
      guard let value = value(of: inner, scope, line: line) else { return nil }
      guard let text = value.text else {
        problems.report(
          DataProblem(
            path: fullPath(inner, scope),
            message: "是\(value.kind)，不能作为参数 (a \(value.kind) cannot be an argument; \(file):\(line))"))
        return nil
      }
      return text
    }
  }

  /// Text that must not reach paper: controls, bidirectional overrides, characters no font draws.
  func textProblem(_ text: String) -> String? {
    // Codes, dates and amounts — most of a member list's cells — are printable ASCII, which
    // the bundled fonts cover whole: no character of theirs needs looking up.
    if fonts.coversPrintableASCII, Self.isPrintableASCII(text) { return nil }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) {
        return "含有控制字符 U+\(hex(v)) (control character not allowed)"
      }
      if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
        return "含有文字方向控制字符 U+\(hex(v)) (bidirectional override not allowed)"
      }
      if !fonts.covers(scalar) {
        return "U+\(hex(v)) '\(Character(scalar))' has no glyph in any bundled font (字库中没有此字)"
      }
    }
    return nil
  }

  private static func isPrintableASCII(_ text: String) -> Bool {
    var text = text  // `withUTF8` needs a variable; a native string is not copied
    return text.withUTF8 { bytes in bytes.allSatisfy { $0 &- 0x20 < 0x5F } }
  }

  private func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }
}
