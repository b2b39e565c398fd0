import WenshuLayout
import WenshuRender

extension DocumentRenderer {
  /// One document as a PDF or an OFD, one of its pages as PNG, or its row tables as a workbook.
  /// The PDF streams page by page; a page as PNG is laid out alone, from where the first pass
  /// found it starts. `signed: false` leaves a PDF unsigned even for an office with a key (a
  /// job's PDF that is merged with others, as a batch's one PDF is not signed).
  public func renderFile(
    document: String, json: [UInt8], format: OutputFormat, cancellation: RenderCancellation? = nil,
    scope: OfficeScope? = nil, signed: Bool = true
  ) throws(OutputFailure) -> RenderedFile {
    do {
      if format == .xlsx { try requireSheets(document) }
      let data = try parse(document: document, json: json, cancellation: cancellation)
      let office = OfficeProfile.named(in: data)
      // The data is handed over: the checks fill it in where it stands.
      let prepared = try prepare(document: document, data: consume data, cancellation: cancellation, scope: scope)
      let record = PrintRecord(office: office, reference: prepared.reference, pages: prepared.pageCount)
      switch format {
      case .png(let number, let dpi):
        return try pngPage(
          prepared, document: document, number: number, dpi: dpi, cancellation: cancellation, records: [record])
      case .xlsx:
        guard let bytes = try ListWorkbook.bytes(prepared) else {
          throw OutputFailure.noSheet(document: document, layout: prepared.layoutFile, offered: sheetDocuments)
        }
        return RenderedFile(
          bytes: bytes, mediaType: ListWorkbook.mediaType,
          fileName: FileName(document: document, name: prepared.filename, extension: "xlsx"), pages: prepared.pageCount,
          warnings: ProblemList(prepared.warnings), records: [record])
      case .ofd:
        return RenderedFile(
          bytes: try OFDRenderer.render(prepared), mediaType: OutputFormat.ofdMediaType,
          fileName: FileName(document: document, name: prepared.filename, extension: "ofd"), pages: prepared.pageCount,
          warnings: ProblemList(prepared.warnings), records: [record])
      case .pdf, .zip:
        // With the operator's keys, every PDF of an office that has one is signed (see README).
        let identity = signed ? office.flatMap { signingKeys?.identities[$0] } : nil
        let pdf = try identity.map { (identity) throws(RenderFailure) in try signedPDF(prepared, identity: identity) }
        return RenderedFile(
          bytes: try pdf ?? PDFRenderer.render(prepared), mediaType: "application/pdf",
          fileName: FileName(document: document, name: prepared.filename, extension: "pdf"), pages: prepared.pageCount,
          warnings: ProblemList(prepared.warnings), records: [record])
      }
    } catch let failure as OutputFailure {
      throw failure
    } catch let failure as RenderFailure {
      throw .render(failure)
    } catch {
      throw .render(.output("\(error)"))
    }
  }
}

extension DocumentRenderer {
  /// The JSON parsed and the document prepared (checked, its pages counted and where each
  /// starts recorded), for a caller that lays its pages out later, one at a time: the preview
  /// keeps it between page turns.
  public func prepare(
    document: String, json: [UInt8], cancellation: RenderCancellation? = nil
  ) throws(OutputFailure) -> PreparedDocument {
    do {
      return try prepare(
        document: document, data: try parse(document: document, json: json, cancellation: cancellation),
        cancellation: cancellation)
    } catch {
      throw .render(error)
    }
  }

  /// Page `number` of a prepared document as PNG, laid out alone from its record and
  /// stopped by `cancellation` (this request's: a kept document outlives the one that made it).
  public func pngPage(
    _ prepared: PreparedDocument, document: String, number: Int, dpi: Double, cancellation: RenderCancellation?,
    records: [PrintRecord] = []
  ) throws(OutputFailure) -> RenderedFile {
    guard number <= prepared.pageCount else { throw .noSuchPage(number, pages: prepared.pageCount) }
    do throws(RenderFailure) {
      let page = try prepared.page(number, cancellation: cancellation)
      let png: [UInt8]
      do { png = try PNGRenderer.render(page, fonts: prepared.fonts, dpi: dpi) } catch {
        throw RenderFailure.output(error.message)
      }
      return RenderedFile(
        bytes: png, mediaType: "image/png",
        fileName: FileName(document: document, name: prepared.filename + "-\(number)", extension: "png"),
        pages: prepared.pageCount, warnings: ProblemList(prepared.warnings), records: records)
    } catch {
      throw .render(error)
    }
  }

  /// The documents with a layout that exports a table as a spreadsheet tab (`sheet:`).
  public var sheetDocuments: [String] {
    catalog.documents.filter { catalog.layouts[$0]?.contains { !ListWorkbook.tableNames($0).isEmpty } == true }
  }

  /// Refuses a workbook of a document none of whose layouts exports a table, before its data
  /// is read (a layout chosen by the data is judged once it is laid out).
  func requireSheets(_ document: String) throws(OutputFailure) {
    guard let layouts = catalog.layouts[document], !layouts.isEmpty else { return }
    guard layouts.contains(where: { !ListWorkbook.tableNames($0).isEmpty }) else {
      throw .noSheet(document: document, layout: layouts[0].file, offered: sheetDocuments)
    }
  }
}
