import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Delivers completed jobs' webhooks: each delivery leased like an item, posted signed
/// (`WebhookSignature`), and on failure (no answer, or not 2xx) tried again after a back-off
/// that doubles from `firstRetry` up to an hour, `attempts` times in all. Every attempt carries
/// the same delivery id and body, so a receiver that saw it already can drop it.
struct WebhookSender: Sendable {
  let store: any JobStore
  let worker: String
  let target: WebhookTarget
  /// The secret that signs an owner's webhooks (the key's `webhookSecret`).
  let secrets: @Sendable (String) -> [UInt8]?
  let firstRetry: TimeInterval
  let attempts: Int
  let logger: Logger

  /// Sends what is due now; returns how many it tried.
  func deliverDue() async throws -> Int {
    let due = try await store.claimDeliveries(
      worker: worker, limit: 8, until: Date().addingTimeInterval(120), now: Date())
    for delivery in due {
      let failure = await send(delivery)
      let attempt = delivery.attempts + 1
      let retry =
        failure == nil || attempt >= attempts
        ? nil : Date().addingTimeInterval(min(3600, firstRetry * pow(2, Double(attempt - 1))))
      try await store.deliveryAttempted(
        id: delivery.id, worker: worker, delivered: failure == nil, retryAt: retry, error: failure)
      logger.info(
        "webhook",
        metadata: [
          "job": .string(delivery.job), "delivery": .string(delivery.id), "attempt": .stringConvertible(attempt),
          "outcome": .string(failure ?? "delivered"),
        ])
    }
    return due.count
  }

  /// Posts one delivery; nil when the receiver answered 2xx, else why not.
  func send(_ delivery: WebhookDelivery) async -> String? {
    guard let secret = secrets(delivery.owner) else { return "no webhook secret for the job's key any more" }
    let url: URL
    do { url = try target.check(delivery.url) } catch { return error.description }
    var request = HTTPClientRequest(url: url.absoluteString)
    request.method = .POST
    request.body = .bytes(ByteBuffer(bytes: delivery.body))
    let timestamp = Int(Date().timeIntervalSince1970)
    for (name, value) in WebhookSignature.headers(
      id: delivery.id, timestamp: timestamp, body: delivery.body, secret: secret)
    {
      request.headers.add(name: name, value: value)
    }
    do {
      let response = try await Self.client.execute(request, timeout: .seconds(30))
      // The receiver's answer is not read beyond its status (at most a little, then dropped).
      _ = try? await response.body.collect(upTo: 64 << 10)
      let status = Int(response.status.code)
      return (200..<300).contains(status) ? nil : "answered \(status)"
    } catch {
      return "not delivered: \(error)"
    }
  }

  /// One client for the process (SwiftNIO's, not libcurl's: the binary loads no curl, GnuTLS or
  /// Kerberos for a webhook). A receiver's redirect is not followed: it could point anywhere.
  static let client = HTTPClient(
    eventLoopGroupProvider: .singleton,
    configuration: HTTPClient.Configuration(
      redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(30))))
}
