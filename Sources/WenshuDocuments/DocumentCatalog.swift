import Foundation
import Graphics
import WenshuLayout
import WenshuRules
import Yams

/// Every document Wenshu can print: the layout files in `Layouts/` (one per document, office
/// and variant) and the office profiles in `Layouts/offices/`, read and checked once.
/// Adding a document or an office's form of one is adding a layout file, not Swift code.
public struct DocumentCatalog: Sendable {
  /// Layouts by document name.
  public let layouts: [String: [LayoutDescription]]
  /// Office profiles by id: name, address, receiving account, contacts, signer.
  public let offices: [String: DataValue]
  /// Age limits by office id, from the profiles' `ageLimits`.
  public let ageLimits: [String: AgeLimits]
  public let formatters: FormatterSet
  /// Whether data may override fields of its office's profile (`"office": {"id": …, "signer": …}`).
  /// Off by default: the office's name, account and signer are the server's.
  public var allowsOfficeOverrides = false

  /// The formatters with the statutory age limits for every office (help texts, tests).
  public static let formatters = formatters(ageLimits: [:])

  static func formatters(ageLimits: [String: AgeLimits]) -> FormatterSet {
    FormatterSet.generic.adding(DomainFormatters.all + DomainFormatters.people(ageLimits: ageLimits))
  }

  /// Reads every `*.yaml` in `folder` and `folder/offices`; the first broken file stops it,
  /// naming the file and line. With `document`, only the files named after it (every layout
  /// when none is), which saves a one-shot command parsing the others.
  /// `extraLayouts`: a further folder of layouts that are not the product's (the benchmark's,
  /// `scripts/bench-layouts/`), read only when a caller names it; they use `folder`'s offices.
  public init(folder: URL, document: String? = nil, extraLayouts: URL? = nil) throws(LayoutError) {
    self = try Self.load(folder: folder, document: document, extraLayouts: extraLayouts)
  }

  private static func load(folder: URL, document: String?, extraLayouts: URL?) throws(LayoutError) -> DocumentCatalog {
    func files(_ include: @escaping (String) -> Bool) throws(LayoutError) -> [(String, String)] {
      var files = try yamlFiles(in: folder, prefix: "Layouts/", where: include)
      if let extraLayouts {
        guard FileManager.default.fileExists(atPath: extraLayouts.path) else {
          throw LayoutError(file: extraLayouts.path, line: 0, message: "no such layouts folder")
        }
        files += try yamlFiles(in: extraLayouts, prefix: extraLayouts.path + "/", where: include)
      }
      return files
    }
    if let document {
      // Chosen by file name before reading: the other layouts are neither read nor parsed.
      let own = try files { $0.hasPrefix(document + ".") }
      if !own.isEmpty {
        let subset = try DocumentCatalog(folder: folder, layoutFiles: own)
        if subset.layouts[document] != nil { return subset }
      }
    }
    return try DocumentCatalog(folder: folder, layoutFiles: files { _ in true })
  }

  /// What `extends: <name>` reads: `<name>.yaml` from the first of `folders` that has it,
  /// named `Layouts/<name>.yaml` when it is the catalogue's own.
  public static func layoutBases(in folders: [URL]) -> @Sendable (String) -> (file: String, text: String)? {
    { name in
      for folder in folders {
        let url = folder.appendingPathComponent(name + ".yaml")
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else { continue }
        let shown = folder.lastPathComponent == "Layouts" ? "Layouts/\(name).yaml" : url.path
        return (shown, text)
      }
      return nil
    }
  }

  private init(folder: URL, layoutFiles: [(String, String)]) throws(LayoutError) {
    var offices: [String: DataValue] = [:]
    var ageLimits: [String: AgeLimits] = [:]
    for (name, text) in try Self.yamlFiles(in: folder.appendingPathComponent("offices"), prefix: "Layouts/offices/") {
      let id = String(name.split(separator: "/").last!.dropLast(5))
      offices[id] = try OfficeProfile.read(text, file: name)
      ageLimits[id] = try OfficeAgeLimits.read(offices[id]!, office: id, file: name)
    }
    formatters = Self.formatters(ageLimits: ageLimits)
    var layouts: [String: [LayoutDescription]] = [:]
    // `extends: payment-notice` reads Layouts/payment-notice.yaml, whichever files are loaded.
    let bases = Self.layoutBases(in: [folder])
    for (name, text) in layoutFiles {
      let layout = try DocumentLayouts.parser(
        file: name, imagesFolder: folder.appendingPathComponent("images").path, formatters: formatters, bases: bases
      ).parse(text)
      try LayoutFileName.check(name, against: layout)
      if let other = layouts[layout.document]?.first(where: { LayoutFileName.overlap($0, layout) }) {
        let both = Set(other.offices).intersection(layout.offices).sorted()
        let whom = both.isEmpty ? "any office" : "office \(both.joined(separator: ", "))"
        throw LayoutError(
          file: name, line: 1,
          message:
            "\(name) and \(other.file) are both layouts of '\(layout.document)' variant \(layout.variant) for \(whom): one must go"
        )
      }
      layouts[layout.document, default: []].append(layout)
    }
    for layout in layouts.values.joined() {
      for id in layout.offices where offices[id] == nil {
        throw LayoutError(
          file: layout.file, line: 1,
          message: "unknown office '\(id)' (profiles: \(offices.keys.sorted().joined(separator: ", ")))")
      }
    }
    self.layouts = layouts
    self.offices = offices
    self.ageLimits = ageLimits
  }

  /// The `*.yaml` files in `folder` whose names pass `include`, as (name for messages, text).
  static func yamlFiles(
    in folder: URL, prefix: String, where include: (String) -> Bool = { _ in true }
  ) throws(LayoutError) -> [(String, String)] {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    let files: [URL]
    do {
      files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "yaml" && include($0.lastPathComponent) }.sorted {
          $0.lastPathComponent < $1.lastPathComponent
        }
    } catch {
      throw LayoutError(file: folder.path, line: 0, message: "cannot list layouts: \(error.localizedDescription)")
    }
    return try files.map { file throws(LayoutError) in
      let name = prefix + file.lastPathComponent
      guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8)
      else {
        throw LayoutError(file: name, line: 0, message: "cannot read the file as UTF-8")
      }
      return (name, text)
    }
  }

  public var documents: [String] { layouts.keys.sorted() }

  /// The layout for a document, office and variant: one made for the office first, then one
  /// for any office. Without an office, a document only some offices print has none (the
  /// caller lists the choices): taking one office's form for another would be a wrong paper.
  public func layout(document: String, office: String?, variant: String) -> LayoutDescription? {
    let candidates = (layouts[document] ?? []).filter { $0.variant == variant }
    if let office, let specific = candidates.first(where: { $0.offices.contains(office) }) { return specific }
    return candidates.first { $0.offices.isEmpty }
  }
}
