import Yams

/// Reads a YAML mapping key by key, so that a key nobody asked for is reported as a
/// mistake (a typo must not silently drop a setting).
struct YAMLFields {
  let file: String
  let line: Int
  let what: String
  private var pairs: [(key: String, value: Node)] = []
  private var taken: Set<String> = []

  init(_ node: Node, what: String, file: String) throws(LayoutError) {
    self.file = file
    self.what = what
    self.line = node.line
    guard case .mapping(let mapping) = node else {
      throw LayoutError(file: file, line: node.line, message: "\(what) must be a mapping of keys to values")
    }
    for (k, v) in mapping {
      guard let key = k.string else {
        throw LayoutError(file: file, line: k.line, message: "keys in \(what) must be text")
      }
      pairs.append((key, v))
    }
  }

  var keys: [String] { pairs.map(\.key) }

  mutating func take(_ key: String) -> Node? {
    taken.insert(key)
    return pairs.first { $0.key == key }?.value
  }

  /// For a required key that is absent: a key given instead that looks like a misspelling of it.
  func misspelling(of key: String) -> String {
    guard let near = Suggestion.nearest(key, among: keys.filter { !taken.contains($0) && $0 != key }) else {
      return ""
    }
    return " (found '\(near)': did you mean '\(key)'?)"
  }

  func error(_ message: String, at node: Node? = nil) -> LayoutError {
    LayoutError(file: file, line: node?.line ?? line, message: message)
  }

  /// Throws on the first key that was never taken.
  func finish() throws(LayoutError) {
    if let extra = pairs.first(where: { !taken.contains($0.key) }) {
      let allowed = taken.sorted().joined(separator: ", ")
      let hint = Suggestion.didYouMean(extra.key, among: taken.sorted())
      throw LayoutError(
        file: file, line: extra.value.line,
        message: "unknown key '\(extra.key)' in \(what)\(hint) (expected one of: \(allowed))")
    }
  }
}

extension Node {
  var line: Int { (mark?.line ?? 0) }
}
