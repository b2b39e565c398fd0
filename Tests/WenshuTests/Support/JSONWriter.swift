import WenshuLayout

/// Writes a `DataValue` back as JSON, for tests that edit a sample.
enum JSONWriter {
  static func text(_ v: DataValue) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n
    case .string(let s): return quote(s)
    case .array(let a): return "[" + a.map(text).joined(separator: ",") + "]"
    case .object(let o): return "{" + o.keys.map { quote($0) + ":" + text(o[$0]!) }.joined(separator: ",") + "}"
    }
  }

  static func quote(_ s: String) -> String { JSONText.quote(s) }
}
