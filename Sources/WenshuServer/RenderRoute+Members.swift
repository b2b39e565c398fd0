import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WenshuDocuments
import WenshuLayout
import WenshuSheets
import WenshuWorkbook

extension RenderRoute {
  /// `POST /v1/documents/{document}` and `…/validate` as `multipart/form-data`: a `data` part
  /// with the JSON and a `members` part with the member list as .xlsx or CSV (what a web form
  /// uploading the unit's spreadsheet sends). The list replaces the data's `members`; every
  /// problem is answered at its cell (`Sheet1!C12`), the sheet's own with the render's. When
  /// rows fail and the client accepts a workbook (or CSV), the answer is 422 with the failed
  /// rows (`FailedRows`) instead of problem+json (render) or the validation report (validate).
  func renderWithMembers(
    document: String, body: [UInt8], boundary: String, format: OutputFormat, validateOnly: Bool, accept: String,
    scope: OfficeScope?, context: ServiceContext
  ) async throws -> Response {
    let form: MultipartForm
    do { form = try MultipartForm(body, boundary: boundary) } catch {
      throw Problem(status: .badRequest, title: "Malformed multipart body", detail: "the form data has \(error.reason)")
    }
    guard let data = form["data"], let members = form["members"] else {
      throw Problem(
        status: .badRequest, title: "Missing form part",
        detail: "send a 'data' part with the JSON and a 'members' part with the .xlsx or .csv member list")
    }
    let json = Array(data.bytes)
    let sheetBytes = Array(members.bytes)
    let sheetName = members.fileName ?? "members"
    let inflatedLimit = Self.sheetLimit(configuration)
    let handBack = FailedRowsAnswer.wanted(accept: accept)
    let outcome: MemberOutcome = try await onWorker(context) { renderer, cancellation in
      let parsed: DataValue
      do { parsed = try renderer.parse(document: document, json: json, cancellation: cancellation) } catch let failure
        as RenderFailure
      {
        throw Problem.from(failure)
      }
      let sheet: Sheet
      let imported: MemberImport
      do {
        sheet = try SheetReader.read(
          sheetBytes, fileName: sheetName, inflatedLimit: inflatedLimit, cancellation: cancellation)
        imported = try MemberImport(
          data: parsed, sheet: sheet, catalog: renderer.catalog, document: document, cancellation: cancellation)
      } catch let error as SheetError {
        if error.isStopped { throw Problem.from(RenderFailure.cancelled) }
        throw Problem.from(ProblemList([DataProblem(path: "members", message: error.message)]))
      } catch let problem as DataProblem {
        throw Problem.from(ProblemList([problem]))
      }
      let list = imported.sheet
      /// Every problem, at its cell: the whole list goes into the failed rows, not the first 100.
      func failed(_ problems: [DataProblem]) throws -> MemberOutcome {
        // Without a spreadsheet in Accept, problem+json: a form that fails on its list is a
        // refused request, for …/validate too (its JSON body answers 200 with a report).
        guard let handBack else { throw Problem.from(ProblemList(problems)) }
        let fields = MemberImport.memberFields(data: parsed, catalog: renderer.catalog, document: document)
        let rows = FailedRows(sheet: sheet, list: list, fields: fields, problems: problems)
        return .failedRows(try handBack.body(rows), handBack, sheetName)
      }
      do {
        guard list.problems.isEmpty, !validateOnly else {
          do {
            let prepared = try renderer.prepare(
              document: document, data: imported.data, cancellation: cancellation, scope: scope)
            guard list.problems.isEmpty else { return try failed(list.problems) }
            return .report(
              ValidationReport(
                problems: ProblemList(), warnings: ProblemList(list.warnings + list.locate(prepared.warnings)),
                pages: prepared.pageCount))
          } catch RenderFailure.data(let found) {
            return try failed(list.problems + list.locate(found))
          }
        }
        let merged = Array(JSONWriter.write(imported.data, pretty: false).utf8)
        var file = try renderer.renderFile(
          document: document, json: merged, format: format, cancellation: cancellation, scope: scope)
        file.warnings = ProblemList(list.warnings + list.locate(file.warnings.first))
        return .file(file)
      } catch let failure as OutputFailure {
        guard case .render(.data(let problems)) = failure else { throw Problem.from(failure) }
        return try failed(list.locate(problems))
      } catch let failure as RenderFailure {
        throw Problem.from(failure)
      }
    }
    switch outcome {
    case .file(let file):
      metrics.pages.increment(by: Int64(file.pages))
      RenderRecordLog.write(file, document: document, key: context.apiKey, logger: context.logger)
      return Self.response(file, inline: format.isPreview, accept: accept)
    case .report(let report): return ValidationAnswer.response(report)
    case .failedRows(let bytes, let kind, let name): return kind.response(bytes, listName: name)
    }
  }
}

extension RenderRoute {
  /// How far a member workbook may inflate: its XML is wordier than the JSON it stands for, so
  /// twice the body limit, at most the reader's own limit.
  static func sheetLimit(_ configuration: ServerConfiguration) -> Int {
    min(XLSXReader.inflatedLimit, 2 * configuration.bodyLimit)
  }
}

/// What a request with a member list ends in.
enum MemberOutcome: Sendable {
  case file(RenderedFile)
  case report(ValidationReport)
  case failedRows([UInt8], FailedRowsAnswer, String)
}

/// The failed rows as the client asked for them in `Accept`: the workbook, or CSV for a CSV list.
enum FailedRowsAnswer: Sendable {
  case workbook, csv

  static let csvType = "text/csv"

  /// nil when the client did not ask for either (it gets problem+json or the report).
  static func wanted(accept: String) -> FailedRowsAnswer? {
    let types = accept.lowercased().split(separator: ",").map {
      $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
    if types.contains(WorkbookXLSX.contentType) { return .workbook }
    if types.contains(csvType) { return .csv }
    return nil
  }

  func body(_ rows: FailedRows) throws -> [UInt8] {
    switch self {
    case .workbook: try rows.workbook()
    case .csv: rows.csv()
    }
  }

  /// 422 with the file, named after the list (`失败人员-名单.xlsx`), never cached.
  func response(_ bytes: [UInt8], listName: String) -> Response {
    let stem = (listName as NSString).deletingPathExtension
    var headers = HTTPFields()
    headers[.contentType] = self == .workbook ? WorkbookXLSX.contentType : Self.csvType + "; charset=utf-8"
    headers[.contentDisposition] = contentDisposition(
      FileName(document: "failed-rows", name: "失败人员-" + stem, extension: self == .workbook ? "xlsx" : "csv"))
    headers[.cacheControl] = "no-store"
    return Response(status: .unprocessableContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
