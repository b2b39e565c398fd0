import WenshuDocuments
import WenshuLayout
import WenshuSheets

/// An item that came with a member spreadsheet (`JobForm`), printed as the render route's form
/// is: the sheet read (a workbook inflating at most to the limit, counted as it inflates), its
/// list filling the data's, and every problem shown both in the job (`items[2].members[9].idNumber`)
/// and at the cell the clerk fixes (`sheet`: `Sheet1!C12`).
struct MemberItemPrint {
  let renderer: DocumentRenderer
  let item: ClaimedItem
  let sheet: JobSheet
  /// How far a workbook may inflate.
  let inflatedLimit: Int
  let cancellation: RenderCancellation
  let scope: OfficeScope?
  let signed: Bool

  /// The item's file; throws `ItemFailure` (or the render's own failure).
  func run() throws -> RenderedFile {
    let document = item.document
    let parsed = try renderer.parse(document: document, json: item.data, cancellation: cancellation)
    let imported = try importList(into: parsed)
    let list = imported.sheet
    let data = imported.data
    let own = list.problems.map { problem(list.listPath, $0.message, sheet: $0.path) }
    guard own.isEmpty else {
      // The rest of the data is checked too, so the status lists every problem at once.
      throw ItemFailure.problems(own + (try dataProblems(data).map { located($0, in: list) } ?? []))
    }
    let merged = Array(JSONWriter.write(data, pretty: false).utf8)
    do {
      return try renderer.renderFile(
        document: document, json: merged, format: .pdf, cancellation: cancellation, scope: scope, signed: signed)
    } catch {
      // (Caught whole, then matched: a typed `catch` pattern here crashes Swift 6.3's SILGen.)
      throw placed(error, list: list)
    }
  }

  /// A render's data problems placed in the job and the sheet; any other failure as it is.
  func placed(_ failure: OutputFailure, list: MemberSheet) -> any Error {
    switch failure {
    case .render(.data(let found)): ItemFailure.problems(located(found, in: list))
    default: failure
    }
  }

  /// The data with its list filled from the sheet; a sheet that cannot be read fails the item.
  func importList(into parsed: DataValue) throws -> MemberImport {
    let failure: ItemFailure
    do {
      let read = try SheetReader.read(
        sheet.bytes, fileName: sheet.name, inflatedLimit: inflatedLimit, cancellation: cancellation)
      return try MemberImport(
        data: parsed, sheet: read, catalog: renderer.catalog, document: item.document, cancellation: cancellation)
    } catch let error as SheetError {
      guard !error.isStopped else { throw RenderFailure.cancelled }
      failure = .problems([problem("", error.message, sheet: sheet.name)])
    } catch let found as DataProblem {
      failure = .problems([problem(found.path, found.message, sheet: sheet.name)])
    }
    throw failure
  }

  /// The data's problems once its list is filled, nil when there are none.
  func dataProblems(_ data: DataValue) throws -> [DataProblem]? {
    do {
      _ = try renderer.prepare(document: item.document, data: data, cancellation: cancellation, scope: scope)
      return nil
    } catch {
      switch error {
      case .data(let found): return found
      default: throw error
      }
    }
  }

  /// The renderer's problems with their paths into the job, and those of the list at their cells.
  func located(_ found: [DataProblem], in list: MemberSheet) -> [JobProblem] {
    found.compactMap { raw in
      guard let place = list.locate(raw) else { return nil }
      return problem(raw.path, place.message, sheet: place.path == raw.path ? nil : place.path)
    }
  }

  func problem(_ inner: String, _ message: String, sheet: String?) -> JobProblem {
    let prefix = "items[\(item.key.position)]"
    let path = inner.isEmpty || inner.hasPrefix("[") ? prefix + inner : prefix + "." + inner
    return JobProblem(path: path, message: message, item: item.key.position + 1, sheet: sheet)
  }
}

/// Why an item did not print: the render's failure, or problems already placed in the job.
enum ItemFailure: Error {
  case output(OutputFailure)
  case problems([JobProblem])
}
