import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as a request's head arrives —
/// if the request will be read: its API key is right (when keys are set) and its declared
/// `Content-Length` within the limit. Otherwise the client hears only the final 401 or 413
/// and never sends the body. curl sends that header with any body over 1 MB and then waits a
/// second for the answer; Hummingbird does not answer it. Sits between the HTTP codec and
/// Hummingbird's handlers, so the final response is still the application's.
final class ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundOut = HTTPResponsePart

  let keys: APIKeys
  let bodyLimit: Int

  init(keys: APIKeys, bodyLimit: Int) {
    self.keys = keys
    self.bodyLimit = bodyLimit
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .head(let request) = unwrapInboundIn(data),
      request.headerFields[.expect]?.lowercased() == "100-continue",
      keys.isEmpty || keys.accept(request.headerFields),
      RequestBody.declaredLength(request.headerFields).map({ $0 <= bodyLimit }) ?? true
    {
      context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
    }
    context.fireChannelRead(data)
  }
}
