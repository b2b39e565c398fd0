import Graphics

/// The fonts of one OFD document: one resource per face of a font file (sizes are the text
/// objects'), numbered the first time a page uses it, with every character and glyph drawn
/// in it, so that at the end each is embedded as a subset of what the document shows.
final class OFDFonts {
  struct Resource {
    let id: Int
    let file: String
    let index: Int
    let face: EmbeddedFace
    var characters: Set<UInt32> = []
    var glyphs: Set<UInt32> = []
    /// What the face's character map gives each character drawn, remembered.
    var nominal: [UInt32: UInt32] = [:]
  }
  private struct Key: Hashable {
    let file: String
    let index: Int
  }
  private var keys: [Key: Int] = [:]
  private(set) var resources: [Resource] = []

  /// The position in `resources` of the face `face` is drawn from, opening it the first time
  /// with `nextID` as its resource id.
  func resource(for face: FontFace, nextID: () -> Int) throws(RenderError) -> Int {
    let key = Key(file: face.file, index: face.index)
    if let known = keys[key] { return known }
    let opened = try EmbeddedFace(file: face.file, index: face.index)
    resources.append(Resource(id: nextID(), file: face.file, index: face.index, face: opened))
    keys[key] = resources.count - 1
    return resources.count - 1
  }

  /// Records that `glyph` was drawn for `character` in resource `r`; true when it is the glyph
  /// the face's character map gives that character (a reader finds it from the text alone).
  func use(_ r: Int, character: UInt32, glyph: UInt32) -> Bool {
    resources[r].glyphs.insert(glyph)
    if let nominal = resources[r].nominal[character] { return nominal == glyph }
    let nominal = resources[r].face.nominalGlyph(character)
    resources[r].characters.insert(character)
    resources[r].nominal[character] = nominal ?? UInt32.max
    return nominal == glyph
  }

  /// Records a glyph drawn for no single character (a further glyph of a cluster).
  func use(_ r: Int, glyph: UInt32) { resources[r].glyphs.insert(glyph) }

  /// The embedded file's name for resource `r`.
  func fileName(_ r: Int) -> String { "font_\(resources[r].id).ttf" }
}
