import Foundation
import Graphics
import WenshuLayout

/// Every document Wenshu can print: one layout file in `Layouts/` each, read and checked
/// once. Adding a document is adding a layout file, not Swift code.
public struct DocumentCatalog: Sendable {
  public let layouts: [String: LayoutDescription]
  public let formatters: FormatterSet

  public static let formatters = FormatterSet.generic.adding(DomainFormatters.all + DomainFormatters.people)

  /// Reads every `*.yaml` in `folder`; the first broken layout stops it, naming the file and line.
  public init(folder: URL) throws(LayoutError) {
    formatters = Self.formatters
    let files: [URL]
    do {
      files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    } catch {
      throw LayoutError(file: folder.path, line: 0, message: "cannot list layouts: \(error.localizedDescription)")
    }
    var layouts: [String: LayoutDescription] = [:]
    for file in files {
      let name = "Layouts/" + file.lastPathComponent
      guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
        throw LayoutError(file: name, line: 0, message: "cannot read the file as UTF-8")
      }
      let layout = try LayoutParser(
        file: name, formatters: formatters, types: DomainTypes.all, imagesFolder: folder.appendingPathComponent("images").path
      ).parse(text)
      if let other = layouts[layout.document] {
        throw LayoutError(file: name, line: 1, message: "document '\(layout.document)' is also defined by \(other.file)")
      }
      layouts[layout.document] = layout
    }
    self.layouts = layouts
  }

  public var documents: [String] { layouts.keys.sorted() }
}
