/// Writes a layout's `data:` as a JSON Schema (draft 2020-12), for `wenshu schema` and the
/// HTTP schema endpoint: what callers' systems validate against before sending data. It says
/// exactly what `SchemaValidator` accepts, as far as JSON Schema can say it:
/// - every object is closed (`additionalProperties: false`), as unknown fields are refused;
/// - an optional field may be absent or `null`, a required one neither;
/// - the caller's own properties (one that picks the layout, say) come first, as it gives them;
/// - a check that only warns constrains the JSON type alone, since any value of that type prints.
/// What a schema cannot say (check characters, sums, glyph coverage) is in each type's
/// `description` and answered by 422 with the problem's path.
public enum JSONSchemaWriter {
  public static let dialect = "https://json-schema.org/draft/2020-12/schema"

  /// A property the caller adds beside the layout's `data:` (one that picks the layout and is
  /// taken out of the data before the engine sees it). A field of
  /// `data:` of the same name is left out: the caller's property says what it is.
  public struct Property: Sendable {
    public var name: String
    public var schema: DataValue
    public var isRequired: Bool
    public init(_ name: String, schema: DataValue, isRequired: Bool) {
      self.name = name
      self.schema = schema
      self.isRequired = isRequired
    }
  }

  /// The whole schema, with `$schema`. Later `types` replace earlier ones of the same name
  /// (a caller gives a type the values it has now, such as its list of ids).
  public static func schema(
    for layout: LayoutDescription, types: [ValueType], title: String, properties: [Property] = []
  ) -> DataValue {
    var root = DataObject(["$schema": .string(dialect)])
    if case .object(let body) = dataSchema(for: layout, types: types, title: title, properties: properties) {
      for entry in body.entries { root[entry.key] = entry.value }
    }
    return .object(root)
  }

  /// The schema without `$schema`, to embed (in a document's `oneOf`, in OpenAPI components).
  public static func dataSchema(
    for layout: LayoutDescription, types: [ValueType], title: String, properties extra: [Property] = []
  ) -> DataValue {
    let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
    var root = DataObject(["title": .string(title), "description": .string(layout.summary)])
    var properties = DataObject()
    for p in extra { properties[p.name] = p.schema }
    guard case .object(let fields, _)? = layout.schema else {
      // No `data:`: the layout takes any object.
      root["type"] = .string("object")
      root["properties"] = .object(properties)
      return .object(root)
    }
    let described = fields.filter { field in !extra.contains { $0.name == field.name } }
    let required =
      extra.filter(\.isRequired).map(\.name) + described.filter { !$0.schema.isOptional }.map(\.name)
    for (name, field) in described { properties[name] = write(field, byName) }
    root["type"] = .string("object")
    root["additionalProperties"] = .bool(false)
    root["required"] = .strings(required)
    root["properties"] = .object(properties)
    return .object(root)
  }

  static func write(_ schema: DataSchema, _ types: [String: ValueType]) -> DataValue {
    let written: DataValue
    switch schema {
    case .value(_, _, _, let choices?):
      written = .object(["enum": .strings(choices)])
    case .value(let type, _, let warnOnly, nil):
      guard let valueType = types[type] else { return .object([:]) }
      written = warnOnly ? warningOnly(valueType) : valueType.schemaFragment
    case .array(let items, _, let unique):
      var array = DataObject(["type": .string("array"), "items": write(items, types)])
      if !unique.isEmpty {
        // JSON Schema's uniqueItems compares whole rows; a field's uniqueness is said in words.
        array["description"] = .string(
          "each of \(unique.joined(separator: ", ")) appears once in the document (Wenshu refuses a repeat with 422)")
      }
      written = .object(array)
    case .object(let fields, _):
      var properties = DataObject()
      for (name, field) in fields { properties[name] = write(field, types) }
      written = .object([
        "type": .string("object"), "additionalProperties": .bool(false),
        "required": .strings(fields.filter { !$0.schema.isOptional }.map(\.name)), "properties": .object(properties),
      ])
    }
    guard schema.isOptional else { return written }
    return .object(["anyOf": .array([written, .object(["type": .string("null")])])])
  }

  /// A field whose check only warns accepts any value of the type's JSON kind.
  static func warningOnly(_ type: ValueType) -> DataValue {
    var fragment = DataObject()
    if let kinds = type.jsonKinds {
      let names = kinds.sorted()
      fragment["type"] = names.count == 1 ? .string(names[0]) : .strings(names)
    }
    fragment["description"] = .string("\(type.summary); a value that fails this check prints with a warning")
    return .object(fragment)
  }
}
