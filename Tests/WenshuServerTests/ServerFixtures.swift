import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import WenshuDocuments
import WenshuServer

enum ServerFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let home = WenshuHome(root: root)

  static func sample(_ document: String, _ name: String) throws -> ByteBuffer {
    ByteBuffer(bytes: try Data(contentsOf: root.appendingPathComponent("samples/\(document)/\(name).json")))
  }

  static let json: HTTPFields = [.contentType: "application/json"]

  /// A home whose layouts a test may edit: a copy of `Layouts/` beside a link to the fonts, in
  /// a new temporary folder the caller removes.
  static func editableHome(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("Layouts"), to: folder.appendingPathComponent("Layouts"))
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("fonts"), withDestinationURL: root.appendingPathComponent("fonts"))
    return folder
  }

  static func app(_ configuration: ServerConfiguration = .init(workers: 2), logs: LogStore? = nil) throws
    -> some ApplicationProtocol
  {
    var logger = Logger(label: "test") { label in
      logs.map { LogStoreHandler(store: $0) as any LogHandler } ?? SwiftLogNoOpLogHandler()
    }
    logger.logLevel = .info
    return try WenshuService.application(home: home, configuration: configuration, logger: logger)
  }
}

/// Keeps every log line a test's server writes, to check what never goes into logs.
final class LogStore: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  private var stored: [(message: String, metadata: [String: String])] = []
  func append(_ line: String, message: String, metadata: [String: String]) {
    lock.lock()
    lines.append(line)
    stored.append((message, metadata))
    lock.unlock()
  }
  var all: String { lock.lock(); defer { lock.unlock() }; return lines.joined(separator: "\n") }
  /// Each event's message and metadata, to check a field's value rather than search the text.
  var events: [(message: String, metadata: [String: String])] { lock.lock(); defer { lock.unlock() }; return stored }
}

struct LogStoreHandler: LogHandler {
  let store: LogStore
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .trace
  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }
  func log(event: LogEvent) {
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    store.append(
      "\(event.level) \(event.message) \(merged)", message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
  }
}

extension TestClientProtocol {
  /// POSTs a JSON body (a sample's, usually) to `uri`, as most route tests do.
  @discardableResult
  func postJSON<Return>(
    _ uri: String, _ body: ByteBuffer, _ check: @escaping (TestResponse) async throws -> Return
  ) async throws -> Return {
    try await execute(uri: uri, method: .post, headers: ServerFixtures.json, body: body, testCallback: check)
  }
}
