import Foundation
import Graphics
import WenshuLayout
import WenshuRender

/// The whole pipeline for one caller: JSON data → layout engine → PDF or PNG.
/// Holds the fonts loaded once; not thread-safe (Pango), so one renderer per thread.
public final class DocumentRenderer {
  public let catalog: DocumentCatalog
  let fonts: FontLibrary

  public init(home: WenshuHome) throws {
    catalog = try DocumentCatalog(folder: home.layouts)
    fonts = try FontLibrary(configPath: home.fontConfig.path)
  }

  public var fontFamilies: [String] { fonts.families }

  /// Parses the JSON and lays the document out.
  public func layOut(document: String, json: [UInt8]) throws(RenderFailure) -> LaidOutDocument {
    guard let layout = catalog.layouts[document] else {
      throw .data([DataProblem(path: "", message: "unknown document '\(document)' (documents: \(catalog.documents.joined(separator: ", ")))")])
    }
    let data: DataValue
    do { data = try JSONReader.parse(json) } catch {
      throw .data([DataProblem(path: "", message: error.description)])
    }
    return try LayoutEngine(layout: layout, fonts: fonts, formatters: catalog.formatters, types: DomainTypes.all).layOut(data)
  }

  public func renderPDF(document: String, json: [UInt8]) throws(RenderFailure) -> [UInt8] {
    let laidOut = try layOut(document: document, json: json)
    do { return try PDFRenderer.render(laidOut) } catch { throw .output(error.message) }
  }
}
