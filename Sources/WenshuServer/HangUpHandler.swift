import Foundation
import NIOCore
import NIOHTTPTypes

/// Notices a client hanging up while its request is rendered, and stops that render: its
/// worker is free again within a row, instead of finishing a PDF nobody will read.
/// Hummingbird neither cancels a handler when its connection closes nor reads from the
/// socket while the handler runs (so the close would go unseen): while a request is
/// watched, this handler asks for a read every `interval`, and a hang-up then closes the
/// channel. Anything the client sends meanwhile (a pipelined request) is passed on as ever.
/// One per connection.
final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart

  static let interval = TimeAmount.milliseconds(100)

  private let lock = NSLock()
  private var current: StopSignal?
  private var closed = false
  /// Touched only on the channel's event loop.
  private var context: ChannelHandlerContext?

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }
  func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

  /// The request being served on this connection now (`nil` when it is answered).
  func watch(_ stop: StopSignal?, on loop: EventLoop) {
    lock.lock()
    if closed {
      lock.unlock()
      stop?.stop()
      return
    }
    current = stop
    lock.unlock()
    if let stop { loop.execute { self.poll(stop) } }
  }

  /// On the event loop: one read, then again after `interval`, while `stop` is watched.
  private func poll(_ stop: StopSignal) {
    lock.lock()
    let watched = current === stop && !closed
    lock.unlock()
    guard watched, let context else { return }
    context.read()
    context.eventLoop.scheduleTask(in: Self.interval) { self.poll(stop) }
  }

  func channelInactive(context: ChannelHandlerContext) {
    hungUp()
    context.fireChannelInactive()
  }

  /// The server allows half-closed connections, so a hang-up first arrives as the input
  /// closing. (An HTTP/1.1 client does not close its side while it waits for its answer.)
  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case ChannelEvent.inputClosed = event as? ChannelEvent ?? .outputClosed { hungUp() }
    context.fireUserInboundEventTriggered(event)
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
