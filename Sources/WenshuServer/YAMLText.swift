import WenshuLayout

/// Writes a JSON value as block-style YAML, for `/openapi.yaml`: keys in their order, strings
/// plain only where no YAML reader could take them for anything else, double-quoted (with
/// JSON's escapes, which YAML shares) otherwise.
enum YAMLText {
  static func write(_ value: DataValue) -> String {
    var lines: [String] = []
    emit(value, indent: "", into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func emit(_ value: DataValue, indent: String, into lines: inout [String]) {
    switch value {
    case .object(let object):
      for entry in object.entries {
        let key = indent + scalar(.string(entry.key)) + ":"
        if case .string(let text) = entry.value, let block = literal(text, indent: indent + "  ") {
          lines.append(key + " |-")
          lines += block
        } else if let inline = inlined(entry.value) {
          lines.append(key + " " + inline)
        } else {
          lines.append(key)
          emit(entry.value, indent: indent + "  ", into: &lines)
        }
      }
    case .array(let items):
      for item in items {
        if let inline = inlined(item) { lines.append(indent + "- " + inline); continue }
        var nested: [String] = []
        emit(item, indent: indent + "  ", into: &nested)
        // The item's first line shares the dash's line: `- key: value`.
        nested[0] = indent + "- " + nested[0].dropFirst(indent.count + 2)
        lines += nested
      }
    default:
      lines.append(indent + scalar(value))
    }
  }

  /// A text of several lines as a literal block (`|-`), when it reads back the same: no
  /// control characters, no line starting with a space or ending in one.
  private static func literal(_ text: String, indent: String) -> [String]? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > 1, !text.hasSuffix("\n"),
      lines.allSatisfy({ !$0.hasPrefix(" ") && !$0.hasSuffix(" ") && !$0.isEmpty || $0.isEmpty }),
      !text.unicodeScalars.contains(where: {
        $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{FEFF}" || $0 == "\u{2028}"
          || $0 == "\u{2029}"
      }),
      lines.first?.isEmpty == false
    else { return nil }
    return lines.map { $0.isEmpty ? "" : indent + $0 }
  }

  /// A scalar or an empty container, written on its key's line.
  private static func inlined(_ value: DataValue) -> String? {
    switch value {
    case .array(let items): items.isEmpty ? "[]" : nil
    case .object(let object): object.count == 0 ? "{}" : nil
    default: scalar(value)
    }
  }

  private static func scalar(_ value: DataValue) -> String {
    switch value {
    case .string(let s): isPlain(s) ? s : JSONText.quote(s)
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): n
    case .array, .object: ""
    }
  }

  /// Letters, digits and `_ - . /` only, starting with a letter or `/`, and not a word that
  /// YAML 1.1 readers turn into a boolean or null.
  private static func isPlain(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, first.properties.isAlphabetic && first.isASCII || first == "/" else {
      return false
    }
    let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
    guard !words.contains(s.lowercased()) else { return false }
    return s.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_-./{}".unicodeScalars.contains($0)
    }
  }
}
