import Foundation

enum FileHandleOutput {
  /// Best effort: a message that cannot be written (stderr on a full disk) is dropped, never a
  /// crash (`FileHandle.write(_:)` traps on a write error).
  static func stderr(_ s: String) { try? writeAll(Array(s.utf8), to: STDERR_FILENO) }
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String) throws -> [UInt8] {
  if path == "-" { return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data()) }
  return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Why an output could not be written; `io` is a write that failed part-way (a full disk,
/// exit 74), `cannotCreate` a target that cannot be made (exit 73).
enum OutputError: Error, CustomStringConvertible {
  case cannotCreate(String)
  case io(String)

  var description: String {
    switch self {
    case .cannotCreate(let m), .io(let m): m
    }
  }
}

/// The text of the last C call's `errno`.
func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

/// Writes every byte to `fd`, retrying short writes and interrupted calls.
func writeAll(_ bytes: [UInt8], to fd: Int32) throws(OutputError) {
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
    if n < 0 {
      if errno == EINTR { continue }
      throw .io(errnoText())
    }
    offset += n
  }
}
