import WenshuLayout
import Yams

/// An office's profile (`Layouts/offices/<id>.yaml`): the facts that are data, not code —
/// name, address, receiving account, bank and bank code, contact directory, signer.
/// A document's data names its office (`"office": "qingdao"`) and the profile fills in the
/// rest. Profiles are the operator's: data that overrides a field (`"office": {"id":
/// "qingdao", "account": …}`) would print an official notice with another account under the
/// office's name, so it is refused unless the caller allows overrides (`--allow-office-overrides`).
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

  /// Replaces `office` in the data by its profile, with the data's own fields on top.
  static func resolve(
    _ data: DataValue, offices: [String: DataValue], allowOverrides: Bool
  ) throws(RenderFailure) -> (DataValue, String?) {
    guard case .object(var root) = data, let office = root["office"] else { return (data, nil) }
    let id: String
    var overrides = DataObject()
    switch office {
    case .string(let s): id = s
    case .object where !allowOverrides:
      throw .data([DataProblem(path: "office", message: refusedOverride)])
    case .object(let o):
      guard case .string(let s)? = o["id"] else { return (data, nil) }
      id = s
      overrides = o
      overrides["id"] = nil
    default: return (data, nil)
    }
    guard case .object(var profile)? = offices[id] else {
      throw .data([DataProblem(path: "office", message: "未知的办事处 '\(id)' (unknown office; profiles: \(offices.keys.sorted().joined(separator: ", ")))")])
    }
    for key in overrides.keys { profile[key] = overrides[key] }
    profile["id"] = .string(id)
    root["office"] = .object(profile)
    return (.object(root), id)
  }

  static let refusedOverride =
    "办事处资料由服务器提供，数据只写办事处代码，如 \"office\": \"qingdao\" (office profiles are the server's: name the office by its id; "
    + "overriding its name, account, bank, seal or signer needs --allow-office-overrides)"
}
