/// A document's data, as read from JSON. Numbers keep their literal text: amounts are
/// exact decimals and must never pass through floating point. Not `indirect`: arrays and
/// objects already hold their contents out of line, and a box per value was an allocation
/// per field (a 20,000-member list: 5 MiB more, and slower to read).
public enum DataValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([DataValue])
  case object(DataObject)

  /// The text a value prints as; `nil` for arrays and objects, which do not print.
  /// A whole number prints as its digits, however the JSON wrote it (`43.0` prints `43`); a
  /// boolean as JSON writes it (a form says it in words through a formatter of the caller's).
  public var text: String? {
    switch self {
    case .null: ""
    case .bool(let b): b ? "true" : "false"
    case .number(let n):
      n.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (n.utf8.first != 0x30 || n.utf8.count == 1)
        ? n : WholeNumber(literal: n)?.text ?? n
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
    if case .object(let o) = self { return o[key] }
    return nil
  }
}

/// A JSON object whose keys keep their order. Its keys are a shape shared with the objects
/// that have the same (a list's rows), its values a flat list: documents' objects have a
/// handful of keys, where a scan beats hashing, and a member costs far less memory (a
/// 20,000-member list is 20,000 of these).
public struct DataObject: Sendable, Equatable {
  public private(set) var shape = DataShape.empty
  public private(set) var values: [DataValue] = []

  public init() {}
  public init(_ pairs: KeyValuePairs<String, DataValue>) {
    for (k, v) in pairs { self[k] = v }
  }

  /// An object as the reader makes it: `values` in the order of `shape`'s keys.
  init(shape: DataShape, values: [DataValue]) {
    self.shape = shape
    self.values = values
  }

  public var keys: [String] { shape.keys }
  public var count: Int { values.count }
  public var entries: [(key: String, value: DataValue)] { Array(zip(shape.keys, values)) }

  public subscript(key: String) -> DataValue? {
    get { shape.index(of: key).map { values[$0] } }
    set {
      if let i = shape.index(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          shape = shape.removing(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        shape = shape.appending(key)
        values.append(newValue)
      }
    }
  }

  /// Room for `count` values in all, so fields added one by one (a member's derived ones)
  /// take one exact allocation, not a doubled one.
  public mutating func reserveCapacity(_ count: Int) { values.reserveCapacity(count) }

  public static func == (a: DataObject, b: DataObject) -> Bool {
    a.values.count == b.values.count && (a.shape === b.shape || a.shape.keys == b.shape.keys)
      && a.values == b.values
  }
}
