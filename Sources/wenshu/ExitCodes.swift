import ArgumentParser

/// Exit statuses, after sysexits(3), so scripts can tell bad data from a broken install.
enum Exit {
  /// The data has problems (each printed on stderr with its path).
  static let dataError = ExitCode(65)
  /// The input file cannot be read.
  static let noInput = ExitCode(66)
  /// The output cannot be created (no such folder, a read-only file without --force).
  static let cannotCreate = ExitCode(73)
  /// Writing failed part-way (a full disk); no partial file is left.
  static let ioError = ExitCode(74)
  /// Layouts or fonts are missing or broken.
  static let config = ExitCode(78)
}

func printError(_ message: String) {
  var stderr = StandardError()
  print(
    "wenshu: " + message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\nwenshu: "),
    to: &stderr)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandleOutput.stderr(string)
  }
}
