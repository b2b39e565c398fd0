/// Writes a `DataValue` as JSON text: keys in their order, numbers as their literal text
/// (schemas' bounds and data's counts print as written), two-space indentation. Schemas and
/// service answers are built as values and written here, never by joining strings.
public enum JSONWriter {
  public static func write(_ value: DataValue, pretty: Bool = true) -> String {
    var out = ""
    write(value, into: &out, indent: pretty ? "" : nil)
    if pretty { out += "\n" }
    return out
  }

  private static func write(_ value: DataValue, into out: inout String, indent: String?) {
    let inner = indent.map { $0 + "  " }
    let newline = indent == nil ? "" : "\n"
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n
    case .string(let s): out += JSONText.quote(s)
    case .array(let items):
      guard !items.isEmpty else { out += "[]"; return }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += inner ?? ""
        write(item, into: &out, indent: inner)
        out += (i == items.count - 1 ? "" : ",") + newline
      }
      out += (indent ?? "") + "]"
    case .object(let object):
      guard object.count > 0 else { out += "{}"; return }
      out += "{" + newline
      // Keys and values side by side, not `entries`, which makes an array per object.
      for (i, (key, value)) in zip(object.keys, object.values).enumerated() {
        out += (inner ?? "") + JSONText.quote(key) + (indent == nil ? ":" : ": ")
        write(value, into: &out, indent: inner)
        out += (i == object.count - 1 ? "" : ",") + newline
      }
      out += (indent ?? "") + "}"
    }
  }
}

extension DataValue {
  /// A JSON number from an integer.
  public static func integer(_ n: Int) -> DataValue { .number(String(n)) }

  /// An object from key–value pairs, in that order.
  public static func object(_ pairs: KeyValuePairs<String, DataValue>) -> DataValue { .object(DataObject(pairs)) }

  /// An array of strings.
  public static func strings(_ items: [String]) -> DataValue { .array(items.map(DataValue.string)) }
}
