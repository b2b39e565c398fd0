import HTTPTypes
import Hummingbird

/// Refuses a request whose `Host` (and, with `checkOrigin`, `Origin`) is not a name the server
/// answers to (`AllowedHosts`): 403 before anything else is read.
struct HostMiddleware: RouterMiddleware {
  typealias Context = ServiceContext
  let hosts: AllowedHosts
  /// The preview's routes are a browser's: a page of another origin is refused too.
  var checkOrigin = false

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let host = request.headers[.host] ?? request.head.authority
    guard hosts.admits(authority: host) else {
      return Problem(
        status: .forbidden, title: "Host not allowed",
        detail:
          "this server does not answer to the name \(json(host ?? "")); add it with --allowed-host (or WENSHU_ALLOWED_HOSTS)"
      ).response()
    }
    if checkOrigin, !hosts.admits(origin: request.headers[.origin]) {
      return Problem(
        status: .forbidden, title: "Origin not allowed",
        detail: "a page from \(json(request.headers[.origin] ?? "")) may not use this server"
      ).response()
    }
    return try await next(request, context)
  }
}

/// Requires an API key when keys are configured, and hands the key to the routes (which
/// check what it may print); health and readiness stay open for probes, verification for
/// anyone holding a paper (`ServiceRoute.open`). `basic`: the 401
/// asks a browser for the key as a password (the preview), else for a bearer token.
struct APIKeyMiddleware: RouterMiddleware {
  typealias Context = ServiceContext
  let keys: APIKeys
  var basic = false
  /// Whether a key must be good for every office and document (the preview shows them all).
  var unlimitedOnly = false

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let path = request.uri.path
    if keys.isEmpty || ServiceRoute.openPaths.contains(path) { return try await next(request, context) }
    guard let key = keys.key(for: request.headers) else {
      return Problem(
        status: .unauthorized, title: "Unauthorized",
        detail: "send an API key as Authorization: Bearer KEY or X-API-Key",
        headers: [.wwwAuthenticate: basic ? "Basic realm=\"Wenshu preview\", charset=\"UTF-8\"" : "Bearer"]
      ).response()
    }
    if unlimitedOnly, !key.unlimited {
      return Problem(
        status: .forbidden, title: "Outside the API key's scope",
        detail: "\(key.holder) is limited to some offices or documents; the preview needs a key for all of them"
      ).response()
    }
    var context = context
    context.apiKey = key
    return try await next(request, context)
  }
}

extension APIKeys {
  /// Refuses keys naming an office or document the catalogue does not have (a typo would
  /// otherwise lock a caller out, or seem to grant what does not exist).
  func check(offices: some Collection<String>, documents: [String]) throws(APIKeyFile.Invalid) {
    for key in keys {
      if let unknown = key.offices?.sorted().first(where: { !offices.contains($0) }) {
        throw APIKeyFile.Invalid(
          description:
            "key '\(key.id)': no office '\(unknown)' (offices: \(offices.sorted().joined(separator: ", ")))")
      }
      if let unknown = key.documents?.sorted().first(where: { !documents.contains($0) }) {
        throw APIKeyFile.Invalid(
          description: "key '\(key.id)': no document '\(unknown)' (documents: \(documents.joined(separator: ", ")))")
      }
    }
  }
}

extension HTTPField.Name {
  static let apiKey = HTTPField.Name("X-API-Key")!
  /// HTTP/1's `Host` when it was not made the authority (a request built in a test).
  static let host = HTTPField.Name("Host")!
}
