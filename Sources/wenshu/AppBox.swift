import Hummingbird

/// Erases the application's concrete type so `serve` can build it in a `do` block.
protocol ApplicationProtocolBox { func run() async throws }

struct AppBox<App: ApplicationProtocol>: ApplicationProtocolBox {
  let app: App
  init(_ app: App) { self.app = app }
  /// Runs until SIGTERM or SIGINT, then shuts down gracefully.
  func run() async throws { try await app.runService() }
}
