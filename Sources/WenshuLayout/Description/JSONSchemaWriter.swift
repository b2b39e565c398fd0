/// Writes a layout's `data:` as a JSON Schema (draft 2020-12), for `wenshu schema` and the
/// HTTP schema endpoint: what callers' systems validate against before sending data.
public enum JSONSchemaWriter {
  public static func schema(for layout: LayoutDescription, types: [ValueType]) -> String {
    var byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var schema = layout.schema
    // A variant is chosen by the data's `variant` field.
    if layout.variant != "default", case .object(let fields, let optional)? = schema {
      byName["$variant"] = ValueType("$variant", summary: "", jsonSchema: "{\"const\": \(quote(layout.variant))}") { _ in nil }
      schema = .object(fields: [("variant", .value(type: "$variant", optional: false))] + fields, optional: optional)
    }
    var root = schema.map { write($0, byName, indent: "  ") } ?? "{}"
    let head = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": \(quote(layout.document + (layout.variant == "default" ? "" : " (\(layout.variant))"))),
        "description": \(quote(layout.summary)),
      """
    // Merge the header into the root object.
    root.removeFirst()
    var variant = ""
    if layout.variant != "default" {
      variant = "\n  \"x-variant\": \(quote(layout.variant)),"
    }
    return head + variant + root + "\n"
  }

  static func write(_ schema: DataSchema, _ types: [String: ValueType], indent: String) -> String {
    let inner = indent + "  "
    switch schema {
    case .value(let type, _, _):
      return types[type]?.jsonSchema ?? "{}"
    case .array(let items, _):
      return "{\n\(inner)\"type\": \"array\",\n\(inner)\"items\": \(write(items, types, indent: inner))\n\(indent)}"
    case .object(let fields, _):
      let properties = fields.map { "\(inner)  \(quote($0.name)): \(write($0.schema, types, indent: inner + "  "))" }
        .joined(separator: ",\n")
      let required = fields.filter { !$0.schema.isOptional }.map { quote($0.name) }.joined(separator: ", ")
      return """
        {
        \(inner)"type": "object",
        \(inner)"additionalProperties": false,
        \(inner)"required": [\(required)],
        \(inner)"properties": {
        \(properties)
        \(inner)}
        \(indent)}
        """
    }
  }

  static func quote(_ s: String) -> String { JSONText.quote(s) }
}
