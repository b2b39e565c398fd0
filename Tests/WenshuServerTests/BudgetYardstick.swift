import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer

/// A request run past its time budget must let go of its worker soon after its 503, not when
/// the work would have ended. How long the whole work takes is measured first, on this
/// machine as loaded as it is now (CI shares its cores): that is the yardstick, and the
/// worker must be free within a quarter of it. No wall-clock cap of its own.
struct BudgetYardstick {
  let uri: String
  let headers: HTTPFields
  let body: ByteBuffer
  var configuration = ServerConfiguration(workers: 1)

  /// Runs the request without a budget (`whole` checks its answer), then with `budget`
  /// (`budgeted` checks the 503), and expects the worker freed in time.
  func expectWorkerFreed(
    budget: Duration, whole checkWhole: @escaping @Sendable (TestResponse) -> Void = { _ in },
    budgeted checkBudgeted: @escaping @Sendable (TestResponse) -> Void = { _ in },
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    // The whole work gets a budget far beyond it (a hang guard): on a loaded machine the
    // default budget could stop the yardstick itself.
    var unbudgeted = configuration
    unbudgeted.renderTimeout = .seconds(600)
    let started = ContinuousClock.now
    try await ServerFixtures.app(unbudgeted).test(.router) { client in
      try await client.execute(uri: uri, method: .post, headers: headers, body: body) {
        #expect($0.status != .serviceUnavailable, sourceLocation: sourceLocation)
        checkWhole($0)
      }
    }
    let whole = ContinuousClock.now - started
    var budgeted = configuration
    budgeted.renderTimeout = budget
    try await ServerFixtures.app(budgeted).test(.router) { client in
      try await client.execute(uri: uri, method: .post, headers: headers, body: body) {
        #expect($0.status == .serviceUnavailable, sourceLocation: sourceLocation)
        checkBudgeted($0)
      }
      let answered = ContinuousClock.now
      var freed: Duration?
      while ContinuousClock.now - answered < whole {
        let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
        if metrics.contains("wenshu_renders_in_flight 0") { freed = ContinuousClock.now - answered; break }
        try await Task.sleep(for: .milliseconds(20))
      }
      #expect(
        freed != nil && freed! < whole / 4,
        "worker freed \(freed.map { "\($0)" } ?? "never") after the 503; the whole work takes \(whole)",
        sourceLocation: sourceLocation)
    }
  }
}
