/// The families a layout's `font: serif` and `font: sans` mean, and the built-in styles'
/// family: the caller's choice (WenshuDocuments bundles its own), never the engine's. Any
/// other `font:` value is a family name taken as written.
public struct FontFamilies: Sendable, Equatable {
  public var serif: String
  public var sans: String

  public init(serif: String, sans: String) {
    self.serif = serif
    self.sans = sans
  }

  /// fontconfig's generic names: whatever the font configuration resolves them to.
  public static let generic = FontFamilies(serif: "serif", sans: "sans-serif")

  /// The family a style's `font:` names.
  public func family(_ name: String) -> String {
    switch name {
    case "serif": serif
    case "sans": sans
    default: name
    }
  }
}
