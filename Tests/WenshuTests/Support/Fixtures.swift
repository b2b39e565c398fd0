import Foundation
import WenshuDocuments

/// The checkout the tests run in, and one renderer shared by the tests of a process.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let home = WenshuHome(root: root)
  static let goldenFolder = root.appendingPathComponent("Tests/WenshuTests/Golden")
  static let failuresFolder = root.appendingPathComponent(".build/golden-failures")
  /// `WENSHU_RECORD=1`: re-record every sample's references; `WENSHU_RECORD=confirmation/henan-12`
  /// (comma-separated): only those samples'.
  static func recording(_ sample: String) -> Bool {
    let value = ProcessInfo.processInfo.environment["WENSHU_RECORD"] ?? ""
    return value == "1" || value.split(separator: ",").contains { $0 == sample }
  }

  /// Pango is not thread-safe: every test takes the renderer through this lock.
  static func withRenderer<T>(_ body: (DocumentRenderer) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if shared == nil { shared = try DocumentRenderer(home: home) }
    return try body(shared!)
  }
  nonisolated(unsafe) private static var shared: DocumentRenderer?
  private static let lock = NSLock()

  static func sample(_ document: String, _ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent("samples/\(document)/\(name).json")))
  }

  /// Every sample: (document, sample name).
  static var samples: [(String, String)] {
    let fm = FileManager.default
    let folder = root.appendingPathComponent("samples")
    let documents = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    return documents.sorted().flatMap { doc in
      ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent(doc).path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted().map { (doc, String($0.dropLast(5))) }
    }
  }
}

/// Runs a command-line tool and returns its status, standard output and standard error.
func run(_ tool: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> (
  status: Int32, stdout: [UInt8], stderr: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [tool] + arguments
  let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: errorFile) }
  let out = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = try FileHandle(forWritingTo: errorFile)
  process.standardInput = input
  try process.run()
  // Feed standard input from another thread so a large output cannot dead-lock the pipes.
  let writer = input.fileHandleForWriting
  let feed = Thread {
    if let stdin { writer.write(Data(stdin)) }
    try? writer.close()
  }
  feed.start()
  let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
  return (process.terminationStatus, [UInt8](stdoutData), stderr)
}
