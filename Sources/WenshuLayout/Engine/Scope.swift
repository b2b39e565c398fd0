/// Where names are looked up while a template is filled in: the data root, then each table
/// row or list item entered, innermost first, plus `@` variables.
struct Scope {
  struct Frame {
    var value: DataValue
    /// Where the value sits: `base`, then `[index]` for a row — spelled out only for a
    /// problem, so entering a row of a member list builds no path.
    var base: DataPath
    var index: Int?

    var path: DataPath { index.map { base.appending(.index($0)) } ?? base }
  }
  /// The frames around the innermost one, outermost first.
  private var outer: [Frame] = []
  /// The innermost frame, kept out of `outer`: entering a row replaces it, so a row of a
  /// member list copies no array.
  private(set) var innermost: Frame
  var variables: [String: DataValue]
  /// `@index` and `@item` of the innermost row, kept out of `variables`: they change on every
  /// row of a member list, and a dictionary copied per row is most of what entering costs.
  private(set) var rowIndex: Int?
  private var rowItem: DataValue?

  init(root: DataValue) {
    innermost = Frame(value: root, base: DataPath())
    variables = [:]
  }

  /// The scope of item `index` of the array at `base`.
  func entering(_ value: DataValue, in base: DataPath, index: Int) -> Scope {
    var s = self
    s.outer.append(innermost)
    s.innermost = Frame(value: value, base: base, index: index)
    s.rowIndex = index + 1
    s.rowItem = value
    return s
  }

  func with(_ name: String, _ value: DataValue) -> Scope {
    var s = self
    if name == "index" { s.rowIndex = nil }
    if name == "item" { s.rowItem = nil }
    s.variables[name] = value
    return s
  }

  /// Whether a variable is set (`@page` is, in the running header and footer).
  func has(variable name: String) -> Bool { variables[name] != nil }

  /// The value at `path` (see `resolve`), without spelling out where it was found: the
  /// lookup for every field of every row, whose full path is only needed for a problem.
  func lookup(_ path: DataPath) -> DataValue? { find(path)?.value }

  /// Finds `path`: its first key in the innermost frame that has it, then the rest from there.
  func resolve(_ path: DataPath) -> (value: DataValue, path: DataPath)? {
    guard let (value, frame) = find(path) else { return nil }
    guard let frame else { return (value, path) }  // a variable
    var full = frame.path
    full.components += path.components
    return (value, full)
  }

  /// The value and the frame it was found from (nil for a variable).
  private func find(_ path: DataPath) -> (value: DataValue, frame: Frame?)? {
    if let name = path.variable {
      if name == "index", let rowIndex { return (.number(String(rowIndex)), nil) }
      if name == "item", let rowItem { return (rowItem, nil) }
      return variables[name].map { ($0, nil) }
    }
    guard case .key(let first)? = path.components.first else { return nil }
    switch Self.find(path, first, in: innermost.value) {
    case .some(let found): return found.map { ($0, innermost) }
    case .none: break
    }
    for frame in outer.reversed() {
      switch Self.find(path, first, in: frame.value) {
      case .some(let found): return found.map { ($0, frame) }
      case .none: continue
      }
    }
    return nil
  }

  /// `path` from `container`, when its first key is there; nil when not, or when the rest
  /// of the path does not lead anywhere.
  private static func find(_ path: DataPath, _ first: String, in container: DataValue) -> DataValue?? {
    guard case .object(let o) = container, var value = o[first] else { return .none }
    for c in path.components.dropFirst() {
      switch (c, value) {
      case (.key(let k), .object(let o)):
        guard let v = o[k] else { return .some(nil) }
        value = v
      case (.index(let i), .array(let a)):
        guard i < a.count else { return .some(nil) }
        value = a[i]
      default: return .some(nil)
      }
    }
    return .some(value)
  }
}
