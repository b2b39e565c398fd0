import WenshuLayout

extension OpenAPIDocument {
  /// Object keys and enum values a generated client cannot tell apart. Generators turn a property's name into
  /// an identifier by dropping what is not a letter or digit, so `A` and `A+` (the 告知书's
  /// categories) become one field and the whole model is dropped. Such an object, when its
  /// properties share one schema, is described as the same closed set of keys written as a map
  /// (`propertyNames` and `additionalProperties`), which accepts exactly the same JSON.
  enum SchemaKeys {
    static func mapped(_ schema: DataValue) -> DataValue {
      switch schema {
      case .array(let items): return .array(items.map(mapped))
      case .object(let o):
        var result = DataObject()
        for (key, value) in o.entries {
          result[key] = literal.contains(key) ? value : mapped(value)
        }
        return .object(namingValues(asMap(result) ?? result))
      default: return schema
      }
    }

    /// Keywords whose values are data, not schemas: left as they are.
    static let literal: Set<String> = ["const", "enum", "default", "examples", "example", "required"]

    static func asMap(_ o: DataObject) -> DataObject? {
      guard case .object(let properties)? = o["properties"], o["additionalProperties"] == .bool(false),
        let first = properties.entries.first?.value
      else { return nil }
      let identifiers = properties.keys.map(identifier)
      guard Set(identifiers).count < identifiers.count, properties.entries.allSatisfy({ $0.value == first }) else {
        return nil
      }
      var map = o
      map["properties"] = nil
      map["propertyNames"] = .object(["enum": .strings(properties.keys)])
      map["additionalProperties"] = first
      return map
    }

    /// An `enum` of strings that would make one identifier (`A`, `A+`) gets `x-enum-varnames`
    /// (read by openapi-python-client, openapi-generator and others) naming each value with its
    /// punctuation spelled out (`A`, `A_PLUS_SIGN`), so every value keeps its own member.
    static func namingValues(_ o: DataObject) -> DataObject {
      guard case .array(let values)? = o["enum"] else { return o }
      let strings = values.compactMap { value -> String? in if case .string(let s) = value { s } else { nil } }
      guard strings.count == values.count, Set(strings.map(identifier)).count < strings.count else { return o }
      var named = o
      named["x-enum-varnames"] = .strings(strings.map(variableName))
      return named
    }

    /// `A+` → `A_PLUS_SIGN`: letters and digits kept, anything else by its Unicode name.
    static func variableName(_ value: String) -> String {
      var words: [String] = []
      var run = ""
      for scalar in value.unicodeScalars {
        if isWordCharacter(scalar) {
          run.unicodeScalars.append(scalar)
          continue
        }
        if !run.isEmpty { words.append(run.uppercased()) }
        run = ""
        let name = scalar.properties.name ?? "U+\(String(scalar.value, radix: 16, uppercase: true))"
        words.append(String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" }))
      }
      if !run.isEmpty { words.append(run.uppercased()) }
      let joined = words.joined(separator: "_")
      return joined.first?.isNumber ?? true ? "VALUE_" + joined : joined
    }

    /// Letters (of any script) and ASCII digits: what generators keep of a name.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// What a generator keeps of a key: its letters and digits, in one case.
    static func identifier(_ key: String) -> String {
      String(key.lowercased().unicodeScalars.filter(isWordCharacter))
    }
  }
}
