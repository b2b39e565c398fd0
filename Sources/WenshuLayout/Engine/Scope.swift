/// Where names are looked up while a template is filled in: the data root, then each table
/// row or list item entered, innermost first, plus `@` variables.
struct Scope {
  struct Frame {
    var value: DataValue
    var path: DataPath
  }
  var frames: [Frame]
  var variables: [String: DataValue]
  /// `@index` and `@item` of the innermost row, kept out of `variables`: they change on every
  /// row of a member list, and a dictionary copied per row is most of what entering costs.
  private(set) var rowIndex: Int?
  private var rowItem: DataValue?

  init(root: DataValue) {
    frames = [Frame(value: root, path: DataPath())]
    variables = [:]
  }

  func entering(_ value: DataValue, at path: DataPath, index: Int) -> Scope {
    var s = self
    s.frames.append(Frame(value: value, path: path))
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
    var full = frames[frame].path
    full.components += path.components
    return (value, full)
  }

  /// The value and the frame it was found from (nil for a variable).
  private func find(_ path: DataPath) -> (value: DataValue, frame: Int?)? {
    if let name = path.variable {
      if name == "index", let rowIndex { return (.number(String(rowIndex)), nil) }
      if name == "item", let rowItem { return (rowItem, nil) }
      return variables[name].map { ($0, nil) }
    }
    guard case .key(let first)? = path.components.first else { return nil }
    for index in frames.indices.reversed() {
      guard case .object(let o) = frames[index].value, var value = o[first] else { continue }
      for c in path.components.dropFirst() {
        switch (c, value) {
        case (.key(let k), .object(let o)):
          guard let v = o[k] else { return nil }
          value = v
        case (.index(let i), .array(let a)):
          guard i < a.count else { return nil }
          value = a[i]
        default: return nil
        }
      }
      return (value, index)
    }
    return nil
  }
}
