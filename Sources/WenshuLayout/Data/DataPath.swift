/// Where a value sits in the data: `unit.name`, `members[3].idNumber`, or a variable `@page`.
public struct DataPath: Sendable, Hashable, CustomStringConvertible {
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }
  public var components: [Component]
  /// Set for `@name` variables, which are not looked up in the data.
  public var variable: String?

  public init(components: [Component] = [], variable: String? = nil) {
    self.components = components
    self.variable = variable
  }

  public init(parsing text: String) throws(TemplateError) {
    if text.hasPrefix("@") {
      let name = String(text.dropFirst())
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
        throw TemplateError("invalid variable '\(text)'")
      }
      self.init(variable: name)
      return
    }
    var components: [Component] = []
    var key = ""
    var chars = text.makeIterator()
    while let c = chars.next() {
      switch c {
      case ".":
        if key.isEmpty {
          // Only allowed right after an index: members[3].name
          guard case .index? = components.last else { throw TemplateError("invalid path '\(text)'") }
        } else {
          components.append(.key(key)); key = ""
        }
      case "[":
        if !key.isEmpty { components.append(.key(key)); key = "" }
        var digits = ""
        while let d = chars.next(), d != "]" { digits.append(d) }
        guard let n = Int(digits), n >= 0 else { throw TemplateError("invalid index in path '\(text)'") }
        components.append(.index(n))
      default:
        guard c.isLetter || c.isNumber || c == "_" || c == "-" || c == "+" else {
          throw TemplateError("invalid character '\(c)' in path '\(text)'")
        }
        key.append(c)
      }
    }
    if !key.isEmpty { components.append(.key(key)) }
    guard !components.isEmpty else { throw TemplateError("empty path") }
    self.init(components: components)
  }

  public var description: String {
    if let variable { return "@" + variable }
    var s = ""
    for c in components {
      switch c {
      case .key(let k): s += s.isEmpty ? k : "." + k
      case .index(let i): s += "[\(i)]"
      }
    }
    return s
  }

  public func appending(_ c: Component) -> DataPath { DataPath(components: components + [c]) }
}
