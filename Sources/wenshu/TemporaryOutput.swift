import Foundation

/// The temporary files `writeOutput` renames into place: `.<name>.wenshu-<pid>.tmp`, 0600.
/// One left by a process that died mid-write (`kill -9`, a power cut) holds a part of a PDF
/// with personal data; the next write to that folder removes it once its process is gone.
enum TemporaryOutput {
  static func name(for target: String, pid: pid_t) -> String { ".\(target).wenshu-\(pid).tmp" }

  /// Removes this user's temporary files in `folder` whose writer no longer runs: the current
  /// form, and the form earlier versions used beside `target` (`.<target>.<pid>.tmp`).
  static func removeStale(in folder: String, besides target: String) {
    for name in hiddenNames(in: folder) {
      guard let pid = writer(of: name, besides: target), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let path = folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG), info.st_uid == getuid() else {
        continue
      }
      unlink(path)
    }
  }

  /// The names starting with a dot in `folder`. Read with `readdir`, and only those names made
  /// into strings: an output folder may hold thousands of files, listed on every print.
  private static func hiddenNames(in folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        guard bytes.first == UInt8(ascii: "."), let end = bytes.firstIndex(of: 0) else { return }
        names.append(String(decoding: bytes[..<end], as: UTF8.self))
      }
    }
    return names
  }

  /// The process id in a temporary file's name, if the name is one of ours.
  static func writer(of name: String, besides target: String) -> pid_t? {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
    let stem = name.dropFirst().dropLast(4)
    if let dash = stem.range(of: ".wenshu-", options: .backwards), !stem[..<dash.lowerBound].isEmpty {
      return pid_t(stem[dash.upperBound...])
    }
    let legacy = target + "."
    guard stem.hasPrefix(legacy) else { return nil }
    return pid_t(stem.dropFirst(legacy.count))
  }
}
