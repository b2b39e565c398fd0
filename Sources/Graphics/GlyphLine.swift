import CPangoCairo

/// One line of text as positioned glyphs: plain values, made on the thread that lays the
/// page out and drawn without Pango. Each glyph names its face by id in the library's
/// `FontTable` and knows the bytes of `text` it stands for, so the PDF's text layer says
/// what the data says (not a look-alike sharing the glyph, such as the radical ⼥ for 女),
/// however the glyphs were shaped.
public struct GlyphLine: Sendable {
  public struct Glyph: Sendable {
    public let face: FaceID
    /// The glyph's index in its face.
    public let index: UInt32
    /// From the line's left end; `y` from its baseline (marks placed above or below).
    public let x: Double
    public let y: Double
    /// The cluster this glyph begins: its bytes in `text.utf8`; 0 bytes for the further
    /// glyphs of a cluster drawn with several.
    public let start: Int32
    public let bytes: Int32
  }
  public let glyphs: [Glyph]
  /// What the line says.
  public let text: String
  public let width: Double
  public let ascent: Double
  public let descent: Double
  public var height: Double { ascent + descent }
}

struct ShapedScalar {
  let face: FaceID
  let glyph: UInt32
  let advance: Double
  let ascent: Double
  let descent: Double
}

extension FontLibrary {
  /// `text` as one line of glyphs, each character shaped once per font and remembered (the
  /// fast path for table cells, where the same characters recur on every row), or nil when
  /// any character needs real shaping (it maps to other than one glyph, or is a control or
  /// a mark) — then the caller shapes the text with `shape(_:style:width:)`.
  public func glyphLine(_ text: String, style: TextStyle) -> GlyphLine? {
    guard style.lineSpacing == 0, !text.isEmpty else { return nil }
    let styleID = self.styleID(style)
    var glyphs: [GlyphLine.Glyph] = []
    glyphs.reserveCapacity(text.utf8.count)
    var x = 0.0
    var ascent = 0.0
    var descent = 0.0
    var offset: Int32 = 0
    for scalar in text.unicodeScalars {
      guard let s = shapedScalar(scalar, styleID, style) else { return nil }
      let bytes = Int32(UTF8.width(scalar))
      glyphs.append(GlyphLine.Glyph(face: s.face, index: s.glyph, x: x, y: 0, start: offset, bytes: bytes))
      offset += bytes
      x += s.advance
      ascent = max(ascent, s.ascent)
      descent = max(descent, s.descent)
    }
    return GlyphLine(glyphs: glyphs, text: text, width: x, ascent: ascent, descent: descent)
  }

  /// A small number for the font a style selects (its families, size and weight: what
  /// decides the glyphs), so characters are remembered per font, not per style.
  func styleID(_ style: TextStyle) -> Int {
    // Table cells ask for the same few fonts over and over: compare with the last one
    // (equal arrays sharing storage compare in constant time) before hashing.
    if let last = lastStyle, last.key.matches(style) { return last.id }
    let key = FontKey(style)
    let id = styleIDs[key] ?? styleIDs.count
    styleIDs[key] = id
    lastStyle = (key, id)
    return id
  }

  func shapedScalar(_ scalar: Unicode.Scalar, _ styleID: Int, _ style: TextStyle) -> ShapedScalar? {
    if let known = scalarGlyphs[scalar.value, styleID] { return known }
    let shaped = shapeOne(scalar, style)
    scalarGlyphs[scalar.value, styleID] = .some(shaped)
    return shaped
  }

  /// Shapes one character with Pango and keeps the glyph, its advance and its font.
  private func shapeOne(_ scalar: Unicode.Scalar, _ style: TextStyle) -> ShapedScalar? {
    let category = scalar.properties.generalCategory
    if scalar.value < 0x20 || category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
      || category == .format || scalar.properties.isVariationSelector
    {
      return nil
    }
    var plain = style
    plain.alignment = .left
    let layout = PangoText(String(Character(scalar)), style: plain, width: nil, indent: 0, library: self)
    guard let line = layout.lines.first, line.glyphs.glyphs.count == 1, layout.lines.count == 1 else { return nil }
    let glyph = line.glyphs.glyphs[0]
    guard glyph.x == 0, glyph.y == 0 else { return nil }
    return ShapedScalar(
      face: glyph.face, glyph: glyph.index, advance: line.glyphs.width,
      ascent: line.glyphs.ascent, descent: line.glyphs.descent)
  }
}

/// What of a style decides its glyphs.
struct FontKey: Hashable {
  let families: [String]
  let size: Double
  let bold: Bool

  init(_ style: TextStyle) {
    families = style.families
    size = style.size
    bold = style.bold
  }

  func matches(_ style: TextStyle) -> Bool { size == style.size && bold == style.bold && families == style.families }
}
