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

/// A JSON object whose keys keep their order. Stored as a flat list: documents' objects
/// have a handful of keys, where a scan beats hashing and a member costs far less memory
/// (a 20,000-member list is 20,000 of these).
public struct DataObject: Sendable, Equatable {
  public private(set) var entries: [(key: String, value: DataValue)] = []

  public init() {}
  public init(_ pairs: KeyValuePairs<String, DataValue>) {
    for (k, v) in pairs { self[k] = v }
  }

  public var keys: [String] { entries.map(\.key) }
  public var count: Int { entries.count }

  public subscript(key: String) -> DataValue? {
    get {
      // Keys are compared byte for byte, as JSON writes them (no Unicode normalisation, which
      // made every lookup of a Chinese key take the slow path).
      // Lengths first: they are stored, and rule out most keys without reading a byte.
      var key = key
      return key.withUTF8 { wanted in
        for entry in entries where entry.key.utf8.count == wanted.count {
          // Over contiguous bytes, not the generic UTF8View walk: keys are looked up for
          // every field of every row.
          var candidate = entry.key
          if candidate.withUTF8({ $0.elementsEqual(wanted) }) { return entry.value }
        }
        return nil
      }
    }
    set {
      if let i = entries.firstIndex(where: { $0.key == key }) {
        if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
      } else if let newValue {
        entries.append((key, newValue))
      }
    }
  }

  /// Appends without looking for the key (the reader has already checked for duplicates).
  mutating func append(_ key: String, _ value: DataValue) { entries.append((key, value)) }

  public static func == (a: DataObject, b: DataObject) -> Bool {
    a.entries.count == b.entries.count
      && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
