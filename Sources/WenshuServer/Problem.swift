import Foundation
import HTTPTypes
import Hummingbird
import WenshuDocuments
import WenshuLayout

/// An error response as RFC 9457 `application/problem+json`, listing the problems with their
/// JSON paths (the first `ProblemList.limit`, and how many in all). Bad input is always a 4xx
/// with this body, never a 500. Thrown from a route, Hummingbird answers with `response()`.
struct Problem: HTTPResponseError {
  var status: HTTPResponse.Status
  var title: String
  var detail: String
  var problems = ProblemList()
  var retryAfter: Int? = nil
  /// The problem type's last part when the status alone does not say what happened (`busy`,
  /// `time-budget`: a client retries the one, not the other); else the status code.
  var kind: String? = nil
  /// Further headers the answer needs (`Allow` on a 405, `WWW-Authenticate` on a 401).
  var headers: HTTPFields = [:]

  func response(from request: Request, context: some RequestContext) throws -> Response { response() }

  func response() -> Response {
    let body = ProblemBody(
      type: "urn:wenshu:problem:\(kind ?? String(status.code))", title: title, status: Int(status.code), detail: detail,
      problems: problems.isEmpty ? nil : problems.first.map(ProblemItem.init),
      problemCount: problems.isEmpty ? nil : problems.total)
    var headers = self.headers
    headers[.contentType] = "application/problem+json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    if let retryAfter { headers[.retryAfter] = String(retryAfter) }
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encodeJSON(body))))
  }

  static func from(_ failure: RenderFailure) -> Problem {
    switch failure {
    case .malformed(let m): Problem(status: .badRequest, title: "Malformed JSON", detail: m)
    case .unknownDocument(let d, let known):
      Problem(
        status: .notFound, title: "Unknown document",
        detail: "unknown document '\(d)' (documents: \(known.joined(separator: ", ")))")
    case .data(let list): from(ProblemList(list))
    case .layout(let e): Problem(status: .internalServerError, title: "Broken layout", detail: e.description)
    case .output(let m): Problem(status: .internalServerError, title: "Output failed", detail: m)
    case .forbidden(let problem):
      Problem(
        status: .forbidden, title: "Outside the API key's scope", detail: problem.message,
        problems: ProblemList([problem]))
    case .cancelled: timeBudget("the render exceeded its time budget")
    }
  }

  /// A render stopped by its time budget: no Retry-After, since the same data would take as
  /// long again (a load balancer must not retry it on every replica).
  static func timeBudget(_ detail: String) -> Problem {
    Problem(status: .serviceUnavailable, title: "Render took too long", detail: detail, kind: "time-budget")
  }

  /// No worker for this request: 429 when the queue is full, 503 when it waited past its
  /// budget; either is worth retrying, here or on another replica.
  static func busy(queueFull: Bool, detail: String) -> Problem {
    Problem(
      status: queueFull ? .tooManyRequests : .serviceUnavailable, title: "Busy", detail: detail,
      retryAfter: queueFull ? 1 : 5, kind: "busy")
  }

  static func from(_ problems: ProblemList) -> Problem {
    let shown = problems.total > problems.first.count ? "; the first \(problems.first.count) are listed" : ""
    return Problem(
      status: .unprocessableContent, title: "The data has problems",
      detail: "\(problems.total) problem(s)\(shown); see problems",
      problems: problems)
  }

  static func from(_ failure: OutputFailure) -> Problem {
    switch failure {
    case .render(let f): from(f)
    case .data(let list): from(list)
    case .noSuchPage(let page, let pages):
      Problem(
        status: .badRequest, title: "No such page",
        detail: "page \(page) was asked for; the document has \(pages) page(s)")
    case .notABatch(let why): Problem(status: .unprocessableContent, title: "Not a batch", detail: why)
    }
  }
}

struct ProblemBody: Codable {
  var type: String
  var title: String
  var status: Int
  var detail: String
  var problems: [ProblemItem]?
  /// How many problems there were, when more than the list shows.
  var problemCount: Int?
}

/// One problem: its JSON path, and where a clerk finds it — the batch item and the table row
/// (序号), both counted from 1.
struct ProblemItem: Codable, Equatable {
  var path: String
  var message: String
  var item: Int?
  var row: Int?

  init(_ problem: DataProblem) {
    path = problem.path
    message = problem.message
    var rest = Substring(problem.path)
    if rest.hasPrefix("["), let end = rest.firstIndex(of: "]"),
      let n = Int(rest[rest.index(after: rest.startIndex)..<end])
    {
      item = n + 1
      rest = rest[rest.index(after: end)...]
    }
    if let open = rest.firstIndex(of: "["), let end = rest[open...].firstIndex(of: "]"),
      let n = Int(rest[rest.index(after: open)..<end])
    {
      row = n + 1
    }
  }
}

/// JSON through `Codable`, with `/` left as it is and keys in a stable order.
func encodeJSON(_ value: some Encodable) -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
  return (try? [UInt8](encoder.encode(value))) ?? Array("{}".utf8)
}

/// A string as a JSON string literal (quoted, escaped), for log fields a client controls.
func json(_ s: String) -> String { JSONText.quote(s) }
