import HTTPTypes
import Hummingbird

/// A path that exists under another method is 405 with `Allow` (RFC 9110 §15.5.6), not 404.
/// (HEAD is answered by `HeadResponder`.)
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The routes, as `WenshuService.routes` lists them (`{name}` matches one segment).
  let routes: [(method: String, path: String)]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      let allowed = allowedMethods(request.uri.path)
      guard !allowed.isEmpty else { throw error }
      throw Problem(
        status: .methodNotAllowed, title: "Method not allowed",
        detail: "\(request.method.rawValue) is not offered on this path; use \(allowed.joined(separator: ", "))",
        headers: [.allow: allowed.joined(separator: ", ")])
    }
  }

  func allowedMethods(_ path: String) -> [String] {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true)
    var methods: [String] = []
    for route in routes {
      let template = route.path.split(separator: "/", omittingEmptySubsequences: true)
      guard template.count == segments.count,
        zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
      else { continue }
      methods.append(route.method)
      if route.method == "GET" { methods.append("HEAD") }
    }
    return methods
  }
}
