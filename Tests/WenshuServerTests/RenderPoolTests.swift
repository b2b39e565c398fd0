import Foundation
import Testing

@testable import WenshuServer

@Suite("Render pool")
struct RenderPoolTests {
  @Test("a request stopped while it waits leaves the queue at once, freeing its place")
  func stoppedWaiterLeaves() async throws {
    let pool = try RenderPool(home: ServerFixtures.home, workers: 1, queueLimit: 1, metrics: ServiceMetrics())
    let release = StopSignal()  // ends the first render
    let first = Task { try await pool.run(stop: StopSignal()) { _ in while !release.isStopped { usleep(5_000) } } }
    while await pool.waiting == 0, await pool.idleCount > 0 { try await Task.sleep(for: .milliseconds(5)) }
    let stop = StopSignal()
    let waiter = Task { try await pool.run(stop: stop) { _ in 1 } }
    while await pool.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
    stop.stop()
    let stopped = ContinuousClock.now
    while await pool.waiting > 0, ContinuousClock.now - stopped < .seconds(2) {
      try await Task.sleep(for: .milliseconds(5))
    }
    guard await pool.waiting == 0 else {
      Issue.record("the stopped request still held its place in the queue 2 s later")
      release.stop()
      _ = try? await waiter.value
      return
    }
    await #expect(throws: RenderPool.LeftQueue.self) { try await waiter.value }
    // Its place is free: another request may wait (with the line still full it would be Busy).
    let next = Task { try await pool.run(stop: StopSignal()) { _ in 2 } }
    while await pool.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
    release.stop()
    try await first.value
    #expect(try await next.value == 2)
  }
}
