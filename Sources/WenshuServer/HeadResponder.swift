import HTTPTypes
import Hummingbird

/// Every GET route answers HEAD (RFC 9110 §9.3.2): the request is served as a GET and sent
/// back with the same headers and no body. Wraps the router, which matches HEAD to nothing.
struct HeadResponder<Router: HTTPResponder>: HTTPResponder {
  let router: Router

  func respond(to request: Request, context: Router.Context) async throws -> Response {
    guard request.method == .head else { return try await router.respond(to: request, context: context) }
    var head = request.head
    head.method = .get
    var response = try await router.respond(to: Request(head: head, body: request.body), context: context)
    response.body = .init()
    return response
  }
}
