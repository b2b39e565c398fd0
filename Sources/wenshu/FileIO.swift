import Foundation

enum FileHandleOutput {
  static func stderr(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String) throws -> [UInt8] {
  if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
  return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Writes `bytes` to `path` (or standard output for `-`) all at once: a temporary file next
/// to it is renamed into place, so a failed render never leaves a half-written PDF behind.
func writeOutput(_ bytes: [UInt8], to path: String) throws {
  if path == "-" {
    FileHandle.standardOutput.write(Data(bytes))
    return
  }
  let target = URL(fileURLWithPath: path)
  let temporary = target.deletingLastPathComponent()
    .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
  do {
    try Data(bytes).write(to: temporary)
    if FileManager.default.fileExists(atPath: target.path) {
      _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
    } else {
      try FileManager.default.moveItem(at: temporary, to: target)
    }
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw error
  }
}
