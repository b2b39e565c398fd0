/// Rejects a layout that reads a path its own `data:` section does not declare, naming the
/// line, so a misspelt field is found when the layout is loaded, not when a clerk prints.
public struct SchemaPathCheck {
  var file: String
  let root: DataSchema
  /// The value types by name: which are objects the server supplies (`isSuppliedByServer`).
  let types: [String: ValueType]
  /// Collects the paths read into objects the server supplies, when given.
  var suppliedReads: SuppliedReads? = nil
  /// When given, a field's first formatter is checked against the field's declared type.
  var formatters: FormatterSet? = nil
  /// The named rules, to tell a row input from a path.
  var rules: [RuleSignature]? = nil

  final class SuppliedReads {
    var paths: [DataPath] = []
  }

  /// The paths into objects the server supplies (`issuer.account.number`) the layout's
  /// templates read: the caller can tell which of its objects have them all.
  public static func suppliedReads(of layout: LayoutDescription, types: [ValueType]) -> [DataPath] {
    guard let schema = layout.schema else { return [] }
    let reads = SuppliedReads()
    let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    try? SchemaPathCheck(file: layout.file, root: schema, types: byName, suppliedReads: reads).check(layout)
    var seen: Set<String> = []
    return reads.paths.filter { seen.insert($0.description).inserted }
  }

  /// The names of the types the server supplies, for messages.
  static func suppliedTypes(_ types: [String: ValueType]) -> String {
    let names = types.values.filter(\.isSuppliedByServer).map(\.name).sorted()
    return names.isEmpty ? "none is declared" : names.joined(separator: ", ")
  }

  func check(_ layout: LayoutDescription) throws(LayoutError) {
    let walk = LayoutWalk<[DataSchema]>(
      root: { _ in [root] },
      enter: { array, scopes, line, file throws(LayoutError) in
        scopes + [try at(file).items(of: array, scopes: scopes, line: line)]
      },
      visit: { site, scopes throws(LayoutError) in
        let checker = at(site.file)
        try checker.template(site.use.template, scopes: scopes, line: site.line)
        if case .image = site.block?.kind { try checker.pictureName(site.use.template, line: site.line) }
      },
      block: { block, _, item, file throws(LayoutError) in
        guard case .table(let t) = block.kind, let g = t.grouping, let rows = item?.last else { return }
        guard resolve(g.field, [rows]) != nil else {
          throw LayoutError(
            file: file ?? self.file, line: block.line,
            message:
              "groupBy: '\(g.field)' is not a field of \(t.rows.map { "\($0)" } ?? "the table")'s rows\(Self.didYouMean(g.field, in: [rows]))"
          )
        }
      },
      check: { c, scopes throws(LayoutError) in
        guard c.rule == nil || rules != nil else { return }
        try at(c.file).check(c, scopes: scopes)
      })
    try walk.walk(layout)
  }

  /// The check for a part written in `file` (nil: the layout's own).
  private func at(_ other: String?) -> SchemaPathCheck {
    var checker = self
    checker.file = other ?? file
    return checker
  }

  /// A picture is named by what the server supplies (a seal), never by the request.
  private func pictureName(_ name: Template, line: Int) throws(LayoutError) {
    for path in name.fields.flatMap(\.paths) where path.variable != nil || !readsSupplied(path) {
      throw LayoutError(
        file: file, line: line,
        message:
          "'\(path)' is not a field of an object the server supplies (\(Self.suppliedTypes(types))): a picture's name never comes from the request's data"
      )
    }
  }

  /// What a check reads besides its templates (the walk visits those): a named rule's
  /// inputs, an `in:` list's field and the path a failure is blamed on.
  private func check(_ c: Check, scopes: [DataSchema]) throws(LayoutError) {
    if let use = c.rule { return try rule(use, line: c.line) }
    if let (list, field) = c.oneOf {
      let rows = try items(of: list, scopes: scopes, line: c.line)
      var names: [String] = []
      if case .object(let fields, _) = rows { names = fields.map(\.name) }
      guard rows.field(field) != nil else {
        throw LayoutError(
          file: file, line: c.line,
          message:
            "a check's in: '\(field)' is not a field of \(list)'s rows\(Suggestion.didYouMean(field, among: names)) (fields: \(names.joined(separator: ", ")))"
        )
      }
    }
    // The path a failure is blamed on is the data's (in the row, with each:), not a made-up one.
    let blamed = try? DataPath(parsing: c.path)
    if blamed?.variable != nil || blamed.flatMap({ resolve($0, [scopes.last!]) }) == nil {
      throw LayoutError(
        file: file, line: c.line,
        message:
          "a check's path: '\(c.path)' is not in the data described under data:\(blamed.map { Self.didYouMean($0, in: [scopes.last!]) } ?? "")"
          + (c.each.map { " (with each: \($0), a path in its items)" } ?? ""))
    }
  }

  /// A named rule's inputs: paths declared under `data:`, a row input a field of its list's rows.
  private func rule(_ use: RuleUse, line: Int) throws(LayoutError) {
    for (input, written) in use.inputs.sorted(by: { $0.key < $1.key }) {
      let signature = rules?.first { $0.name == use.name }?.inputs.first { $0.name == input }
      if signature?.notData == true { continue }
      if let list = signature?.rowsOf, let listPath = use.inputs[list] {
        let rows = try items(of: try parsedPath(listPath, line: line), scopes: [root], line: line)
        var names: [String] = []
        if case .object(let fields, _) = rows { names = fields.map(\.name) }
        guard rows.field(written) != nil else {
          throw LayoutError(
            file: file, line: line,
            message:
              "rule \(use.name): \(input): '\(written)' is not a field of \(listPath)'s rows\(Suggestion.didYouMean(written, among: names)) (fields: \(names.joined(separator: ", ")))"
          )
        }
      } else {
        let kind = try declaredKind(of: try parsedPath(written, line: line), scopes: [root], line: line)
        if let wanted = signature?.kind, kind != wanted {
          throw LayoutError(
            file: file, line: line,
            message:
              "rule \(use.name): \(input): '\(written)' is \(kind?.rawValue ?? "an object") in data:, not a \(wanted.rawValue)"
          )
        }
      }
    }
  }

  private func parsedPath(_ text: String, line: Int) throws(LayoutError) -> DataPath {
    do { return try DataPath(parsing: text) } catch {
      throw LayoutError(file: file, line: line, message: error.message)
    }
  }

  private func items(of path: DataPath, scopes: [DataSchema], line: Int) throws(LayoutError) -> DataSchema {
    guard case .array(let items, _, _)? = resolve(path, scopes) else {
      throw LayoutError(file: file, line: line, message: "'\(path)' is not an array in the data described under data:")
    }
    return items
  }

  private func template(_ t: Template, scopes: [DataSchema], line: Int) throws(LayoutError) {
    for field in t.fields { _ = try kind(of: field, scopes: scopes, line: line) }
  }

  /// The kind a field gives after its formatters (nil when any), refusing a path not under
  /// `data:` (its own, a `$path` argument's, a `( … )` argument's) and a value given to a
  /// formatter that does not take its kind: `{total | date}`, `plus: $name` on a text.
  private func kind(of field: FieldReference, scopes: [DataSchema], line: Int) throws(LayoutError) -> Formatter.Kind? {
    var gives = try declaredKind(of: field.path, scopes: scopes, line: line)
    try rowField(of: field, scopes: scopes, line: line)
    // The first formatter must take what data: says the field is: `{total | date}` on an amount.
    if let first = field.formatters.first.flatMap({ formatters?[$0.name] }), let given = gives,
      !given.fits(first.input)
    {
      throw LayoutError(
        file: file, line: line,
        message:
          "in {\(field.path) | \(first.name)}: '\(field.path)' is \(given.rawValue) in data:, but '\(first.name)' takes \(first.input.rawValue)"
      )
    }
    for call in field.formatters {
      let formatter = formatters?[call.name]
      for (i, argument) in call.values.enumerated() {
        let (given, written): (Formatter.Kind?, String)
        switch argument {
        case .literal: continue
        case .path(let p): (given, written) = (try declaredKind(of: p, scopes: scopes, line: line), "$\(p)")
        case .field(let f): (given, written) = (try kind(of: f, scopes: scopes, line: line), "(\(f.path) | …)")
        }
        if let formatter, let given, !given.fits(formatter.argumentKind(i)) {
          throw LayoutError(
            file: file, line: line,
            message:
              "in {\(field.path) | \(call.name): \(written)}: it is \(given.rawValue), but '\(call.name)' takes \(formatter.argumentKind(i).rawValue)"
          )
        }
      }
      if let formatter, formatter.exactInput, let given = gives, given != formatter.input, formatter.input != .any {
        throw LayoutError(
          file: file, line: line,
          message:
            "in {\(field.path) | … | \(call.name)}: the value is \(given.rawValue) here, but '\(call.name)' takes \(formatter.input.rawValue) only (\(given == .number ? "a count is not money" : "another kind"))"
        )
      }
      gives = formatter.map { $0.output == .any ? nil : $0.output } ?? nil
      // A sum of counts is a count, of amounts an amount.
      if formatter?.rowField != nil, formatter?.output == .amount, let rows = rowsKind(of: field, call, scopes) {
        gives = rows
      }
    }
    return gives
  }

  /// The kind of the row field a formatter reads first in a chain (`sum: insured` → number).
  private func rowsKind(of field: FieldReference, _ call: FormatterCall, _ scopes: [DataSchema]) -> Formatter.Kind? {
    guard field.formatters.first?.name == call.name, let index = formatters?[call.name]?.rowField?.index,
      index < call.arguments.count, case .array(let items, _, _)? = resolve(field.path, scopes),
      let schema = items.field(call.arguments[index])
    else { return nil }
    return kind(of: schema)
  }

  /// A formatter reading a field of the rows (`{invoices | sum: amount}`): the field is one
  /// the rows declare, of a kind it takes — `sum: amout` or `sum:` of a text is refused at load.
  private func rowField(of field: FieldReference, scopes: [DataSchema], line: Int) throws(LayoutError) {
    guard let call = field.formatters.first, let formatter = formatters?[call.name],
      let (index, kinds) = formatter.rowField, index < call.arguments.count,
      case .array(let items, _, _)? = resolve(field.path, scopes), case .object(let rows, _) = items
    else { return }
    let name = call.arguments[index]
    if Formatter.readsData(name) { return }
    guard let schema = items.field(name) else {
      throw LayoutError(
        file: file, line: line,
        message:
          "in {\(field.path) | \(call.name): \(name)}: '\(name)' is not a field of \(field.path)'s rows\(Suggestion.didYouMean(name, among: rows.map(\.name))) (fields: \(rows.map(\.name).joined(separator: ", ")))"
      )
    }
    if let kinds, let given = kind(of: schema), !kinds.contains(given) {
      throw LayoutError(
        file: file, line: line,
        message:
          "in {\(field.path) | \(call.name): \(name)}: '\(name)' is \(given.rawValue) in data:, but '\(call.name)' reads \(kinds.map(\.rawValue).sorted().joined(separator: " or ")) fields"
      )
    }
  }

  /// The declared kind of a path read (nil for a variable or a value of any kind).
  private func declaredKind(of path: DataPath, scopes: [DataSchema], line: Int) throws(LayoutError) -> Formatter.Kind? {
    guard path.variable == nil else { return nil }
    guard let schema = resolve(path, scopes) else {
      throw LayoutError(
        file: file, line: line,
        message: "'\(path)' is not in the data described under data:\(Self.didYouMean(path, in: scopes))")
    }
    if let suppliedReads, readsSupplied(path) { suppliedReads.paths.append(path) }
    return kind(of: schema)
  }

  /// The kind of value a declared field holds, for the formatter it is given to; nil when any.
  func kind(of schema: DataSchema) -> Formatter.Kind? {
    switch schema {
    case .array: return .array
    case .object: return nil
    case .value(let type, _, _, _): return types[type].map(\.kind) ?? .text
    }
  }

  /// Whether `schema` is an object the server supplies, whose fields are not declared.
  private func isSupplied(_ schema: DataSchema) -> Bool {
    guard case .value(let type, _, _, _) = schema else { return false }
    return types[type]?.isSuppliedByServer == true
  }

  /// Whether `path`, from the root, goes into the fields of an object the server supplies.
  private func readsSupplied(_ path: DataPath) -> Bool {
    var schema = root
    for c in path.components {
      if isSupplied(schema) { return true }
      switch (c, schema) {
      case (.key(let k), _):
        guard let next = schema.field(k) else { return false }
        schema = next
      case (.index, .array(let items, _, _)): schema = items
      default: return false
      }
    }
    return false
  }

  private func resolve(_ path: DataPath, _ scopes: [DataSchema]) -> DataSchema? {
    DataSchema.declaration(of: path, in: scopes, opaque: isSupplied)
  }
}
