import Foundation
import Graphics
import WenshuLayout
import WenshuRender
import WenshuSigning

/// The whole pipeline for one caller: JSON data → layout engine → PDF or PNG.
/// Holds the fonts loaded once. Pango is not thread-safe: a renderer is used by one thread
/// at a time (the server's render pool hands each worker its own), hence `@unchecked`.
public final class DocumentRenderer: @unchecked Sendable {
  public let catalog: DocumentCatalog
  let fonts: FontLibrary
  /// Whether data may override fields of its office's profile (refused by default: the
  /// profiles are the operator's, see `OfficeProfile`).
  public var allowsOfficeOverrides: Bool { catalog.allowsOfficeOverrides }
  /// The operator's signing keys: `renderFile` signs each PDF of an office that has one.
  public let signingKeys: SigningKeys?
  /// The day a verification code states as its print date (now; tests fix it).
  public var printDate: @Sendable () -> Date = { Date() }

  /// `document`: read only that document's layout files (`<document>.yaml`,
  /// `<document>.<variant>.yaml`), for a process that prints one document and exits.
  /// `extraLayouts`: a folder of layouts beyond the product's (see `DocumentCatalog`).
  /// `allowingOfficeOverrides`: data may override fields of its office's profile (off by default).
  public init(
    home: WenshuHome, document: String? = nil, extraLayouts: URL? = nil, allowingOfficeOverrides: Bool = false,
    signingKeys: SigningKeys? = nil
  ) throws {
    self.signingKeys = signingKeys
    var catalog = try DocumentCatalog(folder: home.layouts, document: document, extraLayouts: extraLayouts)
    catalog.allowsOfficeOverrides = allowingOfficeOverrides
    self.catalog = catalog
    fonts = try FontLibrary(configPath: home.fontConfig.path, cacheDirectory: home.fontCache.path)
  }

  public var fontFamilies: [String] { fonts.families }

  /// Parses the JSON and lays the document out.
  public func layOut(document: String, json: [UInt8]) throws(RenderFailure) -> LaidOutDocument {
    try layOut(document: document, data: try parse(document: document, json: json))
  }

  /// Stops with `.cancelled` soon after `cancellation` is cancelled.
  public func parse(
    document: String, json: [UInt8], cancellation: RenderCancellation? = nil
  ) throws(RenderFailure) -> DataValue {
    guard let layouts = catalog.layouts[document] else {
      throw .unknownDocument(document, known: catalog.documents)
    }
    // Room in each person's object for what the identity rules fill in (any variant's: the
    // data names its variant and office only once it is read).
    let room = IdentityRules.room(in: layouts.compactMap(\.schema))
    do { return try JSONReader.parse(json, cancellation: cancellation, room: room) } catch {
      if error.stopped { throw .cancelled }
      throw .malformed(error.description)
    }
  }

  /// Lays out a document from parsed data: picks the variant and office, fills in the profile.
  /// `scope`: the offices the caller may print for (`.forbidden` outside them); nil = any.
  /// `data` is taken, not borrowed: the checks fill in derived fields in place, which copies
  /// the whole tree (66 MiB for 200,000 members) if the caller still holds it.
  public func prepare(
    document: String, data: consuming DataValue, cancellation: RenderCancellation? = nil, scope: OfficeScope? = nil
  ) throws(RenderFailure) -> PreparedDocument {
    guard catalog.layouts[document] != nil else { throw .unknownDocument(document, known: catalog.documents) }
    // `variant` picks a form of the document; it is not part of the document's data.
    var variant = "default"
    if case .object(var root) = data, let v = root["variant"] {
      guard case .string(let name) = v else {
        throw .data([DataProblem(path: "variant", message: "应为文字 (expected text)")])
      }
      variant = name
      data = .null  // the root held once while the key is removed
      root["variant"] = nil
      data = .object(root)
    }
    let office: String?
    (data, office) = try OfficeProfile.resolve(
      data, offices: catalog.offices, allowingOverrides: catalog.allowsOfficeOverrides)
    try scope?.admit(office)
    guard let layout = catalog.layout(document: document, office: office, variant: variant) else {
      let known = (catalog.layouts[document] ?? []).map {
        "\($0.variant) (\($0.offices.isEmpty ? "any office" : $0.offices.joined(separator: ", ")))"
      }
      let officeOnly = office == nil && (catalog.layouts[document] ?? []).contains { $0.variant == variant }
      throw .data([
        DataProblem(
          path: office == nil && !officeOnly ? "variant" : "office",
          message:
            "没有适用的版式 (no layout of '\(document)' for office \(office ?? "-") and variant \(variant); layouts: \(known.joined(separator: "; ")))"
        )
      ])
    }
    // The domain's cross-checks first (they fill in what a member's ID number states); their
    // problems are reported with the engine's, a path the domain names once only once.
    // The code's digest is of the data as read, before the checks fill anything in.
    let codes = codeIssuer(document: document, office: office, data: data)
    let problems = DocumentChecks(catalog: catalog).apply(
      layout: layout, office: office, data: &data, cancellation: cancellation)
    if cancellation?.isCancelled == true { throw .cancelled }
    let engine = LayoutEngine(layout: layout, fonts: fonts, formatters: catalog.formatters, types: DomainTypes.all)
    let prepared: PreparedDocument
    do { prepared = try engine.prepare(consume data, cancellation: cancellation, codes: codes) } catch {
      guard case .data(let others) = error, !problems.isEmpty else { throw error }
      let named = Set(problems.map(\.path))
      throw .data(problems + others.filter { !named.contains($0.path) })
    }
    if !problems.isEmpty { throw .data(problems) }
    return prepared
  }

  /// Lays out a whole document in memory (previews, batches).
  public func layOut(document: String, data: consuming DataValue) throws(RenderFailure) -> LaidOutDocument {
    let prepared = try prepare(document: document, data: consume data)
    var pages: [Page] = []
    try prepared.forEachPage { pages.append($0) }
    return LaidOutDocument(
      pages: pages, info: prepared.info, fonts: prepared.fonts, warnings: prepared.warnings,
      filename: prepared.filename)
  }

  public func renderPDF(document: String, json: [UInt8]) throws(RenderFailure) -> [UInt8] {
    try render(document: document, json: json).pdf
  }

  /// The PDF and the warnings the data raised.
  public func render(
    document: String, json: [UInt8], cancellation: RenderCancellation? = nil
  ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
    try render(
      document: document, data: try parse(document: document, json: json, cancellation: cancellation),
      cancellation: cancellation)
  }

  public func render(
    document: String, data: consuming DataValue, cancellation: RenderCancellation? = nil
  ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
    let prepared = try prepare(document: document, data: consume data, cancellation: cancellation)
    return (try PDFRenderer.render(prepared), prepared.warnings)
  }
}
