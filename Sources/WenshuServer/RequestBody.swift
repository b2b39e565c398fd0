import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ZIPFoundation

/// Reads a request's body, up to the size limit and within the body timeout; a gzip body is
/// decoded, and the limit holds for what it decodes to (a zip bomb is 413, not memory).
struct RequestBody {
  let limit: Int
  let timeout: Duration

  /// A declared `Content-Length` over the limit is refused before a byte of the body is
  /// read (and the connection is not kept for the rest of it). Then the body is read in the
  /// handler's own task (the server drains what is left on the same stream afterwards, so
  /// it must not be read from elsewhere): a client trickling bytes gets 408 and never holds
  /// a worker. One that sends nothing at all is closed by the idle timeout.
  func read(_ request: Request, context: ServiceContext) async throws -> [UInt8] {
    let coding = (request.headers[.contentEncoding] ?? "identity").lowercased().trimmingCharacters(in: .whitespaces)
    guard ["identity", "gzip", "x-gzip"].contains(coding) else {
      throw Problem(
        status: .unsupportedMediaType, title: "Unsupported content coding",
        detail: "send the body as it is or gzip-encoded (got '\(coding)')")
    }
    if let declared = Self.declaredLength(request.headers), declared > limit {
      // Nothing more is read from this connection: the client is answered and then closed.
      context.channel.close(mode: .input, promise: nil)
      throw tooLarge(declared: declared)
    }
    let deadline = ContinuousClock.now + timeout
    let tooSlow = Problem(
      status: .requestTimeout, title: "Request body too slow", detail: "the body did not arrive within \(timeout)")
    // A client that stops sending (headers, then silence) is not waited for past the
    // deadline: the connection's input is closed, which ends the read below.
    let channel = context.channel
    let watchdog = Task {
      try await Task.sleep(until: deadline, clock: .continuous)
      channel.close(mode: .input, promise: nil)
    }
    defer { watchdog.cancel() }
    // Held as it will be rendered, at its declared size from the start: a buffer grown by
    // doubling and then copied would hold up to three times the body while it waits.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.declaredLength(request.headers).map { min($0, limit) } ?? 0)
    do {
      for try await chunk in request.body {
        guard bytes.count + chunk.readableBytes <= limit else { throw tooLarge() }
        bytes.append(contentsOf: chunk.readableBytesView)
        guard ContinuousClock.now < deadline else { throw tooSlow }
      }
    } catch let problem as Problem {
      throw problem
    } catch {
      if ContinuousClock.now >= deadline { throw tooSlow }
      throw error
    }
    // The input closed at the deadline may end the body quietly, short of what was sent.
    guard ContinuousClock.now < deadline else { throw tooSlow }
    return coding == "identity" ? bytes : try gunzip(bytes)
  }

  static func declaredLength(_ headers: HTTPFields) -> Int? {
    headers[.contentLength].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
  }

  func tooLarge(declared: Int? = nil) -> Problem {
    Problem(
      status: .contentTooLarge, title: "Request too large",
      detail:
        "the body\(declared.map { " (\($0) bytes)" } ?? "") is over the limit of \(limit) bytes (--max-body-mib), decoded"
    )
  }

  /// A gzip member (RFC 1952): the header is skipped, the deflate stream inflated, at most
  /// `limit` bytes of it.
  func gunzip(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
    let bad = Problem(status: .badRequest, title: "Bad gzip body", detail: "the body is not a whole gzip stream")
    guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { throw bad }
    let flags = bytes[3]
    var i = 10
    if flags & 4 != 0 {
      guard i + 2 <= bytes.count else { throw bad }
      i += 2 + Int(bytes[i]) | Int(bytes[i + 1]) << 8
    }
    for flag: UInt8 in [8, 16] where flags & flag != 0 {
      while i < bytes.count, bytes[i] != 0 { i += 1 }
      i += 1
    }
    if flags & 2 != 0 { i += 2 }
    guard i < bytes.count else { throw bad }
    let stream = Data(bytes[i...])
    var output: [UInt8] = []
    let limit = self.limit
    do {
      _ = try Data.decompress(
        size: Int64(stream.count), bufferSize: 64 << 10, skipCRC32: true,
        provider: { position, size in
          guard position < stream.count else { throw Truncated() }
          return stream[Int(position)..<min(stream.count, Int(position) + size)]
        },
        consumer: { chunk in
          guard output.count + chunk.count <= limit else { throw OverLimit() }
          output.append(contentsOf: chunk)
        })
    } catch is OverLimit {
      throw tooLarge()
    } catch {
      throw bad
    }
    return output
  }

  private struct OverLimit: Error {}
  private struct Truncated: Error {}
}
