import Graphics

/// Where the pictures a layout names (`image: { file: … }`) come from. The engine knows no
/// image format and no folder: it refuses a name that is a path (`/`, `..`) before asking,
/// and the caller finds the picture and has it decoded (by Graphics, from a folder of its
/// choosing).
public protocol PictureSource: Sendable {
  /// What a name must be, for a layout author's message: `a file name inside images/`.
  var expectedName: String { get }
  /// The picture called `name` (a file name, never a path); throws saying why there is none.
  func picture(named name: String) throws(PictureUnavailable) -> Picture
}

/// Why a source has no picture of a name: not one it could hold (a format it does not
/// read), or unreadable.
public struct PictureUnavailable: Error, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
}

/// No pictures at all: a layout that names one is refused when it is read.
public struct NoPictures: PictureSource {
  public init() {}
  public var expectedName: String { "a picture's name (but no pictures are given to this layout)" }
  public func picture(named name: String) throws(PictureUnavailable) -> Picture {
    throw PictureUnavailable("no pictures are given to this layout (\(name))")
  }
}
