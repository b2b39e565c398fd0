/// Masks ID numbers on lists that leave the association (确认书 member lists, e-bills), so a
/// lost page does not give away whole numbers: `4101**********002X`.
///
/// Pattern syntax, two equivalent forms:
/// - `####**********####`: `#` keeps a character, `*` hides one; only leading and trailing
///   runs of `#` may stand, with at least one `*` between them;
/// - `4*4`: keep 4 at the start, hide the middle, keep 4 at the end (`6*4`, `0*4`, `3*0`).
/// The middle's length in the pattern does not matter: a value of any length keeps that many
/// characters at each end and hides the rest, one `*` per character, so columns stay aligned.
/// A value too short to hide anything is hidden whole.
public struct IDMask: Sendable, Hashable {
  public let keepFirst: Int
  public let keepLast: Int

  /// Keeps the first four and the last four: `4101**********002X`.
  public static let standard = IDMask(keepFirst: 4, keepLast: 4)

  public init(keepFirst: Int, keepLast: Int) {
    self.keepFirst = Swift.max(0, keepFirst)
    self.keepLast = Swift.max(0, keepLast)
  }

  public init(pattern: String) throws(IDMaskError) {
    let numbers = pattern.split(separator: "*", omittingEmptySubsequences: false)
    if numbers.count == 2,
      numbers.allSatisfy({
        !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(TypedCharacters.isASCIIDigit)
      }),
      let first = Int(numbers[0]), let last = Int(numbers[1])
    {
      self.init(keepFirst: first, keepLast: last)
      return
    }
    guard !pattern.isEmpty, pattern.allSatisfy({ $0 == "#" || $0 == "*" }), pattern.contains("*")
    else {
      throw IDMaskError(
        "掩码格式错误：\(pattern)，应由 #（保留）和 *（隐藏）组成，如 ####**********####，或写作 4*4 (a mask is # kept and * hidden, or 4*4)"
      )
    }
    let first = pattern.prefix { $0 == "#" }.count
    let last = pattern.reversed().prefix { $0 == "#" }.count
    guard !pattern.dropFirst(first).dropLast(last).contains("#") else {
      throw IDMaskError("掩码格式错误：\(pattern)，# 只能在开头和结尾 (# may only stand at the start and the end)")
    }
    self.init(keepFirst: first, keepLast: last)
  }

  public func apply(_ id: String) -> String {
    let chars = Array(id)
    guard chars.count > keepFirst + keepLast else {
      return String(repeating: "*", count: chars.count)
    }
    return String(chars.prefix(keepFirst))
      + String(repeating: "*", count: chars.count - keepFirst - keepLast)
      + String(chars.suffix(keepLast))
  }
}

/// Why a text is not a mask pattern.
public struct IDMaskError: RuleError {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
