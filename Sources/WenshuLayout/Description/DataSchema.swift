/// The shape of a document's data, declared in its layout file under `data:`. Data is
/// checked against it before anything is laid out, and every problem is reported at once:
/// a missing field, a field of the wrong type, and an unknown field (a typo must not
/// silently drop a value).
///
/// ```yaml
/// data:
///   total: amount              # a value of a named type
///   remark: text?              # ? = may be absent or null
///   unit: { name: text }       # an object
///   members:                   # an array of objects
///     - { name: text, idNumber: idNumber }
///   remarks: [text]            # an array of values
///   fund: { enum: [工会经费, 行政经费] }        # one of these texts
///   members (unique idNumber):                 # no two rows with the same idNumber
///     - { idNumber: idNumber }
/// ```
public indirect enum DataSchema: Sendable {
  /// `warnOnly`: a failing check is a warning, the document still prints (`creditCode (warning)`).
  /// `choices`: an enumeration (`{ enum: [a, b] }`): the value is one of these texts.
  case value(type: String, optional: Bool, warnOnly: Bool = false, choices: [String]? = nil)
  case object(fields: [(name: String, schema: DataSchema)], optional: Bool)
  /// `unique`: fields of the rows whose values appear once in the whole document — across
  /// every list this declaration describes (a nested `unions[].members` too).
  case array(items: DataSchema, optional: Bool, unique: [String] = [])

  public var isOptional: Bool {
    switch self {
    case .value(_, let o, _, _), .object(_, let o), .array(_, let o, _): o
    }
  }

  /// The declaration of `path` under `data:`, looked up from the innermost scope out. A
  /// schema `opaque` says holds undeclared fields (an object the server supplies) is where
  /// the walk stops: its answer for anything below it.
  static func declaration(
    of path: DataPath, in scopes: [DataSchema], opaque: (DataSchema) -> Bool = { _ in false }
  ) -> DataSchema? {
    guard case .key(let first)? = path.components.first else { return nil }
    for scope in scopes.reversed() {
      guard var schema = scope.field(first) else { continue }
      for component in path.components.dropFirst() {
        if opaque(schema) { return schema }
        switch (component, schema) {
        case (.key(let k), _):
          guard let next = schema.field(k) else { return nil }
          schema = next
        case (.index, .array(let items, _, _)): schema = items
        default: return nil
        }
      }
      return schema
    }
    return nil
  }

  /// The schema of the field `name` in an object schema.
  public func field(_ name: String) -> DataSchema? {
    guard case .object(let fields, _) = self else { return nil }
    return fields.first { $0.name == name }?.schema
  }
}

/// A named type of value in a schema. The engine knows only generic types; the documents
/// add their domain types (amounts, dates, ID numbers), each with its own check.
public struct ValueType: Sendable {
  public let name: String
  public let summary: String
  /// The JSON Schema fragment for `wenshu schema`, as JSON text. It must accept exactly what
  /// `problem` accepts, wherever JSON Schema can say so (the contract tests check it).
  public let jsonSchema: String
  /// `jsonSchema` as a value.
  public let schemaFragment: DataValue
  /// The JSON kinds the fragment's `type` allows (`DataValue.kind` names; `integer` is a
  /// number), nil when it names none: a check that only warns still refuses another kind.
  public let jsonKinds: Set<String>?
  /// nil when the value is acceptable; otherwise what is wrong, in words a clerk understands.
  public let problem: @Sendable (DataValue) -> String?
  /// An object the server fills in before the engine sees the data (an issuer's record, its
  /// seal): a layout reads its fields by path without declaring them, and only such a
  /// field may name a picture — a request's data never chooses a file.
  public let isSuppliedByServer: Bool
  /// What a formatter sees a value of this type as, so `{total | date}` on an amount is
  /// refused at load; nil (any) for an object the server supplies.
  public let kind: Formatter.Kind?
  /// The form in which two texts of this type are the same value, for a list's `unique`
  /// (an identity number's lower-case x is its X); nil: the texts as they are.
  public let sameValue: (@Sendable (String) -> String)?

  public init(
    _ name: String, summary: String, jsonSchema: String, kind: Formatter.Kind = .text, suppliedByServer: Bool = false,
    sameValue: (@Sendable (String) -> String)? = nil, problem: @escaping @Sendable (DataValue) -> String?
  ) {
    self.name = name
    self.sameValue = sameValue
    self.isSuppliedByServer = suppliedByServer
    self.kind = suppliedByServer ? nil : kind
    self.summary = summary
    self.jsonSchema = jsonSchema
    self.problem = problem
    // The fragments are constants in the source: one that is not JSON is a programming error.
    guard let fragment = try? JSONReader.parse(Array(jsonSchema.utf8)), case .object(var object) = fragment else {
      preconditionFailure("the JSON Schema fragment of type '\(name)' is not a JSON object: \(jsonSchema)")
    }
    if object["description"] == nil { object["description"] = .string(summary) }
    schemaFragment = .object(object)
    switch object["type"] {
    case .string(let t)?: jsonKinds = [t == "integer" ? "number" : t]
    case .array(let ts)?: jsonKinds = Set(ts.compactMap { $0.text }.map { $0 == "integer" ? "number" : $0 })
    default: jsonKinds = nil
    }
  }

  public static let generic: [ValueType] = [
    ValueType(
      "text",
      summary: "text of at most 20,000 characters that shows something (not only blank or invisible characters)",
      jsonSchema: #"{"type":"string","maxLength":20000,"pattern":""# + VisibleText.jsonPattern + #""}"#
    ) { v in
      guard case .string(let s) = v else { return "应为文字 (expected text, found \(v.kind))" }
      if let blank = VisibleText.problem(s) { return blank }
      // A longer value is a mistake in the data, not something a printed form can hold.
      if s.utf8.count > 20_000 * 4 || s.unicodeScalars.count > 20_000 {
        return "文字过长：\(s.unicodeScalars.count) 个字符，最多 20000 (text too long)"
      }
      return nil
    },
    ValueType(
      "count", summary: "a whole number from 0 to 999,999,999 (43, 43.0 and 4.3e1 are the same number, printed 43)",
      jsonSchema: #"{"type":"integer","minimum":0,"maximum":999999999}"#, kind: .number
    ) { v in
      if case .number(let n) = v, let whole = WholeNumber(literal: n, maxDigits: 9), !whole.negative { return nil }
      return "应为非负整数 (expected a whole number ≥ 0, found \(v.text ?? v.kind))"
    },
    ValueType("boolean", summary: "true or false", jsonSchema: #"{"type":"boolean"}"#, kind: .boolean) { v in
      if case .bool = v { return nil }
      return "应为 true 或 false (expected a boolean, found \(v.kind))"
    },
  ]
}

/// Checks data against a schema, collecting every problem with its JSON path.
public struct SchemaValidator: Sendable {
  public let types: [String: ValueType]
  public init(types: [String: ValueType]) { self.types = types }

  /// Every problem, and every warning (checks the layout marks as warnings only). Stops early,
  /// with what it has, once `cancellation` is cancelled: a long member list takes a while.
  public func validate(
    _ value: DataValue, _ schema: DataSchema, cancellation: RenderCancellation? = nil
  ) -> (problems: [DataProblem], warnings: [DataProblem]) {
    var walk = Walk(cancellation: cancellation)
    check(value, schema, into: &walk)
    return (walk.problems, walk.warnings)
  }

  /// What a walk over the data carries: where it is, what it found, and the values of the
  /// fields declared unique seen so far (per list declaration, spelled without indices).
  private struct Walk {
    var cancellation: RenderCancellation?
    /// Where the value sits, extended and shortened in place as the walk goes down and back
    /// up, and spelled out only for a problem: a member list has tens of thousands of fields.
    var path = DataPath()
    var problems: [DataProblem] = []
    var warnings: [DataProblem] = []
    /// By list declaration and field (`members\u{0}idNumber`).
    var firstSeen: [String: FirstRows] = [:]
  }

  private func check(_ value: DataValue, _ schema: DataSchema, into walk: inout Walk) {
    guard walk.problems.count < ProblemLog.limit else { return }
    if case .null = value {
      if !schema.isOptional {
        walk.problems.append(DataProblem(path: Self.spelled(walk.path), message: "缺少此项 (required, found null)"))
      }
      return
    }
    switch schema {
    case .value(_, _, _, let choices?):
      if case .string(let s) = value, choices.contains(s) { return }
      walk.problems.append(
        DataProblem(
          path: Self.spelled(walk.path),
          message:
            "应为 \(choices.joined(separator: "、")) 之一 (expected one of: \(choices.joined(separator: ", ")); found \(value.text ?? value.kind))"
        ))
    case .value(let type, _, let warnOnly, nil):
      if let valueType = types[type], let message = valueType.problem(value) {
        // A warning is for a value that fails its check, not for a value of another kind.
        let wrongKind = valueType.jsonKinds.map { !$0.contains(value.kind) } ?? false
        if warnOnly && !wrongKind {
          walk.warnings.append(DataProblem(path: Self.spelled(walk.path), message: message))
        } else {
          walk.problems.append(DataProblem(path: Self.spelled(walk.path), message: message))
        }
      }
    case .array(let items, _, let unique):
      guard case .array(let elements) = value else {
        walk.problems.append(
          DataProblem(path: Self.spelled(walk.path), message: "应为列表 (expected an array, found \(value.kind))"))
        return
      }
      let list = unique.isEmpty ? "" : Self.declaration(walk.path)
      let tables = unique.map { (field: $0, table: list + "\u{0}" + $0) }
      for (i, element) in elements.enumerated() {
        if i % 64 == 63, walk.cancellation?.isCancelled == true { return }
        walk.path.components.append(.index(i))
        let before = walk.problems.count
        check(element, items, into: &walk)
        // Only a row whose own values are valid is compared: a bad number is reported once.
        if !unique.isEmpty, walk.problems.count == before {
          noteUnique(element, items, tables, into: &walk)
        }
        walk.path.components.removeLast()
      }
    case .object(let fields, _):
      guard case .object(let object) = value else {
        walk.problems.append(
          DataProblem(path: Self.spelled(walk.path), message: "应为对象 (expected an object, found \(value.kind))"))
        return
      }
      var present = 0
      for (name, fieldSchema) in fields {
        walk.path.components.append(.key(name))
        if let v = object[name] {
          present += 1
          check(v, fieldSchema, into: &walk)
        } else if !fieldSchema.isOptional {
          walk.problems.append(DataProblem(path: walk.path.description, message: "缺少此项 (missing)"))
        }
        walk.path.components.removeLast()
      }
      guard object.count > present else { return }  // every key is a known field
      let known = Set(fields.map(\.name))
      for key in object.keys where !known.contains(key) {
        walk.path.components.append(.key(key))
        walk.problems.append(
          DataProblem(
            path: walk.path.description,
            message: "未知字段 (unknown field; expected one of: \(fields.map(\.name).joined(separator: ", ")))"))
        walk.path.components.removeLast()
      }
    }
  }

  /// Notes a row's unique fields, blaming the row whose value was seen before, naming the first.
  /// Values are compared in the form their type says is the same (`sameValue`).
  private func noteUnique(
    _ row: DataValue, _ rows: DataSchema, _ unique: [(field: String, table: String)], into walk: inout Walk
  ) {
    for (field, table) in unique {
      guard let value = row[field], value != .null, let text = value.text else { continue }
      var same: (@Sendable (String) -> String)? = nil
      if case .value(let type, _, _, nil)? = rows.field(field) { same = types[type]?.sameValue }
      let here = walk.path.description
      if let first = walk.firstSeen[table, default: FirstRows()].first(same?(text) ?? text, at: here) {
        walk.problems.append(
          DataProblem(
            path: here + "." + field,
            message: "与 \(first) 重复，同一值在一份文书中只能出现一次 (the same \(field) as \(first))"))
      }
    }
  }

  /// A list's declaration, the same for each of its instances: `unions[3].members` → `unions[].members`.
  private static func declaration(_ path: DataPath) -> String {
    var text = ""
    for c in path.components {
      switch c {
      case .key(let k): text += text.isEmpty ? k : "." + k
      case .index: text += "[]"
      }
    }
    return text
  }

  private static func spelled(_ path: DataPath) -> String { path.components.isEmpty ? "" : path.description }
}
