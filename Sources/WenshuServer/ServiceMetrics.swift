import Prometheus

/// What `/metrics` shows, in Prometheus text: requests by document and status, render
/// durations, pages rendered, renders in flight and queued.
public final class ServiceMetrics: Sendable {
  public let registry = PrometheusCollectorRegistry()
  let inFlight: Gauge
  let queued: Gauge
  let pages: Counter
  let renderDuration: DurationHistogram

  public init() {
    inFlight = registry.makeGauge(name: "wenshu_renders_in_flight", help: "Renders running now")
    queued = registry.makeGauge(name: "wenshu_renders_queued", help: "Renders waiting for a worker")
    pages = registry.makeCounter(name: "wenshu_pages_rendered_total", help: "Pages rendered")
    renderDuration = registry.makeDurationHistogram(
      name: "wenshu_render_duration_seconds",
      buckets: [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
      ],
      help: "Time to lay out and render one request")
  }

  func request(document: String, status: Int) {
    registry.makeCounter(
      name: "wenshu_requests_total", labels: [("document", document), ("status", String(status))],
      help: "Render requests by document and status"
    ).increment()
  }

  public func text() -> String {
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }
}
