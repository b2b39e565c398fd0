import CPangoCairo

/// A piece of text shaped and broken into lines by Pango, ready to be drawn.
///
/// Owns its `PangoLayout`. The text is always set as plain text, never as Pango markup,
/// so data such as `<b>` prints literally.
public final class TextBlock: @unchecked Sendable {
  let layout: OpaquePointer  // PangoLayout*, owned
  let pango: PangoLock  // its font library's
  public let color: Color
  /// Logical size in points.
  public let size: Size
  public let lineCount: Int
  /// Distance from the top to the first line's baseline.
  public let baseline: Double

  /// Shapes `text` in `style`; with a `width` it wraps (by word, then by character) and aligns within it.
  public init(_ text: String, style: TextStyle, width: Double?, indent: Double = 0, fonts: FontLibrary) {
    pango = fonts.pango
    (layout, size, lineCount, baseline) = fonts.pango {
      Self.shape(text, style: style, width: width, indent: indent, context: fonts.context)
    }
    color = style.color
  }

  private static func shape(
    _ text: String, style: TextStyle, width: Double?, indent: Double, context: OpaquePointer
  ) -> (OpaquePointer, Size, Int, Double) {
    let layout = pango_layout_new(context)!
    text.withCString { pango_layout_set_text(layout, $0, -1) }
    let description = pango_font_description_new()
    (style.families + FontLibrary.fallbackFamilies).joined(separator: ",").withCString {
      pango_font_description_set_family(description, $0)
    }
    pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    if let width {
      pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
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
    let size = Size(width: Double(logical.width) / Double(PANGO_SCALE), height: Double(logical.height) / Double(PANGO_SCALE))
    return (
      layout, size, Int(pango_layout_get_line_count(layout)), Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
    )
  }

  deinit { pango { g_object_unref(UnsafeMutableRawPointer(layout)) } }

  /// The text of each wrapped line, so a long paragraph can be split across pages.
  public var lines: [String] { pango { readLines() } }

  private func readLines() -> [String] {
    guard let text = pango_layout_get_text(layout) else { return [] }
    let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
    var result: [String] = []
    var iter = pango_layout_get_lines_readonly(layout)
    while let node = iter {
      if let line = node.pointee.data?.assumingMemoryBound(to: PangoLayoutLine.self) {
        let start = Int(line.pointee.start_index)
        let length = Int(line.pointee.length)
        result.append(String(decoding: bytes[start..<(start + length)], as: UTF8.self))
      }
      iter = node.pointee.next
    }
    return result
  }
}

extension FontLibrary {
  /// Appended to every style's families: HanaMin draws CJK Extension A–F characters that
  /// Noto CJK lacks (rare characters in names).
  public static let fallbackFamilies = ["HanaMinA", "HanaMinB"]
}
