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
/// `privateMode`: readable by its owner only (0600) from the start, for a file of names and
/// ID numbers.
func writeOutput(_ bytes: [UInt8], to path: String, privateMode: Bool = false) throws {
  if path == "-" {
    FileHandle.standardOutput.write(Data(bytes))
    return
  }
  let target = URL(fileURLWithPath: path)
  // A device or a pipe (`-o /dev/stdout`, a FIFO) is written to, never renamed over: as root,
  // renaming over /dev/null would replace the device with a file for everyone.
  if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
    if type == .typeDirectory {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path) is a folder, not a file"])
    }
    if type == .typeCharacterSpecial || type == .typeBlockSpecial || type == .typeSocket
      || type.rawValue == "NSFileTypeFIFO" || type == .typeUnknown
    {
      guard let handle = FileHandle(forWritingAtPath: path) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "cannot write to \(path)"])
      }
      defer { try? handle.close() }
      try handle.write(contentsOf: Data(bytes))
      return
    }
  }
  var isFolder: ObjCBool = false
  let folder = target.deletingLastPathComponent().path
  guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the folder \(folder) does not exist"])
  }
  let temporary = target.deletingLastPathComponent()
    .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
  do {
    if privateMode {
      guard
        FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
      else {
        throw CocoaError(
          .fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "cannot create \(temporary.path)"])
      }
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: Data(bytes))
    } else {
      try Data(bytes).write(to: temporary)
    }
    // rename(2) replaces the target atomically: readers see the old file or the new one.
    guard rename(temporary.path, target.path) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw error
  }
}
