/// Text with fields bound to the data: `确认书号码：{confirmationNumber}`,
/// `{total | rmb}`, `{activities | sum: amount | money}`. `{{` and `}}` print braces.
/// Variables start with `@`: `@page`, `@pages`, `@index` (1-based row number in a table or list).
public struct Template: Sendable, Hashable {
  public enum Part: Sendable, Hashable {
    case literal(String)
    case field(FieldReference)
  }
  public var parts: [Part]

  public init(parts: [Part]) { self.parts = parts }

  /// A template of fixed text.
  public init(literal: String) { parts = literal.isEmpty ? [] : [.literal(literal)] }

  /// Parses template text; throws a message naming the mistake.
  public init(parsing text: String) throws(TemplateError) {
    var parts: [Part] = []
    var literal = ""
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      let next = text.index(after: i)
      if c == "{" {
        if next < text.endIndex, text[next] == "{" {
          literal.append("{")
          i = text.index(after: next)
          continue
        }
        guard let close = text[next...].firstIndex(of: "}") else {
          throw TemplateError("unclosed '{' in \"\(text)\"")
        }
        if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
        parts.append(.field(try FieldReference(parsing: String(text[next..<close]))))
        i = text.index(after: close)
      } else if c == "}" {
        guard next < text.endIndex, text[next] == "}" else {
          throw TemplateError("unmatched '}' in \"\(text)\" (write }} for a brace)")
        }
        literal.append("}")
        i = text.index(after: next)
      } else {
        literal.append(c)
        i = next
      }
    }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    self.parts = parts
  }

  public var fields: [FieldReference] {
    parts.compactMap { if case .field(let f) = $0 { f } else { nil } }
  }

  public var literalText: String {
    parts.map { if case .literal(let s) = $0 { s } else { "" } }.joined()
  }
}

/// `path | formatter: argument, argument | formatter`. An argument is a literal (`12.30`, `、`),
/// a field of the data (`$members`) or, in parentheses, another field with its own formatters
/// (`plus: (b | times: $prices.B)`), so a sum of products is written where it is printed.
public struct FieldReference: Sendable, Hashable {
  public var path: DataPath
  public var formatters: [FormatterCall]

  public init(parsing text: String) throws(TemplateError) {
    let pieces = try Self.split(text, at: "|", in: text).map { $0.trimmed() }
    path = try DataPath(parsing: pieces[0])
    formatters = try pieces.dropFirst().map { piece throws(TemplateError) in
      guard !piece.isEmpty else { throw TemplateError("empty formatter in {\(text)}") }
      let nameAndArgs = piece.split(separator: ":", maxSplits: 1)
      let name = nameAndArgs[0].trimmed()
      let args =
        nameAndArgs.count > 1 ? try Self.split(String(nameAndArgs[1]), at: ",", in: text).map { $0.trimmed() } : []
      return FormatterCall(
        name: name, arguments: args, values: try args.map { a throws(TemplateError) in try .init(parsing: a, in: text) }
      )
    }
  }

  /// Every path the field reads: its own, its `$path` arguments' and those of the fields in
  /// its arguments, for the load-time checks of paths and variables.
  public var paths: [DataPath] {
    [path]
      + formatters.flatMap { call in
        call.values.flatMap { v -> [DataPath] in
          switch v {
          case .literal: []
          case .path(let p): [p]
          case .field(let f): f.paths
          }
        }
      }
  }

  /// `text` cut at `separator` outside parentheses; unbalanced parentheses are refused.
  static func split(_ text: String, at separator: Character, in whole: String) throws(TemplateError) -> [String] {
    var pieces: [String] = []
    var piece = ""
    var depth = 0
    for c in text {
      if c == "(" { depth += 1 }
      if c == ")" {
        depth -= 1
        guard depth >= 0 else { throw TemplateError("')' without its '(' in {\(whole)}") }
      }
      if c == separator && depth == 0 {
        pieces.append(piece)
        piece = ""
      } else {
        piece.append(c)
      }
    }
    guard depth == 0 else { throw TemplateError("'(' without its ')' in {\(whole)}") }
    pieces.append(piece)
    return pieces
  }
}

public struct FormatterCall: Sendable, Hashable {
  public var name: String
  /// As written: the load-time checks of literal arguments read these (`$…` and `(…)` come
  /// from the data; see `Formatter.readsData`).
  public var arguments: [String]
  /// What each argument stands for.
  public var values: [Argument]

  public init(name: String, arguments: [String], values: [Argument]? = nil) {
    self.name = name
    self.arguments = arguments
    self.values = values ?? arguments.map { .literal($0) }
  }

  /// A formatter's argument: fixed text, a field of the data, or a field with its formatters.
  public enum Argument: Sendable, Hashable {
    /// `12.30`, `round: half-up`, `、`.
    case literal(String)
    /// `$startDate`: the text of that field.
    case path(DataPath)
    /// `(b | times: $prices.B)`: that field after its formatters, as between braces.
    case field(FieldReference)

    init(parsing text: String, in whole: String) throws(TemplateError) {
      if text.hasPrefix("$") {
        self = .path(try DataPath(parsing: String(text.dropFirst())))
      } else if text.hasPrefix("("), text.hasSuffix(")") {
        let inner = String(text.dropFirst().dropLast()).trimmed()
        guard !inner.hasPrefix("$") else {
          throw TemplateError(
            "in {\(whole)}: inside ( ) write the field as between braces, without $: (\(inner.dropFirst()))")
        }
        guard !inner.isEmpty else { throw TemplateError("empty ( ) in {\(whole)}") }
        self = .field(try FieldReference(parsing: inner))
      } else if text.hasPrefix("(") {
        throw TemplateError("in {\(whole)}: an argument in ( ) is one field and its formatters, ending at ')'")
      } else {
        self = .literal(text)
      }
    }
  }
}

public struct TemplateError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension StringProtocol {
  /// Trims spaces and tabs (the engine does not need Foundation for this).
  func trimmed() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
