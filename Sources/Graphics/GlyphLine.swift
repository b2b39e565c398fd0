import CPangoCairo

/// One line of text as positioned glyphs, made without Pango from glyphs each shaped once:
/// the fast path for table cells, where the same characters recur on every row. Drawn by
/// `Canvas.draw(_:)` with consecutive glyphs of one font in a single `cairo_show_glyphs`,
/// so a page of a member list is a handful of drawing operations.
public struct GlyphLine: Sendable {
  public struct Glyph: Sendable {
    var font: Int  // index into `fonts`
    var index: UInt32
    var x: Double
    /// The character it draws, so the PDF maps the glyph back to it (not to a look-alike
    /// sharing the glyph, such as the radical ⼥ for 女).
    var scalar: Unicode.Scalar
  }
  let glyphs: [Glyph]
  /// The fonts the glyphs are drawn in (usually one; a rare character adds its fallback).
  let fonts: [GlyphFont]
  public let width: Double
  public let ascent: Double
  public let descent: Double
  public var height: Double { ascent + descent }
}

/// A font Pango chose for some glyphs, as the Cairo scaled font that draws them.
/// Holds a reference to the Pango font and to its scaled font; both released in `deinit`.
final class GlyphFont: @unchecked Sendable {
  let pangoFont: UnsafeMutablePointer<PangoFont>  // retained
  let scaledFont: OpaquePointer  // cairo_scaled_font_t*, retained

  init?(_ font: UnsafeMutablePointer<PangoFont>) {
    guard let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return nil }
    g_object_ref(UnsafeMutableRawPointer(font))
    pangoFont = font
    scaledFont = cairo_scaled_font_reference(scaled)
  }

  deinit {
    cairo_scaled_font_destroy(scaledFont)
    g_object_unref(UnsafeMutableRawPointer(pangoFont))
  }
}

struct ShapedScalar {
  let font: Int
  let glyph: UInt32
  let advance: Double
  let ascent: Double
  let descent: Double
}

extension FontLibrary {
  /// `text` as one line of glyphs, or nil when any character needs real shaping (it maps
  /// to other than one glyph, or is a control) — then the caller uses Pango.
  public func glyphLine(_ text: String, style: TextStyle) -> GlyphLine? {
    guard style.lineSpacing == 0, !text.isEmpty else { return nil }
    let styleID = self.styleID(style)
    var glyphs: [GlyphLine.Glyph] = []
    var fonts: [GlyphFont] = []
    glyphs.reserveCapacity(text.unicodeScalars.count)
    var x = 0.0
    var ascent = 0.0
    var descent = 0.0
    var lastFont = -1  // the library's index of the previous glyph's font, and its index here
    var local = 0
    for scalar in text.unicodeScalars {
      guard let s = shapedScalar(scalar, styleID, style) else { return nil }
      if s.font != lastFont {
        let font = glyphFonts[s.font]
        if let i = fonts.firstIndex(where: { $0 === font }) { local = i } else {
          local = fonts.count
          fonts.append(font)
        }
        lastFont = s.font
      }
      glyphs.append(GlyphLine.Glyph(font: local, index: s.glyph, x: x, scalar: scalar))
      x += s.advance
      ascent = max(ascent, s.ascent)
      descent = max(descent, s.descent)
    }
    return GlyphLine(glyphs: glyphs, fonts: fonts, width: x, ascent: ascent, descent: descent)
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
    if scalar.value < 0x20 || scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .format
    {
      return nil
    }
    var plain = style
    plain.alignment = .left
    let block = TextBlock(String(Character(scalar)), style: plain, width: nil, fonts: self)
    return pango { glyph(of: block) }
  }

  private func glyph(of block: TextBlock) -> ShapedScalar? {
    guard let line = pango_layout_get_line_readonly(block.layout, 0), let runs = line.pointee.runs,
      runs.pointee.next == nil, let run = runs.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
      let glyphString = run.pointee.glyphs, glyphString.pointee.num_glyphs == 1,
      let item = run.pointee.item, let font = item.pointee.analysis.font
    else { return nil }
    let info = glyphString.pointee.glyphs[0]
    guard info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, info.geometry.x_offset == 0, info.geometry.y_offset == 0 else {
      return nil
    }
    let fontIndex: Int
    if let known = glyphFontIndex[UnsafeRawPointer(font)] {
      fontIndex = known
    } else {
      guard let glyphFont = GlyphFont(font) else { return nil }
      fontIndex = glyphFonts.count
      glyphFonts.append(glyphFont)
      glyphFontIndex[UnsafeRawPointer(font)] = fontIndex
    }
    return ShapedScalar(
      font: fontIndex, glyph: info.glyph, advance: Double(info.geometry.width) / Double(PANGO_SCALE),
      ascent: block.baseline, descent: block.size.height - block.baseline)
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
