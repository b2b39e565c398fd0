import Foundation

/// A font face at a size, as values: the file and the face in it (a `.ttc` holds several),
/// the em size in points, and whether bold is drawn by emboldening a regular face. Enough
/// for any writer to open the face itself (Cairo, an OFD writer embedding the file).
public struct FontFace: Sendable, Hashable {
  /// The font file's absolute path.
  public let file: String
  /// The face's index in the file (0 for a single-face file).
  public let index: Int
  public let size: Double
  public let emboldened: Bool

  public init(file: String, index: Int, size: Double, emboldened: Bool = false) {
    self.file = file
    self.index = index
    self.size = size
    self.emboldened = emboldened
  }
}

/// A face's number in a document's font table.
public struct FaceID: Sendable, Hashable {
  public let rawValue: Int32
  public init(_ rawValue: Int32) { self.rawValue = rawValue }
}

/// The faces a document's glyph runs name by `FaceID`. Only ever appended to, by the one
/// thread that lays the document out, and read by the threads that write its pages: a
/// writer looks up only ids of pages it was handed, so they are always there.
// Sendable: `faces` and `ids` are read and written only under `lock` (a writer on the
// drawing thread reads while the layout thread appends); nothing escapes the lock but
// `FontFace` values and ids, which are values.
public final class FontTable: @unchecked Sendable {
  private let lock = NSLock()
  private var faces: [FontFace] = []
  private var ids: [FontFace: FaceID] = [:]

  public init() {}

  /// The id of `face`, adding it the first time.
  public func id(of face: FontFace) -> FaceID {
    lock.lock()
    defer { lock.unlock() }
    if let known = ids[face] { return known }
    let id = FaceID(Int32(faces.count))
    faces.append(face)
    ids[face] = id
    return id
  }

  public subscript(id: FaceID) -> FontFace {
    lock.lock()
    defer { lock.unlock() }
    return faces[Int(id.rawValue)]
  }

  /// Every face, in id order.
  public var all: [FontFace] {
    lock.lock()
    defer { lock.unlock() }
    return faces
  }
}
