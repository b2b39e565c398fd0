import Graphics
import WenshuLayout

/// What the generic layout engine is given to read the documents' layouts: the domain's
/// formatters and types and the bundled fonts.
public enum DocumentLayouts {
  /// The families `fonts/fonts.conf` bundles, for `font: serif` and `font: sans`.
  public static let fontFamilies = FontFamilies(serif: "Noto Serif CJK SC", sans: "Noto Sans CJK SC")

  /// A parser of the documents' layouts, its pictures from `imagesFolder`.
  public static func parser(
    file: String, imagesFolder: String, formatters: FormatterSet = DocumentCatalog.formatters,
    bases: (@Sendable (String) -> (file: String, text: String)?)? = nil
  ) -> LayoutParser {
    LayoutParser(
      file: file, formatters: formatters, types: DomainTypes.all, imagesFolder: imagesFolder,
      fontFamilies: fontFamilies, bases: bases)
  }
}
