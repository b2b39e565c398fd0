/// A problem found while validating data, with its JSON path, in words a clerk understands:
/// `members[1532].idNumber: 校验位错误，应为 X`.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
  public let path: String
  public let message: String
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { "\(path): \(message)" }
}
