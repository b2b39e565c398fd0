import CPangoCairo

/// The fonts Wenshu may draw with: exactly those listed by a private fontconfig
/// configuration (`fonts/fonts.conf`), never the host's, so a page looks the same everywhere.
///
/// Owns the `FcConfig`, the Pango font map built on it, the Pango context used for shaping
/// and a reference to every Pango font it handed glyphs of; all are released in `deinit`.
/// Pango is not thread-safe: a library is used by one thread at a time (the one laying a
/// document out). What it makes — glyph lines, shaped text — is plain values that any
/// thread may draw.
public final class FontLibrary {
  let config: OpaquePointer  // FcConfig*, owned
  let fontMap: UnsafeMutablePointer<PangoFontMap>  // owned
  let context: OpaquePointer  // PangoContext*, owned
  private let coverage: OpaquePointer  // FcCharSet*, owned: union of every font's coverage
  /// Family names of the loaded fonts, sorted.
  public let families: [String]
  private var coverageCache = ScalarTable<Bool>()
  var glyphMetrics = ScalarTable<GlyphMetrics>()
  var shapeCache: [ShapeKey: ShapedText] = [:]
  var styleIDs: [FontKey: Int] = [:]
  var lastStyle: (key: FontKey, id: Int)?
  var scalarGlyphs = ScalarTable<ShapedScalar?>()
  /// Every face a glyph line made here names, by id.
  public let faces = FontTable()
  var faceIDs: [UnsafeRawPointer: FaceID] = [:]
  var retainedFonts: [UnsafeMutablePointer<PangoFont>] = []  // one reference each, released in deinit

  /// Loads the fontconfig file at `configPath`, with its cache in `cacheDirectory` (an
  /// absolute path: fontconfig 2.14 reads a relative `<cachedir>` from the working directory,
  /// so each process would scan the fonts anew and leave a cache folder wherever it was
  /// started). Throws when the file is unreadable or lists no font, so a machine without the
  /// fonts fails loudly instead of drawing tofu.
  public init(configPath: String, cacheDirectory: String) throws(FontError) {
    guard let config = FcConfigCreate() else { throw FontError("fontconfig could not create a configuration") }
    let cacheSnippet = "<fontconfig><cachedir>\(cacheDirectory.xmlEscaped)</cachedir></fontconfig>"
    guard FcConfigParseAndLoad(config, configPath, 1) != 0,
      FcConfigParseAndLoadFromMemory(config, cacheSnippet, 1) != 0
    else {
      FcConfigDestroy(config)
      throw FontError("cannot load font configuration \(configPath)")
    }
    guard FcConfigBuildFonts(config) != 0, let set = FcConfigGetFonts(config, FcSetSystem),
      set.pointee.nfont > 0
    else {
      FcConfigDestroy(config)
      throw FontError("no font found through \(configPath): run scripts/setup to put the fonts in place")
    }
    let union = FcCharSetCreate()!
    var names = Set<String>()
    for i in 0..<Int(set.pointee.nfont) {
      guard let pattern = set.pointee.fonts[i] else { continue }
      var charset: OpaquePointer?
      if FcPatternGetCharSet(pattern, "charset", 0, &charset) == FcResultMatch, let charset {
        FcCharSetMerge(union, charset, nil)
      }
      var family: UnsafeMutablePointer<FcChar8>?
      if FcPatternGetString(pattern, "family", 0, &family) == FcResultMatch, let family {
        names.insert(String(cString: family))
      }
    }
    self.config = config
    self.coverage = union
    self.families = names.sorted()

    // Ours is also fontconfig's current configuration, so nothing falls back to the host's:
    // Pango's font map initialises fontconfig on a thread of its own, which would otherwise
    // read /etc/fonts and scan the system's fonts at every start for nothing.
    FcConfigSetCurrent(config)
    let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
    pango_fc_font_map_set_config(OpaquePointer(map), config)
    self.fontMap = map
    let context = pango_font_map_create_context(map)!
    let options = Self.measuringOptions()
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_cairo_context_set_resolution(context, 72)
    pango_context_set_round_glyph_positions(context, 0)
    pango_context_set_language(context, pango_language_from_string("zh-cn"))
    self.context = context
  }

  /// Unhinted metrics: what is measured is what is drawn, at any resolution. The caller
  /// owns the options.
  static func measuringOptions() -> OpaquePointer {
    let options = cairo_font_options_create()!
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    return options
  }

  deinit {
    for font in retainedFonts { g_object_unref(UnsafeMutableRawPointer(font)) }
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(UnsafeMutableRawPointer(fontMap))
    FcCharSetDestroy(coverage)
    FcConfigDestroy(config)
  }

  /// Whether some loaded font has a glyph for `scalar`. Controls and spaces are not drawn
  /// as glyphs and always count as covered.
  public func covers(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || v == 0x20 || v == 0x3000 || (0x7F...0x9F).contains(v) { return true }
    // Variation selectors pick a glyph variant of the character before them: Pango draws the
    // variant where the font has one and the base character otherwise, never a box.
    if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
    if let known = coverageCache[v, 0] { return known }
    let result = FcCharSetHasChar(coverage, v) != 0
    coverageCache[v, 0] = result
    return result
  }

  /// Whether some font draws every printable ASCII character (U+0021–U+007E), so that text
  /// of those alone needs no look-up per character.
  public private(set) lazy var coversPrintableASCII: Bool = (0x21...0x7E).allSatisfy {
    covers(Unicode.Scalar(UInt8($0)))
  }

  /// The first scalar of `text` that no font can draw.
  public func firstUncovered(in text: String) -> Unicode.Scalar? {
    for scalar in text.unicodeScalars where !covers(scalar) { return scalar }
    return nil
  }
}

public struct FontError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension String {
  fileprivate var xmlEscaped: String {
    var escaped = ""
    for c in self {
      switch c {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      default: escaped.append(c)
      }
    }
    return escaped
  }
}
