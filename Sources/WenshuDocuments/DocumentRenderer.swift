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
    guard catalog.layouts[document] != nil else {
      throw .data([DataProblem(path: "", message: "unknown document '\(document)' (documents: \(catalog.documents.joined(separator: ", ")))")])
    }
    var data: DataValue
    do { data = try JSONReader.parse(json) } catch {
      throw .data([DataProblem(path: "", message: error.description)])
    }
    // `variant` picks a form of the document; it is not part of the document's data.
    var variant = "default"
    if case .object(var root) = data, let v = root["variant"] {
      guard case .string(let name) = v else { throw .data([DataProblem(path: "variant", message: "应为文字 (expected text)")]) }
      variant = name
      root["variant"] = nil
      data = .object(root)
    }
    let office: String?
    (data, office) = try OfficeProfile.resolve(data, offices: catalog.offices)
    guard let layout = catalog.layout(document: document, office: office, variant: variant) else {
      let known = (catalog.layouts[document] ?? []).map { "\($0.variant) (\($0.offices.isEmpty ? "any office" : $0.offices.joined(separator: ", ")))" }
      throw .data([DataProblem(path: office == nil ? "variant" : "office", message: "没有适用的版式 (no layout of '\(document)' for office \(office ?? "-") and variant \(variant); layouts: \(known.joined(separator: "; ")))")])
    }
    return try LayoutEngine(layout: layout, fonts: fonts, formatters: catalog.formatters, types: DomainTypes.all).layOut(data)
  }

  public func renderPDF(document: String, json: [UInt8]) throws(RenderFailure) -> [UInt8] {
    try render(document: document, json: json).pdf
  }

  /// The PDF and the warnings the data raised.
  public func render(document: String, json: [UInt8]) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
    let laidOut = try layOut(document: document, json: json)
    do { return (try PDFRenderer.render(laidOut), laidOut.warnings) } catch { throw .output(error.message) }
  }
}
