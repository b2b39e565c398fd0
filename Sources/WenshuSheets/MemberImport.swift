import WenshuDocuments
import WenshuLayout

/// A document's data with its member list taken from a sheet: the layout the data picks
/// (its `variant` and `office`) says which columns are read and how.
public struct MemberImport: Sendable {
  public let data: DataValue
  public let sheet: MemberSheet

  /// Problems of the sheet itself (unreadable cells, missing columns) are in `sheet.problems`;
  /// the data is usable only when there are none. Throws a `DataProblem` for data that has no
  /// member list, `SheetError.stopped` soon after `cancellation` is cancelled.
  public init(
    data: DataValue, sheet: Sheet, catalog: DocumentCatalog, document: String, cancellation: RenderCancellation? = nil
  ) throws {
    guard case .object(var root) = data else {
      throw DataProblem(path: "", message: "数据应为 JSON 对象 (the data must be a JSON object)")
    }
    let fields = Self.memberFields(data: data, catalog: catalog, document: document)
    guard !fields.isEmpty else {
      throw DataProblem(
        path: "members", message: "文书“\(document)”没有会员名单，不能读取名单表格 (this document has no member list)")
    }
    var read = try MemberSheet(sheet, fields: fields, cancellation: cancellation)
    if case .array(let given)? = root["members"], !given.isEmpty {
      read.warnings.append(
        DataProblem(
          path: "members",
          message: "数据中的 \(given.count) 名会员已由表格中的名单替换 (the data's members are replaced by the sheet's)"))
    }
    root["members"] = .array(read.members)
    self.data = .object(root)
    self.sheet = read
  }

  /// The member row fields of the layout the data picks.
  public static func memberFields(data: DataValue, catalog: DocumentCatalog, document: String) -> [MemberSheet.Field] {
    let variant = data["variant"]?.text ?? "default"
    let office: String? =
      switch data["office"] {
      case .string(let id)?: id
      case .object(let o)?: o["id"]?.text
      default: nil
      }
    guard let layout = catalog.layout(document: document, office: office, variant: variant) else { return [] }
    return memberFields(layout)
  }

  public static func memberFields(_ layout: LayoutDescription) -> [MemberSheet.Field] {
    guard case .array(let items, _, _)? = layout.schema?.field("members"), case .object(let rows, _) = items else {
      return []
    }
    return rows.compactMap { row in
      guard case .value(let type, let optional, _, _) = row.schema else { return nil }
      return MemberSheet.Field(name: row.name, type: type, optional: optional)
    }
  }
}
