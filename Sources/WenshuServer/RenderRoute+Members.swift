import Foundation
import HTTPTypes
import Hummingbird
import WenshuDocuments
import WenshuLayout
import WenshuSheets

extension RenderRoute {
  /// `POST /v1/documents/{document}` as `multipart/form-data`: a `data` part with the JSON
  /// and a `members` part with the member list as .xlsx or CSV (what a web form uploading
  /// the unit's spreadsheet sends). The list replaces the data's `members`; every problem is
  /// answered at its cell (`Sheet1!C12`), the sheet's own with the render's.
  func renderWithMembers(
    document: String, body: [UInt8], boundary: String, format: OutputFormat, scope: OfficeScope?,
    context: ServiceContext
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
    let file = try await onWorker(context) { renderer, cancellation in
      let parsed: DataValue
      do { parsed = try renderer.parse(document: document, json: json) } catch let failure as RenderFailure {
        throw Problem.from(failure)
      }
      let imported: MemberImport
      do {
        imported = try MemberImport(
          data: parsed, sheet: try SheetReader.read(sheetBytes, fileName: sheetName), catalog: renderer.catalog,
          document: document)
      } catch let error as SheetError {
        throw Problem.from(ProblemList([DataProblem(path: "members", message: error.message)]))
      } catch let problem as DataProblem {
        throw Problem.from(ProblemList([problem]))
      }
      let list = imported.sheet
      let merged = Array(JSONWriter.write(imported.data, pretty: false).utf8)
      do {
        guard list.problems.isEmpty else {
          let report = try renderer.validate(
            document: document, json: merged, cancellation: cancellation, scope: scope)
          throw Problem.from(ProblemList(list.problems + list.locate(report.problems.first)))
        }
        var file = try renderer.renderFile(
          document: document, json: merged, format: format, cancellation: cancellation, scope: scope)
        file.warnings = ProblemList(list.warnings + list.locate(file.warnings.first))
        return file
      } catch let failure as OutputFailure {
        guard case .render(.data(let problems)) = failure else { throw Problem.from(failure) }
        throw Problem.from(ProblemList(list.locate(problems)))
      } catch let failure as RenderFailure {
        throw Problem.from(failure)
      }
    }
    metrics.pages.increment(by: Int64(file.pages))
    RenderRecordLog.write(file, document: document, key: context.apiKey, logger: context.logger)
    return Self.response(file, inline: format != .pdf)
  }
}
