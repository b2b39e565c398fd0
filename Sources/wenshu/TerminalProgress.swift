import Foundation

/// Pages laid out of all, on one line of standard error, for a long print a person is watching:
/// shown only when standard error is a terminal and the document has more than a few pages, so
/// a script, a pipe or a log gets nothing but the warnings and errors.
final class TerminalProgress {
  /// Shorter documents print before a person would wonder.
  static let minimumPages = 20
  private let total: Int
  private let enabled: Bool
  private var shown = 0

  init(total: Int, terminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.total = total
    enabled = terminal && total >= Self.minimumPages
  }

  /// Page `done` of the total is laid out; redrawn at most every 1 % (and at the last page).
  func show(_ done: Int) {
    guard enabled, done == total || done - shown >= max(1, total / 100) else { return }
    shown = done
    FileHandle.standardError.write(Data("\r排版 \(done)/\(total) 页 (pages)".utf8))
  }

  /// Clears the line, so what follows starts at its beginning.
  func finish() {
    guard enabled, shown > 0 else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
