import CPangoCairo

/// A font file's face read through HarfBuzz, for a writer that embeds fonts itself (OFD):
/// its family name, the glyph its character map gives a character, and a subset of it holding
/// only the glyphs a document drew. Owns its HarfBuzz blob, face and font (released in
/// `deinit`); the file is mapped, not read whole, so opening a 30 MB face costs little.
public final class EmbeddedFace {
  private let blob: OpaquePointer  // hb_blob_t*, owned
  private let face: OpaquePointer  // hb_face_t*, owned
  private let font: OpaquePointer  // hb_font_t*, owned

  /// Opens face `index` of the TrueType or OpenType file at `file`.
  public init(file: String, index: Int) throws(RenderError) {
    guard let blob = hb_blob_create_from_file_or_fail(file) else { throw RenderError("cannot read font \(file)") }
    let face = hb_face_create(blob, UInt32(index))!
    guard hb_face_get_glyph_count(face) > 0 else {
      hb_face_destroy(face)
      hb_blob_destroy(blob)
      throw RenderError("no glyphs in face \(index) of font \(file)")
    }
    self.blob = blob
    self.face = face
    self.font = hb_font_create(face)!
  }

  deinit {
    hb_font_destroy(font)
    hb_face_destroy(face)
    hb_blob_destroy(blob)
  }

  /// The family name the face gives itself (name ID 1, `Noto Serif CJK SC`), for readers that
  /// look fonts up by name.
  public var familyName: String { name(1) }

  /// The face's full name (name ID 4, `Noto Serif CJK SC Bold`).
  public var fullName: String { name(4) }

  /// Whether the face is a bold one (its OS/2 weight class is 600 or more).
  public var isBold: Bool { hb_style_get_value(font, HB_STYLE_TAG_WEIGHT) >= 600 }

  /// A name record in the face's default language, or "" when it has none.
  private func name(_ id: UInt32) -> String {
    var none: UInt32 = 0
    let length = hb_ot_name_get_utf8(face, id, nil, &none, nil)
    guard length > 0 else { return "" }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    var size = UInt32(buffer.count)
    _ = hb_ot_name_get_utf8(face, id, nil, &size, &buffer)
    return String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The glyph the face's character map gives `scalar`, or nil when it has none.
  public func nominalGlyph(_ scalar: UInt32) -> UInt32? {
    var glyph: UInt32 = 0
    return hb_font_get_nominal_glyph(font, scalar, &glyph) != 0 ? glyph : nil
  }

  /// A TrueType file holding only `glyphs` (with the glyphs they are composed of) and the
  /// character map of `characters`, glyph ids unchanged, so positions written against the
  /// full face stay true. Layout tables (GSUB, GPOS, …) and hinting are left out: a reader
  /// of a fixed-layout file draws glyphs where they are placed and shapes nothing.
  public func subset(characters: Set<UInt32>, glyphs: Set<UInt32>) throws(RenderError) -> [UInt8] {
    guard let input = hb_subset_input_create_or_fail() else { throw RenderError("font subsetting failed") }
    defer { hb_subset_input_destroy(input) }
    let unicodes = hb_subset_input_unicode_set(input)
    for c in characters.sorted() { hb_set_add(unicodes, c) }
    let glyphSet = hb_subset_input_glyph_set(input)
    for g in glyphs.sorted() { hb_set_add(glyphSet, g) }
    let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
    for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "VORG"] { hb_set_add(dropped, Self.tag(tag)) }
    hb_subset_input_set_flags(
      input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
    guard let result = hb_subset_or_fail(face, input) else { throw RenderError("font subsetting failed") }
    defer { hb_face_destroy(result) }
    let out = hb_face_reference_blob(result)!
    defer { hb_blob_destroy(out) }
    var length: UInt32 = 0
    guard let data = hb_blob_get_data(out, &length), length > 0 else { throw RenderError("font subsetting failed") }
    return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
      Array(UnsafeBufferPointer(start: $0, count: Int(length)))
    }
  }

  /// An OpenType table tag as HarfBuzz's `HB_TAG` macro makes it.
  private static func tag(_ name: String) -> UInt32 { name.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
}
