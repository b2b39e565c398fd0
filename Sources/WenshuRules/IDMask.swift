/// Masks ID numbers in lists: `4101**********123X`. A pattern shows what is kept (`#`) and
/// what is hidden (`*`), e.g. `####**********####` (the standard) or `######********####`.
/// Only the leading and trailing runs of `#` count; a number of another length keeps as
/// many characters at each end and hides the rest.
public struct IDMask: Sendable, Hashable {
  public let keepFirst: Int
  public let keepLast: Int

  public static let standard = IDMask(keepFirst: 4, keepLast: 4)

  public init(keepFirst: Int, keepLast: Int) {
    self.keepFirst = keepFirst
    self.keepLast = keepLast
  }

  public init(pattern: String) throws(IDMaskError) {
    guard !pattern.isEmpty, pattern.allSatisfy({ $0 == "#" || $0 == "*" }), pattern.contains("*") else {
      throw IDMaskError("a mask pattern is made of # (kept) and * (hidden), e.g. ####**********####")
    }
    let first = pattern.prefix { $0 == "#" }.count
    let last = pattern.reversed().prefix { $0 == "#" }.count
    guard first + last + pattern.dropFirst(first).dropLast(last).count == pattern.count,
      !pattern.dropFirst(first).dropLast(last).contains("#")
    else { throw IDMaskError("# may only stand at the start and the end of a mask pattern") }
    self.init(keepFirst: first, keepLast: last)
  }

  public func apply(_ id: String) -> String {
    let chars = Array(id)
    guard chars.count > keepFirst + keepLast else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(keepFirst)) + String(repeating: "*", count: chars.count - keepFirst - keepLast)
      + String(chars.suffix(keepLast))
  }
}

public struct IDMaskError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
