extension SchemaPathCheck {
  /// ` (did you mean 'group'?)` for a path that is not under `data:`: the declared name nearest
  /// to the first part of the path that goes astray (`unit.insurd` → `insured`), or empty.
  static func didYouMean(_ path: DataPath, in scopes: [DataSchema]) -> String {
    func names(_ schema: DataSchema) -> [String] {
      if case .object(let fields, _) = schema { fields.map(\.name) } else { [] }
    }
    guard case .key(let first)? = path.components.first else { return "" }
    guard var schema = scopes.reversed().lazy.compactMap({ $0.field(first) }).first else {
      return Suggestion.didYouMean(first, among: scopes.flatMap(names))
    }
    for component in path.components.dropFirst() {
      switch (component, schema) {
      case (.key(let k), _):
        guard let next = schema.field(k) else { return Suggestion.didYouMean(k, among: names(schema)) }
        schema = next
      case (.index, .array(let items, _, _)): schema = items
      default: return ""
      }
    }
    return ""
  }
}
