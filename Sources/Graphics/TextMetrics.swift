/// Fast measurement for the common case of a table cell: text that fits on one line.
/// Each character is shaped once per font and its advance and extents remembered, so a
/// member list's row heights are known without shaping every cell (the first pass only
/// counts pages).
struct GlyphMetrics {
  let advance: Double
  let ascent: Double
  let descent: Double
}

extension FontLibrary {
  /// The height of `text` set on one line in `style`, when it surely fits in `width`
  /// (with room to spare for kerning); nil when it might wrap, holds a line break, or is
  /// set with extra line spacing — then the caller shapes it with Pango.
  public func singleLineHeight(_ text: String, style: TextStyle, width: Double) -> Double? {
    guard style.lineSpacing == 0, !text.isEmpty else { return nil }
    let key = styleID(style)  // hashed once per text, not per character
    var advance = 0.0
    var ascent = 0.0
    var descent = 0.0
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" { return nil }
      let m = metrics(scalar, key, style)
      advance += m.advance
      ascent = max(ascent, m.ascent)
      descent = max(descent, m.descent)
      if advance > width - 2 { return nil }
    }
    return ascent + descent
  }

  private func metrics(_ scalar: Unicode.Scalar, _ key: Int, _ style: TextStyle) -> GlyphMetrics {
    // A character glyph lines can draw is measured by the same shaping that draws it, so the
    // first pass and the second add up the same figures and each character is shaped once.
    if let shaped = shapedScalar(scalar, key, style) {
      return GlyphMetrics(advance: shaped.advance, ascent: shaped.ascent, descent: shaped.descent)
    }
    if let m = glyphMetrics[scalar.value, key] { return m }
    var plain = style
    plain.alignment = .left
    let block = shape(String(Character(scalar)), style: plain, width: nil)
    let m = GlyphMetrics(advance: block.size.width, ascent: block.baseline, descent: block.size.height - block.baseline)
    glyphMetrics[scalar.value, key] = m
    return m
  }
}

/// Shaped text kept for reuse: in a member list most cells repeat (性别, 状态, the activity,
/// ages), so each distinct string is shaped once per width and style and its layout drawn
/// again on every row. Bounded, so a long list of unique names cannot grow it without end.
struct ShapeKey: Hashable {
  let text: String
  let style: TextStyle
  let width: Double
}

extension FontLibrary {
  static let shapeCacheLimit = 4096

  /// A shaped single-paragraph text, from the cache when it was shaped before.
  public func shaped(_ text: String, style: TextStyle, width: Double) -> ShapedText {
    let key = ShapeKey(text: text, style: style, width: width)
    if let block = shapeCache[key] { return block }
    let block = shape(text, style: style, width: width)
    if shapeCache.count >= Self.shapeCacheLimit { shapeCache.removeAll(keepingCapacity: true) }
    shapeCache[key] = block
    return block
  }
}
