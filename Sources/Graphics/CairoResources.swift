import CPangoCairo

/// The Cairo objects one writer draws with, made from the pages' values the first time each
/// is needed: a scaled font per font face, an image surface per picture. Owns them all and
/// releases them with the writer, so a font subset or an image is written once per document.
final class CairoResources {
  private var fonts: [FontFace: OpaquePointer] = [:]  // cairo_scaled_font_t*, owned
  /// Each picture is kept with its surface, so its identifier is not reused while cached.
  private var pictures: [ObjectIdentifier: (picture: Picture, surface: OpaquePointer)] = [:]  // surface owned

  deinit {
    for font in fonts.values { cairo_scaled_font_destroy(font) }
    for entry in pictures.values { cairo_surface_destroy(entry.surface) }
  }

  /// The scaled font drawing `face`: its file's face through FreeType, unhinted as Wenshu
  /// measures text (`FontLibrary.measuringOptions`). Borrowed from this cache.
  func scaledFont(_ face: FontFace) -> OpaquePointer {
    if let known = fonts[face] { return known }
    let pattern = FcPatternCreate()!
    defer { FcPatternDestroy(pattern) }
    FcPatternAddString(pattern, "file", face.file)
    FcPatternAddInteger(pattern, "index", Int32(face.index))
    FcPatternAddBool(pattern, "embolden", face.emboldened ? 1 : 0)
    FcPatternAddBool(pattern, "hinting", 0)
    FcPatternAddInteger(pattern, "hintstyle", 0)  // FC_HINT_NONE
    FcPatternAddBool(pattern, "antialias", 1)
    let fontFace = cairo_ft_font_face_create_for_pattern(pattern)!
    defer { cairo_font_face_destroy(fontFace) }  // the scaled font keeps its own reference
    var matrix = cairo_matrix_t()
    cairo_matrix_init_scale(&matrix, face.size, face.size)
    var identity = cairo_matrix_t()
    cairo_matrix_init_identity(&identity)
    let options = FontLibrary.measuringOptions()
    defer { cairo_font_options_destroy(options) }
    let scaled = cairo_scaled_font_create(fontFace, &matrix, &identity, options)!
    fonts[face] = scaled
    return scaled
  }

  /// The image surface holding `picture`'s pixels. Borrowed from this cache.
  func surface(_ picture: Picture) -> OpaquePointer {
    let key = ObjectIdentifier(picture)
    if let known = pictures[key] { return known.surface }
    let surface = CairoPixels.surface(picture)
    pictures[key] = (picture, surface)
    return surface
  }
}
