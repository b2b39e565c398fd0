import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request: id, method, path, status, pages and duration.
/// Never the body, so never a member's name or ID number.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let started = ContinuousClock.now
    let id = request.headers[HTTPField.Name("X-Request-Id")!] ?? UUID().uuidString.lowercased()
    var response: Response
    do { response = try await next(request, context) } catch let error as HTTPError {
      response = Problem(status: error.status, title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase).response()
    }
    response.headers[HTTPField.Name("X-Request-Id")!] = id
    let elapsed = ContinuousClock.now - started
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    context.logger.info(
      "request",
      metadata: [
        "request_id": .string(id), "method": .string(request.method.rawValue), "path": .string(request.uri.path),
        "status": .stringConvertible(response.status.code),
        "pages": .string(response.headers[HTTPField.Name("X-Wenshu-Pages")!] ?? "0"),
        "duration_ms": .string(String(format: "%.1f", ms)),
      ])
    return response
  }
}

/// Requires an API key when keys are configured; health and readiness stay open for probes.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
  let keys: [[UInt8]]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let path = request.uri.path
    if keys.isEmpty || path == "/healthz" || path == "/readyz" { return try await next(request, context) }
    var presented = request.headers[HTTPField.Name("X-API-Key")!]
    if presented == nil, let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") {
      presented = String(auth.dropFirst(7))
    }
    guard let presented, keys.contains(where: { constantTimeEqual($0, Array(presented.utf8)) }) else {
      var response = Problem(status: .unauthorized, title: "Unauthorized", detail: "send an API key as Authorization: Bearer KEY or X-API-Key").response()
      response.headers[.wwwAuthenticate] = "Bearer"
      return response
    }
    return try await next(request, context)
  }
}

/// Compares without stopping at the first difference, so timing does not reveal a key.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
  for i in 0..<max(a.count, b.count) {
    difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
  }
  return difference == 0
}
