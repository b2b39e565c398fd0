import WenshuLayout
import Yams

/// An office's profile (`Layouts/offices/<id>.yaml`): the facts that are data, not code —
/// name, address, receiving account, bank and bank code, contact directory, signer.
/// A document's data names its office (`"office": "qingdao"`) and the profile fills in the
/// rest. `"office": {"id": "qingdao", "signer": "…"}` overrides single fields, but only where
/// overrides are allowed (`DocumentCatalog.allowsOfficeOverrides`): by default an office's
/// name, account and signer are the profile's, so no data can print a notice under an
/// office's name with another bank account.
enum OfficeProfile {
  static func read(_ text: String, file: String) throws(LayoutError) -> DataValue {
    let node: Node?
    do { node = try Yams.compose(yaml: text, Resolver.basic) } catch {
      throw LayoutError(file: file, line: 1, message: "YAML syntax error: \(error)")
    }
    guard let node, case .mapping = node else {
      throw LayoutError(file: file, line: 1, message: "an office profile is a mapping of fields")
    }
    return value(node)
  }

  /// YAML → data; every scalar is text (account numbers must keep their leading zeros).
  static func value(_ node: Node) -> DataValue {
    switch node {
    case .scalar(let s): return .string(s.string)
    case .sequence(let seq): return .array(seq.map(value))
    case .mapping(let m):
      var o = DataObject()
      for (k, v) in m { o[k.string ?? ""] = value(v) }
      return .object(o)
    case .alias: return .null
    }
  }

  /// The office the data names (`"office": "qingdao"` or `{"id": "qingdao", …}`), if any.
  static func named(in data: DataValue) -> String? {
    guard case .object(let root) = data else { return nil }
    switch root["office"] {
    case .string(let id)?: return id
    case .object(let o)?: if case .string(let id)? = o["id"] { return id } else { return nil }
    default: return nil
    }
  }

  /// Replaces `office` in the data by its profile, with the data's own fields on top.
  static func resolve(
    _ data: DataValue, offices: [String: DataValue], allowingOverrides: Bool = false
  ) throws(RenderFailure) -> (DataValue, String?) {
    guard case .object(var root) = data, let office = root["office"] else { return (data, nil) }
    let id: String
    var overrides = DataObject()
    switch office {
    case .string(let s): id = s
    case .object(let o):
      guard allowingOverrides else {
        throw .data([
          DataProblem(
            path: "office",
            message:
              "办事处信息以服务器的档案为准，数据只写办事处代码，如 \"office\": \"qingdao\" (an office is named by its id; its profile cannot be overridden here; profiles: \(offices.keys.sorted().joined(separator: ", ")))"
          )
        ])
      }
      guard case .string(let s)? = o["id"] else { return (data, nil) }
      id = s
      overrides = o
      overrides["id"] = nil
    default: return (data, nil)
    }
    guard case .object(var profile)? = offices[id] else {
      throw .data([
        DataProblem(
          path: "office",
          message: "未知的办事处 '\(id)' (unknown office; profiles: \(offices.keys.sorted().joined(separator: ", ")))")
      ])
    }
    // A picture (an office's seal) is the server's file: no data may name another.
    for key in overrides.keys
    where (profile[key]?.text ?? "").hasSuffix(".png") || (overrides[key]?.text ?? "").hasSuffix(".png") {
      throw .data([DataProblem(path: "office.\(key)", message: "图片只能由办事处档案指定 (a picture is named by the profile only)")]
      )
    }
    for key in overrides.keys { profile[key] = overrides[key] }
    profile["id"] = .string(id)
    root["office"] = .object(profile)
    return (.object(root), id)
  }

}
