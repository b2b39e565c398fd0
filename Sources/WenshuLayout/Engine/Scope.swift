/// Where names are looked up while a template is filled in: the data root, then each table
/// row or list item entered, innermost first, plus `@` variables.
struct Scope {
  struct Frame {
    var value: DataValue
    var path: DataPath
  }
  var frames: [Frame]
  var variables: [String: DataValue]

  init(root: DataValue) {
    frames = [Frame(value: root, path: DataPath())]
    variables = [:]
  }

  func entering(_ value: DataValue, at path: DataPath, index: Int) -> Scope {
    var s = self
    s.frames.append(Frame(value: value, path: path))
    s.variables["index"] = .number(String(index + 1))
    s.variables["item"] = value
    return s
  }

  func with(_ name: String, _ value: DataValue) -> Scope {
    var s = self
    s.variables[name] = value
    return s
  }

  /// The value at `path` (see `resolve`), without spelling out where it was found: the
  /// lookup for every field of every row, whose full path is only needed for a problem.
  func lookup(_ path: DataPath) -> DataValue? {
    if let name = path.variable { return variables[name] }
    guard case .key(let first)? = path.components.first else { return nil }
    for frame in frames.reversed() {
      guard case .object(let o) = frame.value, var value = o[first] else { continue }
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
      return value
    }
    return nil
  }

  /// Finds `path`: its first key in the innermost frame that has it, then the rest from there.
  func resolve(_ path: DataPath) -> (value: DataValue, path: DataPath)? {
    if let name = path.variable {
      return variables[name].map { ($0, path) }
    }
    guard case .key(let first)? = path.components.first else { return nil }
    for frame in frames.reversed() {
      guard case .object(let o) = frame.value, let start = o[first] else { continue }
      var value = start
      var full = frame.path.appending(.key(first))
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
        full = full.appending(c)
      }
      return (value, full)
    }
    return nil
  }
}
