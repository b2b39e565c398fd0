import WenshuLayout

/// Mutations of a sample for the contract tests: each field dropped, nulled, of another
/// type, with text after it, as a number or a string where the other is expected, and so on;
/// an unknown key in every object; every office and variant. Arrays are mutated in their
/// first element (the others are the same shape). Each comes with a description, such as
/// `members[0].age = 43.0`.
enum Mutations {
  enum Step {
    case key(String)
    case index(Int)
  }

  static func of(_ data: DataValue, offices: [String], variants: [String]) -> [(String, DataValue)] {
    var out: [(String, DataValue)] = []
    walk(data, at: [], root: data, into: &out)
    for office in offices + ["atlantis"] {
      out.append(("office = \(office)", set(data, [.key("office")], .string(office))))
    }
    if case .string(let office)? = data["office"] {
      out.append(("office = {id}", set(data, [.key("office")], .object(["id": .string(office)]))))
      let account = DataValue.object(["number": .string("6222000011112222")])
      out.append(
        ("office = {id, account}", set(data, [.key("office")], .object(["id": .string(office), "account": account]))))
    }
    for variant in variants + ["nonesuch"] {
      out.append(("variant = \(variant)", set(data, [.key("variant")], .string(variant))))
    }
    return out
  }

  private static func walk(_ value: DataValue, at path: [Step], root: DataValue, into out: inout [(String, DataValue)])
  {
    switch value {
    case .object(let object):
      out.append(
        ("\(spelled(path + [.key("unknownField")])) added", set(root, path + [.key("unknownField")], .string("x"))))
      for key in object.keys {
        let child = path + [.key(key)]
        let name = spelled(child)
        out.append(("\(name) dropped", set(root, child, nil)))
        for (what, replacement) in replacements(object[key]!) {
          out.append(("\(name) = \(what)", set(root, child, replacement)))
        }
        walk(object[key]!, at: child, root: root, into: &out)
      }
    case .array(let items):
      guard let first = items.first else { return }
      let child = path + [.index(0)]
      out.append(("\(spelled(child)) = null", set(root, child, .null)))
      walk(first, at: child, root: root, into: &out)
    default: return
    }
  }

  /// What to put in place of a value: nothing that keeps it valid while changing what a
  /// rule (a sum, a product) computes from it, which no schema can see.
  private static func replacements(_ value: DataValue) -> [(String, DataValue)] {
    var list: [(String, DataValue)] = [("null", .null)]
    switch value {
    case .string(let s):
      list += [
        ("\"\(s)abc\"", .string(s + "abc")), ("\"\"", .string("")), ("1", .number("1")), ("true", .bool(true)),
        ("{}", .object([:])), ("[…]", .array([.string(s)])),
        // Text that draws nothing and a soft hyphen inside (issue 21). Stacked combining marks
        // are left to the name tables: whether a font draws a mark is not a schema's to say.
        ("\"\\u3164\"", .string("\u{3164}")), ("\"\\u2800\"", .string("\u{2800}")),
        ("soft hyphen inside", .string(String(s.prefix(1)) + "\u{00AD}" + String(s.dropFirst(1)))),
      ]
      if s.utf8.count == 10, s.split(separator: "-").count == 3 {  // a date
        list += [
          ("2025-02-30", .string("2025-02-30")), ("timestamp", .string(s + "T10:00:00+08:00")),
          ("2025/02/25", .string("2025/02/25")),
        ]
      }
      // An amount, or digits.
      if s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), s.first?.isNumber == true {
        // As a JSON number, where it is one (`0000815202` is not).
        if !s.hasPrefix("0") || s == "0" || s.hasPrefix("0.") { list.append(("number \(s)", .number(s))) }
        list += [("\"¥\(s)\"", .string("¥" + s)), ("\"1,\(s)\"", .string("1," + s)), ("\"-\(s)\"", .string("-" + s))]
        if let point = s.firstIndex(of: "."), s[point...].count == 3 { list.append(("\"\(s)0\"", .string(s + "0"))) }
      }
    case .number(let n):
      list += [
        ("\(n).0", .number(n + ".0")), ("\(n)e0", .number(n + "e0")), ("\(n).5", .number(n + ".5")),
        ("-1", .number("-1")),
        ("1e9", .number("1e9")), ("\"\(n)\"", .string(n)),
      ]
    case .bool:
      list += [("\"true\"", .string("true")), ("1", .number("1"))]
    case .object:
      list += [("\"x\"", .string("x")), ("[]", .array([]))]
    case .array:
      list += [("{}", .object([:])), ("\"x\"", .string("x"))]
    case .null: break
    }
    return list
  }

  /// `root` with the value at `path` replaced (nil: removed).
  static func set(_ root: DataValue, _ path: [Step], _ value: DataValue?) -> DataValue {
    guard let step = path.first else { return value ?? .null }
    let rest = Array(path.dropFirst())
    switch (root, step) {
    case (.object(var object), .key(let key)):
      if rest.isEmpty { object[key] = value } else { object[key] = set(object[key] ?? .null, rest, value) }
      return .object(object)
    case (.array(var items), .index(let i)) where i < items.count:
      items[i] = rest.isEmpty ? (value ?? .null) : set(items[i], rest, value)
      return .array(items)
    default: return root
    }
  }

  static func spelled(_ path: [Step]) -> String {
    var text = ""
    for step in path {
      switch step {
      case .key(let k): text += text.isEmpty ? k : "." + k
      case .index(let i): text += "[\(i)]"
      }
    }
    return text
  }
}
