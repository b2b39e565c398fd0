import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as a request's head arrives —
/// if the request will be read: its API key is right (when keys are set), its declared
/// `Content-Length` within the limit, it is a POST to a known document, and its content type
/// and coding are ones a render reads. Otherwise the client hears only the final 401, 404,
/// 413 or 415 and never sends the body. curl sends that header with any body over 1 MB and then waits a
/// second for the answer; Hummingbird does not answer it. Sits between the HTTP codec and
/// Hummingbird's handlers, so the final response is still the application's.
final class ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundOut = HTTPResponsePart

  let keys: APIKeys
  let bodyLimit: Int
  let documents: Set<String>

  init(keys: APIKeys, bodyLimit: Int, documents: Set<String>) {
    self.keys = keys
    self.bodyLimit = bodyLimit
    self.documents = documents
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .head(let request) = unwrapInboundIn(data),
      request.headerFields[.expect]?.lowercased() == "100-continue",
      keys.isEmpty || keys.accept(request.headerFields),
      RequestBody.declaredLength(request.headerFields).map({ $0 <= bodyLimit }) ?? true,
      willRead(request)
    {
      context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
    }
    context.fireChannelRead(data)
  }

  /// A POST to `/v1/documents/{known}` (or its `/batch`, `/validate`) in JSON, or as a form
  /// for the document itself, with no content coding but gzip.
  func willRead(_ request: HTTPRequest) -> Bool {
    guard request.method == .post, let path = request.path?.split(separator: "?").first else { return false }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 4 || parts.count == 5, parts[0].isEmpty, parts[1] == "v1", parts[2] == "documents",
      documents.contains(String(parts[3])), parts.count == 4 || ["batch", "validate"].contains(parts[4])
    else { return false }
    let type = (request.headerFields[.contentType] ?? "").lowercased()
    let coding = (request.headerFields[.contentEncoding] ?? "identity").lowercased()
      .trimmingCharacters(in: .whitespaces)
    return (type.hasPrefix("application/json") || (parts.count == 4 && type.hasPrefix("multipart/form-data")))
      && ["identity", "gzip", "x-gzip"].contains(coding)
  }
}
