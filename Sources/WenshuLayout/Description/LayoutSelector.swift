/// A top-level key the caller declares to say which data a layout is for — `regions: [north]`,
/// `edition: large`. The engine reads it (one name, or a list
/// of names), lets `extends:` inherit it like any key, and keeps it in
/// `LayoutDescription.selectors`; what it means is the caller's business.
public struct SelectorKey: Sendable {
  public let name: String
  /// A list of names (`regions: [a, b]`), or one name (`edition: large`).
  public let isList: Bool
  /// The value of a layout that does not give the key (`[]` for a list, `["default"]`).
  public let defaultValue: [String]

  public init(_ name: String, isList: Bool, default defaultValue: [String]) {
    self.name = name
    self.isList = isList
    self.defaultValue = defaultValue
  }
}
