/// A mistake in a layout file, with the file and line it is on.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let message: String
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }
  public var description: String { "\(file):\(line): \(message)" }
}
