import Hummingbird
import NIOCore

/// The request context: Hummingbird's, plus the connection, so a render can stop when its
/// client hangs up (Hummingbird does not cancel a handler when the connection closes).
struct ServiceContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  let channel: any Channel
  /// The API key the request presented (set by `APIKeyMiddleware`; nil when keys are off).
  var apiKey: APIKey?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }
}
