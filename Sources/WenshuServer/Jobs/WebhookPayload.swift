import Crypto
import Foundation

/// The body of a job's webhook: `{"type": "job.completed", "delivery": id, "job": status}`.
/// Made once, when the job completes, and sent unchanged on every attempt.
enum WebhookPayload {
  struct Body: Encodable {
    var type = "job.completed"
    var delivery: String
    var job: JobStatus
  }

  static func body(delivery: String, status: JobStatus) -> [UInt8] {
    encodeJSON(Body(delivery: delivery, job: status))
  }
}

/// Signs a webhook as Standard Webhooks does (standardwebhooks.com): HMAC-SHA256 with the
/// key's webhook secret over `{id}.{timestamp}.{body}`, sent as `webhook-signature: v1,BASE64`
/// beside `webhook-id` (the same on every retry: the receiver drops one it has seen) and
/// `webhook-timestamp` (Unix seconds: the receiver refuses an old one, so a captured call
/// cannot be replayed later).
enum WebhookSignature {
  static func sign(id: String, timestamp: Int, body: [UInt8], secret: [UInt8]) -> String {
    var message = Array("\(id).\(timestamp).".utf8)
    message.append(contentsOf: body)
    let mac = HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))
    return "v1," + Data(mac).base64EncodedString()
  }

  static func headers(id: String, timestamp: Int, body: [UInt8], secret: [UInt8]) -> [String: String] {
    [
      "webhook-id": id, "webhook-timestamp": String(timestamp),
      "webhook-signature": sign(id: id, timestamp: timestamp, body: body, secret: secret),
      "content-type": "application/json",
    ]
  }
}
