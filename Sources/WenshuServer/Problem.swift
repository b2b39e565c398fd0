import Foundation
import HTTPTypes
import Hummingbird
import WenshuLayout

/// An error response as RFC 9457 `application/problem+json`, listing every problem with
/// its JSON path. Bad input is always a 4xx with this body, never a 500.
struct Problem: Error {
  var status: HTTPResponse.Status
  var title: String
  var detail: String
  var problems: [DataProblem] = []
  var retryAfter: Int? = nil

  func response() -> Response {
    var fields: [String] = [
      "\"type\":\(json("urn:wenshu:problem:\(status.code)"))", "\"title\":\(json(title))",
      "\"status\":\(status.code)", "\"detail\":\(json(detail))",
    ]
    if !problems.isEmpty {
      let list = problems.map { "{\"path\":\(json($0.path)),\"message\":\(json($0.message))}" }
      fields.append("\"problems\":[\(list.joined(separator: ","))]")
    }
    var headers = HTTPFields()
    headers[.contentType] = "application/problem+json; charset=utf-8"
    if let retryAfter { headers[.retryAfter] = String(retryAfter) }
    let body = "{" + fields.joined(separator: ",") + "}"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
  }

  static func from(_ failure: RenderFailure) -> Problem {
    switch failure {
    case .malformed(let m): Problem(status: .badRequest, title: "Malformed JSON", detail: m)
    case .unknownDocument(let d, let known):
      Problem(status: .notFound, title: "Unknown document", detail: "unknown document '\(d)' (documents: \(known.joined(separator: ", ")))")
    case .data(let problems):
      Problem(status: .unprocessableContent, title: "The data has problems", detail: "\(problems.count) problem(s); see problems", problems: problems)
    case .layout(let e): Problem(status: .internalServerError, title: "Broken layout", detail: e.description)
    case .output(let m): Problem(status: .internalServerError, title: "Output failed", detail: m)
    case .cancelled: Problem(status: .serviceUnavailable, title: "Render took too long", detail: "the render exceeded its time budget", retryAfter: 5)
    }
  }
}

func json(_ s: String) -> String { JSONText.quote(s) }

/// `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987).
func contentDisposition(filename: String, extension ext: String) -> String {
  let full = filename + "." + ext
  let ascii = String(full.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
  let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
  let encoded = full.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
  return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
}
