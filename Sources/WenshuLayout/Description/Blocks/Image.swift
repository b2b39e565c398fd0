import Graphics
import Yams

/// A picture from the caller's `PictureSource`: a seal over a signature line, a logo.
public struct ImageBlock: Sendable {
  /// nil for a picture named by a field, found when the document is laid out.
  public var picture: Picture?
  public var width: Double
  public var height: Double
  /// For a picture named by a field of a caller-supplied object (`file: "{issuer.sealImage}"`):
  /// the name's template and where to find it; `height` then follows its proportions unless
  /// `fixedHeight`.
  public var named: (template: Template, source: any PictureSource)? = nil
  public var fixedHeight = false
  public var alignment: TextStyle.Alignment
  /// Takes no room in the flow: drawn at `offset` from where the next block starts
  /// (a seal overlapping the signature above it).
  public var float: Bool
  public var offset: Point
}

extension ImageBlock {
  static let templateLocations = ["image.file"]
  /// A picture's name is decided before the block is placed.
  var templateUses: [TemplateUse] {
    var uses: [TemplateUse] = []
    uses.add(named.map { [$0.template] } ?? [], .block, placed: false, at: "image.file")
    return uses
  }
}

extension LayoutParser {
  func image(_ node: Node) throws(LayoutError) -> ImageBlock {
    var f = try YAMLFields(node, what: "image", file: file)
    let fileNode = try required(f.take("file"), in: f, key: "file")
    guard let name = fileNode.string, !name.contains(".."), !name.contains("/") else {
      throw f.error("file is \(pictures.expectedName), not a path", at: fileNode)
    }
    let width = try f.take("width").map(length)
    let height = try f.take("height").map(length)
    if name.contains("{") {
      // The name from a field the server supplies (a seal): checked against data: once loaded.
      var block = ImageBlock(
        picture: nil, width: width ?? 72, height: height ?? 0,
        alignment: try f.take("align").map(alignment) ?? .left,
        float: try f.take("float").map(bool) ?? false, offset: try f.take("offset").map(offset) ?? Point(x: 0, y: 0))
      block.named = (try template(fileNode), pictures)
      block.fixedHeight = height != nil
      try f.finish()
      return block
    }
    let picture: Picture
    do { picture = try pictures.picture(named: name) } catch {
      throw f.error(error.message, at: fileNode)
    }
    let ratio = Double(picture.pixelHeight) / Double(max(picture.pixelWidth, 1))
    let w = width ?? height.map { $0 / ratio } ?? 72
    let h = height ?? w * ratio
    let offset = try f.take("offset").map(offset) ?? Point(x: 0, y: 0)
    let block = ImageBlock(
      picture: picture, width: w, height: h, alignment: try f.take("align").map(alignment) ?? .left,
      float: try f.take("float").map(bool) ?? false, offset: offset)
    try f.finish()
    return block
  }

  func offset(_ node: Node) throws(LayoutError) -> Point {
    guard case .sequence(let seq) = node, seq.count == 2 else {
      throw LayoutError(file: file, line: node.line, message: "offset is [x, y]")
    }
    return Point(x: try signedLength(seq[0]), y: try signedLength(seq[1]))
  }

  func signedLength(_ node: Node) throws(LayoutError) -> Double {
    guard let s = node.string else { throw LayoutError(file: file, line: node.line, message: "expected a length") }
    let negative = s.hasPrefix("-")
    guard let v = Self.length(negative ? String(s.dropFirst()) : s) else {
      throw LayoutError(file: file, line: node.line, message: "expected a length such as -12pt or 20mm")
    }
    return negative ? -v : v
  }
}
