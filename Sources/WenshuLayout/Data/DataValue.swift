/// A document's data, as read from JSON. Numbers keep their literal text: amounts are
/// exact decimals and must never pass through floating point.
public indirect enum DataValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([DataValue])
  case object(DataObject)

  /// The text a value prints as; `nil` for arrays and objects, which do not print.
  public var text: String? {
    switch self {
    case .null: ""
    case .bool(let b): b ? "是" : "否"
    case .number(let n): n
    case .string(let s): s
    case .array, .object: nil
    }
  }

  public var kind: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  public subscript(key: String) -> DataValue? {
    if case .object(let o) = self { return o.values[key] }
    return nil
  }
}

/// A JSON object whose keys keep their order.
public struct DataObject: Sendable, Equatable {
  public private(set) var keys: [String] = []
  public private(set) var values: [String: DataValue] = [:]
  public init() {}
  public init(_ pairs: KeyValuePairs<String, DataValue>) {
    for (k, v) in pairs { self[k] = v }
  }
  public subscript(key: String) -> DataValue? {
    get { values[key] }
    set {
      if values[key] == nil, newValue != nil { keys.append(key) }
      if newValue == nil { keys.removeAll { $0 == key } }
      values[key] = newValue
    }
  }
}
