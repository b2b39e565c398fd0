import CPangoCairo

/// Text shaped and broken into lines by Pango, read out as glyph lines — plain values — so
/// nothing of Pango outlives the call and pages can be drawn on any thread.
///
/// Line breaking never adds a character: no hyphen is inserted where a word is broken, a
/// word is never broken inside (a word wider than the width is reported as `overflows`, for
/// the caller to refuse), and a number is kept with its unit (`0 人`, `2000人`). Pango's
/// UAX #14 rules already keep closing punctuation (。，、；：？！）」』】》) off the start of a
/// line and opening punctuation off its end (GB/T 15834, W3C clreq).
public struct ShapedText: Sendable {
  public struct Line: Sendable {
    public let glyphs: GlyphLine
    /// The line's left end and top, from the text's top-left corner (alignment and indent included).
    public let x: Double
    public let top: Double
  }
  public let lines: [Line]
  /// Logical size: the widest line, and from the first line's top to the last one's bottom.
  public let size: Size
  /// Some line is wider than the width given: it holds a word or number that cannot be broken.
  public let overflows: Bool

  public var lineCount: Int { lines.count }
  /// The distance from the top to the first baseline.
  public var baseline: Double { lines.first.map { $0.top + $0.glyphs.ascent } ?? 0 }
}

extension FontLibrary {
  /// Shapes `text` in `style`; with a `width` it wraps between words (and between CJK
  /// characters) and aligns within it. `indent` indents the first line.
  public func shape(_ text: String, style: TextStyle, width: Double?, indent: Double = 0) -> ShapedText {
    let layout = PangoText(text, style: style, width: width, indent: indent, library: self)
    return ShapedText(lines: layout.lines, size: layout.size, overflows: layout.overflows)
  }
}

/// One Pango layout, read out at once and released: the only place text meets Pango.
struct PangoText {
  private(set) var lines: [ShapedText.Line] = []
  private(set) var size = Size(width: 0, height: 0)
  private(set) var overflows = false

  init(_ text: String, style: TextStyle, width: Double?, indent: Double, library: FontLibrary) {
    let layout = pango_layout_new(library.context)!  // owned: released below
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    text.withCString { pango_layout_set_text(layout, $0, -1) }
    let description = pango_font_description_new()
    (style.families + FontLibrary.fallbackFamilies).joined(separator: ",").withCString {
      pango_font_description_set_family(description, $0)
    }
    pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    let attributes = Self.breakRules(text)
    pango_layout_set_attributes(layout, attributes)
    pango_attr_list_unref(attributes)
    if let width {
      pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
      // Between words only: a word that does not fit is reported, never cut.
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
      switch style.alignment {
      case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
      case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
      case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
      }
    }
    if indent != 0 { pango_layout_set_indent(layout, Int32(indent * Double(PANGO_SCALE))) }
    if style.lineSpacing > 0 { pango_layout_set_line_spacing(layout, Float(1 + style.lineSpacing)) }
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    size = Size(width: Self.points(logical.width), height: Self.points(logical.height))
    if let width, pango_layout_is_wrapped(layout) != 0 || size.width > width + 0.01 {
      overflows = Self.widestLine(layout) > width + 0.01
    }
    lines = Self.readLines(layout, text: text, library: library)
  }

  static func points(_ v: Int32) -> Double { Double(v) / Double(PANGO_SCALE) }

  /// No inserted hyphens anywhere, and no break inside a number or between a number and
  /// the unit after it (`1,063,024.00`, `2025-02-25`, `0 人`, `2000人`).
  static func breakRules(_ text: String) -> OpaquePointer {
    let list = pango_attr_list_new()!
    pango_attr_list_insert(list, pango_attr_insert_hyphens_new(0))
    var offset = 0
    var runStart: Int? = nil
    var lastDigitEnd = 0
    var pendingSpace = false
    func close(at end: Int) {
      if let start = runStart, end > start {
        let attribute = pango_attr_allow_breaks_new(0)!
        attribute.pointee.start_index = UInt32(start)
        attribute.pointee.end_index = UInt32(end)
        pango_attr_list_insert(list, attribute)
      }
      runStart = nil
      pendingSpace = false
    }
    for scalar in text.unicodeScalars {
      let width = UTF8.width(scalar)
      let v = scalar.value
      let isDigit = (0x30...0x39).contains(v)
      if isDigit {
        if runStart == nil { runStart = offset }
        pendingSpace = false
        lastDigitEnd = offset + width
      } else if runStart != nil {
        let joiner = v == 0x2C || v == 0x2E || v == 0x2D || v == 0x3A || v == 0x2F || v == 0x25  // , . - : / %
        if joiner && offset == lastDigitEnd {
          lastDigitEnd = offset + width  // inside the number, or a % closing it
        } else if v == 0x20 && !pendingSpace && offset == lastDigitEnd {
          pendingSpace = true  // a space between a number and its unit
        } else if scalar.properties.isIdeographic && (offset == lastDigitEnd || pendingSpace) {
          close(at: offset + width)  // the unit: 人, 元, 份, 岁, 页 …
        } else {
          close(at: lastDigitEnd)
        }
      }
      offset += width
    }
    close(at: lastDigitEnd)
    return list
  }

  static func widestLine(_ layout: OpaquePointer) -> Double {
    var widest = 0.0
    let iter = pango_layout_get_iter(layout)!
    defer { pango_layout_iter_free(iter) }
    repeat {
      var rect = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, nil, &rect)
      widest = max(widest, points(rect.width))
    } while pango_layout_iter_next_line(iter) != 0
    return widest
  }

  /// Each line's glyphs, with the clusters that map them back to the text.
  static func readLines(_ layout: OpaquePointer, text: String, library: FontLibrary) -> [ShapedText.Line] {
    guard let base = pango_layout_get_text(layout) else { return [] }
    let bytes = UnsafeRawBufferPointer(start: base, count: strlen(base))
    var result: [ShapedText.Line] = []
    let iter = pango_layout_get_iter(layout)!
    defer { pango_layout_iter_free(iter) }
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
      var rect = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, nil, &rect)
      let baseline = points(pango_layout_iter_get_baseline(iter))
      let top = points(rect.y)
      let start = Int(line.pointee.start_index)
      let length = Int(line.pointee.length)
      var glyphs: [GlyphLine.Glyph] = []
      var x = 0.0
      var run = line.pointee.runs
      while let node = run {
        run = node.pointee.next
        guard let item = node.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
          let string = item.pointee.glyphs, let analysis = item.pointee.item?.pointee
        else { continue }
        let face = analysis.analysis.font.flatMap { library.faceID(for: $0) }
        let count = Int(string.pointee.num_glyphs)
        let itemStart = Int(analysis.offset) - start
        let itemEnd = itemStart + Int(analysis.length)
        for i in 0..<count {
          let info = string.pointee.glyphs[i]
          let cluster = Int(string.pointee.log_clusters[i]) + itemStart
          defer { x += points(info.geometry.width) }
          guard let face, info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, info.glyph != PANGO_GLYPH_EMPTY else {
            continue
          }
          // The first glyph of a cluster carries its bytes: up to the next cluster's start.
          var clusterBytes: Int32 = 0
          if i == 0 || string.pointee.log_clusters[i - 1] != string.pointee.log_clusters[i] {
            var next = itemEnd
            var j = i + 1
            while j < count {
              let c = Int(string.pointee.log_clusters[j]) + itemStart
              if c != cluster { next = max(c, cluster); break }
              j += 1
            }
            if next <= cluster { next = itemEnd }
            clusterBytes = Int32(next - cluster)
          }
          glyphs.append(
            GlyphLine.Glyph(
              face: face, index: info.glyph, x: x + points(info.geometry.x_offset), y: points(info.geometry.y_offset),
              start: Int32(cluster), bytes: clusterBytes))
        }
      }
      let lineText = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
      let ascent = baseline - top
      result.append(
        ShapedText.Line(
          glyphs: GlyphLine(
            glyphs: glyphs, text: lineText, width: points(rect.width), ascent: ascent,
            descent: points(rect.height) - ascent),
          x: points(rect.x), top: top))
    } while pango_layout_iter_next_line(iter) != 0
    return result
  }
}

extension FontLibrary {
  /// Appended to every style's families: HanaMin draws CJK Extension A–F characters that
  /// Noto CJK lacks (rare characters in names).
  public static let fallbackFamilies = ["HanaMinA", "HanaMinB"]

  /// The face id of a Pango font, added to `faces` once per font (the library keeps the
  /// Pango font alive, so its address names it for as long as the library lives); nil for
  /// a font that is not a file's face (none such is loaded).
  func faceID(for font: UnsafeMutablePointer<PangoFont>) -> FaceID? {
    if let known = faceIDs[UnsafeRawPointer(font)] { return known }
    guard let face = Self.face(of: font) else { return nil }
    let id = faces.id(of: face)
    g_object_ref(UnsafeMutableRawPointer(font))
    retainedFonts.append(font)
    faceIDs[UnsafeRawPointer(font)] = id
    return id
  }

  /// The file, face index, size and emboldening Pango's font draws with.
  private static func face(of font: UnsafeMutablePointer<PangoFont>) -> FontFace? {
    guard
      let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)),
      let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font))
    else { return nil }
    var file: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
    var index: Int32 = 0
    if FcPatternGetInteger(pattern, "index", 0, &index) != FcResultMatch { index = 0 }
    var embolden: FcBool = 0
    if FcPatternGetBool(pattern, "embolden", 0, &embolden) != FcResultMatch { embolden = 0 }
    var matrix = cairo_matrix_t()
    cairo_scaled_font_get_font_matrix(scaled, &matrix)
    // Wenshu's text is never slanted or stretched: the matrix is a scale by the size.
    return FontFace(
      file: String(cString: file), index: Int(index), size: matrix.yy, emboldened: embolden != 0)
  }
}
