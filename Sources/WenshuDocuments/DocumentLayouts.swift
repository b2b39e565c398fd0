import Graphics
import WenshuLayout

/// What the generic layout engine is given to read the documents' layouts: the domain's
/// formatters and types, the bundled fonts, the pictures in `Layouts/images/` and the keys
/// saying which office and variant a layout is for (`offices:`, `variant:`).
public enum DocumentLayouts {
  /// The families `fonts/fonts.conf` bundles, for `font: serif` and `font: sans`.
  public static let fontFamilies = FontFamilies(serif: "Noto Serif CJK SC", sans: "Noto Sans CJK SC")

  /// `offices: [guangdong]` (profile ids in `Layouts/offices/`; none: any office) and
  /// `variant: district` (a form of the document the data chooses; `default` otherwise).
  public static let selectorKeys = [
    SelectorKey("offices", isList: true, default: []),
    SelectorKey("variant", isList: false, default: ["default"]),
  ]

  /// A parser of the documents' layouts, its pictures from `imagesFolder`.
  public static func parser(
    file: String, imagesFolder: String, formatters: FormatterSet = DocumentCatalog.formatters,
    bases: (@Sendable (String) -> (file: String, text: String)?)? = nil
  ) -> LayoutParser {
    var parser = LayoutParser(
      file: file, formatters: formatters, types: DomainTypes.all, pictures: PictureFolder(imagesFolder),
      fontFamilies: fontFamilies, selectorKeys: selectorKeys, bases: bases)
    parser.rules = DocumentChecks.rules
    return parser
  }
}

/// The layouts' pictures: PNG files in one folder (`Layouts/images/`), decoded by Graphics.
public struct PictureFolder: PictureSource {
  public let path: String
  public init(_ path: String) { self.path = path }

  public var expectedName: String { "a PNG name inside \(path)" }

  public func picture(named name: String) throws(PictureUnavailable) -> Picture {
    // The engine has refused a path; a name from the data must also be a PNG's.
    guard name.hasSuffix(".png") else { throw PictureUnavailable("应为 PNG 文件名 (not a PNG file name)") }
    // Graphics' message names the file's full path: a folder of the server's, which a
    // print-time problem would hand to the request's sender.
    do { return try Picture(pngFile: path + "/" + name) } catch {
      throw PictureUnavailable("\(name): 图片文件夹中没有此 PNG 文件或无法读取 (not found in the images folder, or not a readable PNG)")
    }
  }
}
