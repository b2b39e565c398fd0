import WenshuLayout
import WenshuRender

extension DocumentRenderer {
  /// One document as a PDF or an OFD, or one of its pages as PNG. The PDF streams page by page; a
  /// preview lays out every page but keeps only the one asked for.
  public func renderFile(
    document: String, json: [UInt8], format: OutputFormat, cancellation: RenderCancellation? = nil,
    scope: OfficeScope? = nil
  ) throws(OutputFailure) -> RenderedFile {
    do {
      let data = try parse(document: document, json: json, cancellation: cancellation)
      let prepared = try prepare(document: document, data: data, cancellation: cancellation, scope: scope)
      let record = PrintRecord(
        office: OfficeProfile.named(in: data), reference: prepared.reference, pages: prepared.pageCount)
      switch format {
      case .png(let number, let dpi):
        guard number <= prepared.pageCount else { throw OutputFailure.noSuchPage(number, pages: prepared.pageCount) }
        var wanted: Page?
        var index = 0
        try prepared.forEachPage { page in
          index += 1
          if index == number { wanted = page }
        }
        guard let wanted else { throw OutputFailure.noSuchPage(number, pages: prepared.pageCount) }
        let png: [UInt8]
        do { png = try PNGRenderer.render(wanted, fonts: prepared.fonts, dpi: dpi) } catch {
          throw RenderFailure.output(error.message)
        }
        return RenderedFile(
          bytes: png, mediaType: "image/png",
          fileName: FileName(document: document, name: prepared.filename + "-\(number)", extension: "png"),
          pages: prepared.pageCount, warnings: ProblemList(prepared.warnings), records: [record])
      case .ofd:
        return RenderedFile(
          bytes: try OFDRenderer.render(prepared), mediaType: OutputFormat.ofdMediaType,
          fileName: FileName(document: document, name: prepared.filename, extension: "ofd"), pages: prepared.pageCount,
          warnings: ProblemList(prepared.warnings), records: [record])
      case .pdf, .zip:
        return RenderedFile(
          bytes: try PDFRenderer.render(prepared), mediaType: "application/pdf",
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
