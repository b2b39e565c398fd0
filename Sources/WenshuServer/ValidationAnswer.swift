import Hummingbird
import NIOCore
import WenshuDocuments

/// The answer of `POST /v1/documents/{document}/validate`: 200 whether or not the data is
/// valid (checking it worked); `valid`, the problems and the warnings, each the first
/// `ProblemList.limit` with its path and 1-based item and row (序号), and the totals.
enum ValidationAnswer {
  struct Body: Codable {
    var valid: Bool
    var pages: Int
    var problems: [ProblemItem]
    var problemCount: Int
    var warnings: [ProblemItem]
    var warningCount: Int
  }

  static func response(_ report: ValidationReport) -> Response {
    let body = Body(
      valid: report.isValid, pages: report.pages, problems: report.problems.first.map(ProblemItem.init),
      problemCount: report.problems.total, warnings: report.warnings.first.map(ProblemItem.init),
      warningCount: report.warnings.total)
    return Response(
      status: .ok,
      headers: [
        .contentType: "application/json", .cacheControl: "no-store", .wenshuWarnings: String(report.warnings.total),
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: encodeJSON(body))))
  }
}
