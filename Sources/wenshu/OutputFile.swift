import Foundation

/// Writes `bytes` to `path` (or standard output for `-`) all at once: a temporary file next
/// to it is renamed into place, so a failed render or a full disk never leaves a
/// half-written PDF behind. The output holds names and ID numbers, so a new file is created
/// 0600 (less if the umask asks), a replaced file keeps its mode, and a read-only file is
/// replaced only with `force`.
func writeOutput(_ bytes: [UInt8], to path: String, force: Bool = false) throws(OutputError) {
  if path == "-" {
    try writeAll(bytes, to: STDOUT_FILENO)
    return
  }
  var existing = stat()
  let exists = stat(path, &existing) == 0
  let kind = existing.st_mode & mode_t(S_IFMT)
  if exists && kind == mode_t(S_IFDIR) { throw .cannotCreate("\(path) is a folder, not a file") }
  // A device or a pipe (`-o /dev/stdout`, a FIFO) is written to, never renamed over: as root,
  // renaming over /dev/null would replace the device with a file for everyone.
  if exists && kind != mode_t(S_IFREG) {
    let fd = open(path, O_WRONLY)
    guard fd >= 0 else { throw .cannotCreate("cannot open \(path): \(errnoText())") }
    defer { close(fd) }
    try writeAll(bytes, to: fd)
    return
  }
  if exists && kind == mode_t(S_IFREG) && existing.st_mode & 0o222 == 0 && !force {
    throw .cannotCreate("\(path) is read-only; use --force to replace it")
  }
  let target = URL(fileURLWithPath: path)
  let folder = target.deletingLastPathComponent().path
  var folderStat = stat()
  guard stat(folder, &folderStat) == 0, folderStat.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
    throw .cannotCreate("the folder \(folder) does not exist")
  }
  TemporaryOutput.removeStale(in: folder, besides: target.lastPathComponent)
  let temporary = folder + "/" + TemporaryOutput.name(for: target.lastPathComponent, pid: getpid())
  // O_EXCL: never write through a link or into someone else's file of that name.
  let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
  guard fd >= 0 else { throw .cannotCreate("cannot create a file in \(folder): \(errnoText())") }
  var isOpen = true
  do throws(OutputError) {
    if exists, fchmod(fd, existing.st_mode & 0o7777) != 0 {
      throw .cannotCreate("cannot keep the mode of \(path): \(errnoText())")
    }
    try writeAll(bytes, to: fd)
    // A full disk may only be reported when the data reaches it.
    if fsync(fd) != 0 { throw .io(errnoText()) }
    isOpen = false
    if close(fd) != 0 { throw .io(errnoText()) }
    // rename(2) replaces the target atomically: readers see the old file or the new one.
    guard rename(temporary, path) == 0 else { throw .cannotCreate(errnoText()) }
  } catch {
    if isOpen { close(fd) }
    unlink(temporary)
    throw error
  }
}

/// `writeOutput`, its failure printed and turned into exit 73 or 74.
func writeOutputOrExit(_ bytes: [UInt8], to path: String, force: Bool) throws {
  do { try writeOutput(bytes, to: path, force: force) } catch {
    printError("cannot write \(path == "-" ? "standard output" : path): \(error)")
    switch error {
    case .cannotCreate: throw Exit.cannotCreate
    case .io: throw Exit.ioError
    }
  }
}
