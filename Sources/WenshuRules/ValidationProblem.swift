/// The errors of this library: each carries a `message` written to stand after a JSON path
/// (`members[12].idNumber: 校验位错误，应为 X`), Chinese first for the clerk who fixes the data.
public protocol RuleError: Error, Sendable, CustomStringConvertible {
  var message: String { get }
}

/// A problem found while validating data, with its JSON path, in words a clerk understands:
/// `members[1532].idNumber: 校验位错误，应为 X`. Callers collect these to report every problem
/// of a file at once instead of stopping at the first.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
  public let path: String
  public let message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// The problem a rule error describes at `path`.
  public init(path: String, error: some RuleError) {
    self.init(path: path, message: error.message)
  }

  public var description: String { "\(path): \(message)" }
}
