/// How a run of text looks. Families are fontconfig family names; the library's fallback
/// families are appended so rare characters in names still find a glyph.
public struct TextStyle: Sendable, Hashable {
  public enum Alignment: String, Sendable { case left, center, right }

  public var families: [String]
  public var size: Double
  public var bold: Bool
  public var color: Color
  public var alignment: Alignment
  /// Extra space between lines, as a multiple of the font size (Pango's line spacing factor).
  public var lineSpacing: Double

  public init(
    families: [String], size: Double, bold: Bool = false, color: Color = .black,
    alignment: Alignment = .left, lineSpacing: Double = 0
  ) {
    self.families = families
    self.size = size
    self.bold = bold
    self.color = color
    self.alignment = alignment
    self.lineSpacing = lineSpacing
  }
}
