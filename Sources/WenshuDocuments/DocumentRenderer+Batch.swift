import Foundation
import Graphics
import WenshuLayout
import WenshuRender
import ZIPFoundation

extension DocumentRenderer {
  /// A batch (a JSON array of one document's data) as one PDF, a ZIP of one PDF each, a ZIP of
  /// one workbook each, or a ZIP of one OFD each.
  /// Bounded in memory whatever its length: each item is parsed, checked, laid out and
  /// written before the next is read, so only one document's data and one page are held
  /// besides the output. Any item's problems fail the whole batch (every item is still
  /// checked, so the answer lists them all); nothing is written after the first problem.
  public func renderBatch(
    document: String, json: [UInt8], format: OutputFormat, cancellation: RenderCancellation? = nil,
    scope: OfficeScope? = nil
  ) throws(OutputFailure) -> RenderedFile {
    guard catalog.layouts[document] != nil else { throw .render(.unknownDocument(document, known: catalog.documents)) }
    if format == .xlsx { try requireSheets(document) }
    let ranges = try Self.items(json)
    guard !ranges.isEmpty else { throw .notABatch("the array has no documents") }
    var problems = ProblemList()
    var warnings = ProblemList()
    var output: BatchOutput?
    var pages = 0
    var records: [PrintRecord] = []
    for (i, range) in ranges.enumerated() {
      if cancellation?.isCancelled == true { throw .render(.cancelled) }
      let prepared: PreparedDocument
      let office: String?
      do {
        let data = try Self.item(json, range, cancellation: cancellation)
        office = OfficeProfile.named(in: data)
        prepared = try prepare(document: document, data: data, cancellation: cancellation, scope: scope)
      } catch let failure as RenderFailure {
        // One item outside the caller's offices refuses the whole batch, at that item.
        if case .forbidden(let p) = failure {
          throw .render(.forbidden(DataProblem(path: ProblemList.join("[\(i)]", p.path), message: p.message)))
        }
        guard case .data(let list) = failure else { throw .render(failure) }
        problems.append(list, under: "[\(i)]")
        continue
      } catch let failure as OutputFailure {
        throw failure
      } catch {
        throw .render(.output("\(error)"))
      }
      warnings.append(prepared.warnings, under: "[\(i)]")
      pages += prepared.pageCount
      records.append(PrintRecord(office: office, reference: prepared.reference, pages: prepared.pageCount))
      guard problems.isEmpty else { continue }
      do {
        if output == nil { output = try BatchOutput(format: format, info: prepared.info, offered: sheetDocuments) }
        let name = String(format: "%03d-", i + 1) + prepared.filename
        try output!.add(
          prepared, name: FileName(document: document, name: name, extension: format.batchItemExtension))
      } catch let failure as OutputFailure { throw failure } catch let failure as RenderFailure {
        throw .render(failure)
      } catch { throw .render(.output("\(error)")) }
    }
    if !problems.isEmpty { throw .data(problems) }
    let bytes: [UInt8]
    do { bytes = try output!.finish() } catch let failure as RenderFailure { throw .render(failure) } catch {
      throw .render(.output("\(error)"))
    }
    let zip = format == .zip || format == .xlsx || format == .ofd
    return RenderedFile(
      bytes: bytes, mediaType: zip ? "application/zip" : "application/pdf",
      fileName: FileName(document: document, name: "\(document)-batch", extension: zip ? "zip" : "pdf"),
      pages: pages, warnings: warnings, records: records)
  }

  /// The items' byte ranges; a text that is not an array is parsed whole for its exact error.
  static func items(_ json: [UInt8]) throws(OutputFailure) -> [Range<Int>] {
    if let ranges = JSONArrayItems.ranges(json) { return ranges }
    do {
      _ = try JSONReader.parse(json)
    } catch {
      throw .render(.malformed(error.description))
    }
    throw .notABatch("a batch is a JSON array of documents' data")
  }

  /// One item's data; a syntax error is reported where it is in the whole text.
  static func item(_ json: [UInt8], _ range: Range<Int>, cancellation: RenderCancellation? = nil) throws -> DataValue {
    do { return try JSONReader.parse(Array(json[range]), cancellation: cancellation) } catch {
      if error.stopped { throw RenderFailure.cancelled }
      do { _ = try JSONReader.parse(json) } catch let whole { throw RenderFailure.malformed(whole.description) }
      throw RenderFailure.malformed(error.description)
    }
  }
}

/// Where a batch's documents go as they are laid out: pages into one PDF, or each document's
/// PDF (workbook, OFD) deflated into the ZIP as soon as it is written.
private enum BatchOutput {
  case book(PDFBook)
  /// `workbooks`: the documents that offer them, for the message when one does not.
  case zip(Archive, format: OutputFormat, workbooks: [String])

  init(format: OutputFormat, info: DocumentInfo, offered: [String]) throws {
    if format == .zip || format == .xlsx || format == .ofd {
      self = .zip(try Archive(accessMode: .create), format: format, workbooks: offered)
    } else {
      self = .book(PDFBook(info: info))
    }
  }

  func add(_ prepared: PreparedDocument, name: FileName) throws {
    switch self {
    case .book(let book): try book.append(prepared)
    case .zip(let archive, let format, let offered):
      let pdf: [UInt8]
      switch format {
      case .xlsx:
        guard let bytes = try ListWorkbook.bytes(prepared) else {
          throw OutputFailure.noSheet(document: prepared.document, layout: prepared.layoutFile, offered: offered)
        }
        pdf = bytes
      case .ofd: pdf = try OFDRenderer.render(prepared)
      default: pdf = try PDFRenderer.render(prepared)
      }
      try archive.addEntry(
        with: name.name, type: .file, uncompressedSize: Int64(pdf.count), compressionMethod: .deflate
      ) { position, size in
        pdf.withUnsafeBytes { Data($0[Int(position)..<Int(position) + size]) }
      }
    }
  }

  func finish() throws -> [UInt8] {
    switch self {
    case .book(let book): return try book.finish()
    case .zip(let archive, _, _): return [UInt8](archive.data ?? Data())
    }
  }
}

extension OutputFormat {
  /// The extension of each document's file inside a batch's ZIP.
  var batchItemExtension: String {
    switch self {
    case .xlsx: "xlsx"
    case .ofd: "ofd"
    default: "pdf"
    }
  }
}
