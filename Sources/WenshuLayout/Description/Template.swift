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

/// `path | formatter: argument, argument | formatter`.
public struct FieldReference: Sendable, Hashable {
  public var path: DataPath
  public var formatters: [FormatterCall]

  public init(parsing text: String) throws(TemplateError) {
    let pieces = text.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmed()
    }
    path = try DataPath(parsing: pieces[0])
    formatters = try pieces.dropFirst().map { piece throws(TemplateError) in
      guard !piece.isEmpty else { throw TemplateError("empty formatter in {\(text)}") }
      let nameAndArgs = piece.split(separator: ":", maxSplits: 1)
      let name = nameAndArgs[0].trimmed()
      let args =
        nameAndArgs.count > 1
        ? nameAndArgs[1].split(separator: ",").map { $0.trimmed() } : []
      return FormatterCall(name: name, arguments: args)
    }
  }
}

public struct FormatterCall: Sendable, Hashable {
  public var name: String
  public var arguments: [String]
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
