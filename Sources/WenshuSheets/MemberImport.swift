import WenshuDocuments
import WenshuLayout

/// A document's data with its member list taken from a sheet: the layout the data picks
/// (its `variant` and `office`) says which list is filled, which columns are read and how.
public struct MemberImport: Sendable {
  public let data: DataValue
  public let sheet: MemberSheet

  /// Problems of the sheet itself (unreadable cells, missing columns) are in `sheet.problems`;
  /// the data is usable only when there are none. Throws a `DataProblem` for data that has no
  /// member list, `SheetError.stopped` soon after `cancellation` is cancelled.
  public init(
    data: DataValue, sheet: Sheet, catalog: DocumentCatalog, document: String, cancellation: RenderCancellation? = nil
  ) throws {
    guard case .object = data else {
      throw DataProblem(path: "", message: "数据应为 JSON 对象 (the data must be a JSON object)")
    }
    let lists = Self.layout(data: data, catalog: catalog, document: document).map(Self.memberLists) ?? []
    guard let list = lists.first else {
      throw DataProblem(
        path: "", message: "文书“\(document)”没有会员名单，不能读取名单表格 (this document has no member list)")
    }
    guard lists.count == 1 else {
      let places = lists.map(\.path).joined(separator: "、")
      throw DataProblem(
        path: "",
        message: "文书“\(document)”有多个人员名单（\(places)），表格只能填其中一个 (several lists of people: \(places))")
    }
    var read = try MemberSheet(sheet, fields: list.fields, listPath: list.path, cancellation: cancellation)
    if case .array(let given)? = list.value(in: data), !given.isEmpty {
      read.warnings.append(
        DataProblem(
          path: list.path,
          message: "数据中的 \(given.count) 名会员已由表格中的名单替换 (the data's members are replaced by the sheet's)"))
    }
    self.data = list.setting(.array(read.members), in: data)
    self.sheet = read
  }

  /// The list a sheet fills, found by its declared type rather than its name: a list of
  /// people (objects with a field of type `idNumber`) reached from the top through objects
  /// only, so it has one place in the data (`members`, `unit.staff`). A list inside another
  /// list (`unions[].members[]`) has no single place and is not filled from a sheet.
  public struct MemberList: Sendable {
    public let keys: [String]
    public let fields: [MemberSheet.Field]
    public var path: String { keys.joined(separator: ".") }

    func value(in data: DataValue) -> DataValue? {
      keys.reduce(Optional(data)) { $0?[$1] }
    }

    /// `data` with the list put in place, making the objects on the way where the data has none.
    func setting(_ list: DataValue, in data: DataValue) -> DataValue {
      func set(_ value: DataValue?, _ keys: ArraySlice<String>) -> DataValue {
        guard let key = keys.first else { return list }
        var object = DataObject()
        if case .object(let existing)? = value { object = existing }
        object[key] = set(object[key], keys.dropFirst())
        return .object(object)
      }
      return set(data, keys[...])
    }
  }

  /// Every list of people in the layout's data that a sheet could fill.
  public static func memberLists(_ layout: LayoutDescription) -> [MemberList] {
    var found: [MemberList] = []
    func walk(_ schema: DataSchema, _ keys: [String]) {
      guard case .object(let fields, _) = schema else { return }
      for (name, field) in fields {
        switch field {
        case .object: walk(field, keys + [name])
        case .array(let items, _, _) where IdentityRules.isPerson(items):
          guard case .object(let rows, _) = items else { continue }
          let columns = rows.compactMap { row -> MemberSheet.Field? in
            guard case .value(let type, let optional, _, _) = row.schema else { return nil }
            return MemberSheet.Field(name: row.name, type: type, optional: optional)
          }
          found.append(MemberList(keys: keys + [name], fields: columns))
        default: continue
        }
      }
    }
    if let schema = layout.schema { walk(schema, []) }
    return found
  }

  /// The member row fields of the layout the data picks (none when it has no single list).
  public static func memberFields(data: DataValue, catalog: DocumentCatalog, document: String) -> [MemberSheet.Field] {
    layout(data: data, catalog: catalog, document: document).map(memberFields) ?? []
  }

  public static func memberFields(_ layout: LayoutDescription) -> [MemberSheet.Field] {
    let lists = memberLists(layout)
    return lists.count == 1 ? lists[0].fields : []
  }

  /// The layout the data picks by its `variant` and `office`.
  static func layout(data: DataValue, catalog: DocumentCatalog, document: String) -> LayoutDescription? {
    let variant = data["variant"]?.text ?? "default"
    let office: String? =
      switch data["office"] {
      case .string(let id)?: id
      case .object(let o)?: o["id"]?.text
      default: nil
      }
    return catalog.layout(document: document, office: office, variant: variant)
  }
}
