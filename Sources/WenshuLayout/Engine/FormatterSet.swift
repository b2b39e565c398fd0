/// A named transformation of a bound value: `{total | money}`. The engine brings only
/// generic formatters; the documents add their domain ones (amounts, ID numbers, dates).
public struct Formatter: Sendable {
  public let name: String
  /// How many arguments it takes (`sum: amount` has one).
  public let arguments: ClosedRange<Int>
  /// One line for `--help` and the layout docs.
  public let summary: String
  public let apply: @Sendable (DataValue, [String]) throws(FormatError) -> DataValue

  public init(
    _ name: String, arguments: ClosedRange<Int> = 0...0, summary: String,
    apply: @escaping @Sendable (DataValue, [String]) throws(FormatError) -> DataValue
  ) {
    self.name = name
    self.arguments = arguments
    self.summary = summary
    self.apply = apply
  }
}

/// A formatter's complaint about a value; the engine adds the data path.
public struct FormatError: Error, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
}

public struct FormatterSet: Sendable {
  private var table: [String: Formatter] = [:]

  public init(_ formatters: [Formatter] = []) {
    for f in formatters { table[f.name] = f }
  }

  public subscript(name: String) -> Formatter? { table[name] }
  public var names: [String] { table.keys.sorted() }
  public var all: [Formatter] { names.map { table[$0]! } }

  public func adding(_ formatters: [Formatter]) -> FormatterSet {
    var copy = self
    for f in formatters { copy.table[f.name] = f }
    return copy
  }

  /// Formatters that know nothing of any domain.
  public static let generic = FormatterSet([
    Formatter("count", summary: "number of items in an array") { value, _ throws(FormatError) in
      guard case .array(let items) = value else { throw FormatError("不是列表 (expected an array)") }
      return .number(String(items.count))
    },
    Formatter("default", arguments: 0...1, summary: "the argument (or nothing) when the value is empty, null or absent")
    {
      value, args throws(FormatError) in
      (value.text ?? "").isEmpty ? .string(args.first ?? "") : value
    },
    Formatter("pad", arguments: 1...1, summary: "zero-pads a number to the given number of digits") {
      value, args throws(FormatError) in
      let text = value.text ?? ""
      let width = Int(args[0]) ?? 0
      return .string(String(repeating: "0", count: max(0, width - text.count)) + text)
    },
  ])
}
