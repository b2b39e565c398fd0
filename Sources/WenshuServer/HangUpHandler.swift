import Foundation
import NIOCore
import NIOHTTPTypes

/// Notices a client hanging up while its request is rendered, and stops that render: its
/// worker is free again within a row, instead of finishing a PDF nobody will read.
/// Hummingbird does not cancel a handler when its connection closes, and it allows
/// half-closed connections, so a hang-up arrives here first as the input closing (an
/// HTTP/1.1 client does not close its side while it waits for its answer). One per connection.
// Sendable: the route's task calls `watch` while the channel's event loop calls the inbound
// methods; `current` and `closed` are touched only under `lock`.
final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart

  private let lock = NSLock()
  private var current: StopSignal?
  private var closed = false

  /// The request being served on this connection now (`nil` when it is answered).
  func watch(_ stop: StopSignal?) {
    lock.lock()
    if closed {
      lock.unlock()
      stop?.stop()
      return
    }
    current = stop
    lock.unlock()
  }

  func channelInactive(context: ChannelHandlerContext) {
    hungUp()
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case ChannelEvent.inputClosed? = event as? ChannelEvent { hungUp() }
    context.fireUserInboundEventTriggered(event)
  }

  /// Whether the client of `context`'s connection has hung up.
  static func hungUp(_ context: ServiceContext) async -> Bool {
    let handler = try? await context.channel.pipeline.handler(type: HangUpHandler.self).get()
    return handler?.isClosed ?? false
  }

  var isClosed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return closed
  }

  private func hungUp() {
    lock.lock()
    closed = true
    let stop = current
    current = nil
    lock.unlock()
    stop?.stop()
  }
}
