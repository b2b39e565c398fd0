import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as a request's head arrives —
/// if the request will be read: its `Host` is one the server answers to, its API key is
/// right (when keys are set) and may print the document the path names, its declared
/// `Content-Length` within the limit, it is a POST to a known document, its content type and
/// coding are ones a render reads, and a place is free for it. Otherwise the client hears
/// only the final 403, 401, 404, 413, 415 or 429 and never sends the body. curl sends that
/// header with any body over 1 MB and then waits a second for the answer; Hummingbird does
/// not answer it. Sits between the HTTP codec and Hummingbird's handlers, so the final
/// response is still the application's: this handler only decides whether to say "go on".
final class ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundOut = HTTPResponsePart

  let hosts: AllowedHosts
  let keys: APIKeys
  let bodyLimit: Int
  let documents: Set<String>
  let admission: Admission

  init(hosts: AllowedHosts, keys: APIKeys, bodyLimit: Int, documents: Set<String>, admission: Admission) {
    self.hosts = hosts
    self.keys = keys
    self.bodyLimit = bodyLimit
    self.documents = documents
    self.admission = admission
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .head(let request) = unwrapInboundIn(data),
      request.headerFields[.expect]?.lowercased() == "100-continue",
      willRead(request)
    {
      context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
    }
    context.fireChannelRead(data)
  }

  /// Whether the routes will read this request's body, in the order they check it. A full
  /// server is only a glance: a place freed or taken meanwhile is decided by the route.
  func willRead(_ request: HTTPRequest) -> Bool {
    guard hosts.admits(authority: request.headerFields[.host] ?? request.authority),
      let document = renderedDocument(request), documents.contains(document)
    else { return false }
    if !keys.isEmpty {
      guard let key = keys.key(for: request.headerFields), key.documents?.contains(document) ?? true
      else { return false }
    }
    return (RequestBody.declaredLength(request.headerFields).map { $0 <= bodyLimit } ?? true) && admission.hasRoom
  }

  /// The document of a POST to `/v1/documents/{document}` (or its `/batch`, `/validate`) in
  /// JSON, or as a form for the document itself, with no content coding but gzip.
  func renderedDocument(_ request: HTTPRequest) -> String? {
    guard request.method == .post, let path = request.path?.split(separator: "?").first else { return nil }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 4 || parts.count == 5, parts[0].isEmpty, parts[1] == "v1", parts[2] == "documents",
      parts.count == 4 || ["batch", "validate"].contains(parts[4])
    else { return nil }
    let type = (request.headerFields[.contentType] ?? "").lowercased()
    let coding = (request.headerFields[.contentEncoding] ?? "identity").lowercased()
      .trimmingCharacters(in: .whitespaces)
    guard type.hasPrefix("application/json") || (parts.count == 4 && type.hasPrefix("multipart/form-data")),
      ["identity", "gzip", "x-gzip"].contains(coding)
    else { return nil }
    return String(parts[3])
  }
}
