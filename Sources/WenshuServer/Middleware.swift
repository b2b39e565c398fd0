import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request: id, trace, method, path, status, pages and duration.
/// Never the body, so never a member's name or ID number. What the client sent (the request
/// id, the path) is logged quoted, so it cannot forge a field or a line.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let started = ContinuousClock.now
    let id = RequestID.accept(request.headers[.requestID]) ?? UUID().uuidString.lowercased()
    var response: Response
    do { response = try await next(request, context) } catch let error as HTTPError {
      response = Problem(
        status: error.status, title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase
      ).response()
    } catch let problem as Problem {
      response = problem.response()
    }
    response.headers[.requestID] = id
    let elapsed = ContinuousClock.now - started
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    var metadata: Logger.Metadata = [
      "request_id": .string(json(id)), "method": .string(request.method.rawValue),
      "path": .string(json(request.uri.path)),
      "status": .stringConvertible(response.status.code),
      "pages": .string(response.headers[.wenshuPages] ?? "0"),
      "duration_ms": .string(String(format: "%.1f", ms)),
    ]
    if let trace = TraceParent(request.headers[.traceparent]) {
      metadata["trace_id"] = .string(trace.traceID)
      metadata["parent_id"] = .string(trace.parentID)
    }
    context.logger.info("request", metadata: metadata)
    return response
  }
}

/// `X-Request-Id` as a client may set it: 1 to 128 of `A-Z a-z 0-9 . _ : -`. Anything else
/// is replaced by a fresh id (the response says which).
enum RequestID {
  static func accept(_ value: String?) -> String? {
    guard let value, (1...128).contains(value.utf8.count),
      value.utf8.allSatisfy({ $0 < 0x80 && (isalnum(Int32($0)) != 0 || ".-_:".utf8.contains($0)) })
    else { return nil }
    return value
  }
}

/// A W3C `traceparent` (`00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`), logged
/// so a request can be followed across services; a malformed one is ignored, as the
/// Trace Context recommendation says.
struct TraceParent {
  let traceID: String
  let parentID: String

  init?(_ value: String?) {
    guard let value else { return nil }
    let parts = value.lowercased().split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 4, parts[0].count == 2, parts[0] != "ff", parts[1].count == 32, parts[2].count == 16,
      parts[3].count == 2,
      parts[0] != "00" || parts.count == 4,
      parts.prefix(4).allSatisfy({ $0.allSatisfy(\.isHexDigit) }),
      parts[1].contains(where: { $0 != "0" }), parts[2].contains(where: { $0 != "0" })
    else { return nil }
    traceID = String(parts[1])
    parentID = String(parts[2])
  }
}

extension HTTPField.Name {
  static let requestID = HTTPField.Name("X-Request-Id")!
  static let traceparent = HTTPField.Name("traceparent")!
}
