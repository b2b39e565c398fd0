/// A named transformation of a bound value: `{total | money}`. The engine brings only
/// generic formatters; the documents add their domain ones (amounts, ID numbers, dates).
public struct Formatter: Sendable {
  public let name: String
  /// How many arguments it takes (`sum: amount` has one).
  public let arguments: ClosedRange<Int>
  /// One line for `--help` and the layout docs.
  public let summary: String
  public let apply: @Sendable (DataValue, [String]) throws(FormatError) -> DataValue
  /// What it takes and gives, so that a chain that cannot fit (`{d | date | money}`: a date's
  /// text is not an amount) is refused when the layout is loaded, not when a clerk prints.
  public var input: Kind = .any
  public var output: Kind = .any
  /// Checks the arguments written in the layout (not `$path` ones, known only with the data):
  /// a message when they are wrong, so `divide: 3` without its rounding is refused at load.
  public var checkArguments: @Sendable ([String]) -> String? = { _ in nil }
  /// What each argument must be when it comes from the data (`$path` or `(…)`), by position;
  /// `.any` past the end. `plus: (b | thousands)` (text, not an amount) is refused at load.
  public var argumentKinds: [Kind] = []
  /// Whether it exists to fill a gap (`default`, a fill-in line): an absent optional field
  /// given to it first is empty, not missing. The engine names no formatter for this.
  public var fillsGaps = false
  /// The argument that names a field of the array's rows (`sum: amount`), with the kinds that
  /// field may be (nil: any): a misspelt or wrong-kind field is refused at load.
  public var rowField: (index: Int, kinds: Set<Kind>?)? = nil
  /// Takes exactly its input kind: `rmb` writes 元, so a count (2,339 people) is refused.
  public var exactInput = false

  /// The kind of value a formatter takes or gives.
  public enum Kind: String, Sendable {
    case any, text, amount, number, date, array, boolean

    /// Whether a value of this kind may be given to a formatter taking `input`. Whole
    /// numbers are amounts too (`{members | times: 2}` is not, but `{counts | sum: n | money}` is).
    public func fits(_ input: Kind) -> Bool {
      self == input || self == .any || input == .any || (self == .number && input == .amount)
        || (self == .amount && input == .number)
    }
  }

  public init(
    _ name: String, arguments: ClosedRange<Int> = 0...0, summary: String,
    apply: @escaping @Sendable (DataValue, [String]) throws(FormatError) -> DataValue
  ) {
    self.name = name
    self.arguments = arguments
    self.summary = summary
    self.apply = apply
  }

  /// This formatter, declared to take `input` and give `output`.
  public func taking(_ input: Kind, giving output: Kind) -> Formatter {
    var copy = self
    copy.input = input
    copy.output = output
    return copy
  }

  /// This formatter, taking an absent field as empty.
  public func fillingGaps() -> Formatter {
    var copy = self
    copy.fillsGaps = true
    return copy
  }

  /// This formatter, declared to take `input`, give `output`, and arguments of these kinds.
  public func taking(_ input: Kind, giving output: Kind, arguments: [Kind]) -> Formatter {
    var copy = taking(input, giving: output)
    copy.argumentKinds = arguments
    return copy
  }

  /// The kind argument `i` must be.
  public func argumentKind(_ i: Int) -> Kind { i < argumentKinds.count ? argumentKinds[i] : .any }

  /// Whether an argument as written comes from the data (`$path`, `(field | formatters)`):
  /// the load-time checks of literal arguments leave it to the data.
  public static func readsData(_ argument: String) -> Bool { argument.hasPrefix("$") || argument.hasPrefix("(") }

  /// This formatter, whose argument `index` names a field of the array's rows of these kinds.
  public func readingRowField(_ index: Int, kinds: Set<Kind>? = nil) -> Formatter {
    var copy = self
    copy.rowField = (index, kinds)
    return copy
  }

  /// This formatter, taking its input kind only (no count for an amount).
  public func takingExactly() -> Formatter {
    var copy = self
    copy.exactInput = true
    return copy
  }

  /// This formatter, with a load-time check of its literal arguments.
  public func checkingArguments(_ check: @escaping @Sendable ([String]) -> String?) -> Formatter {
    var copy = self
    copy.checkArguments = check
    return copy
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
  public static let generic = FormatterSet(
    [
      Formatter("count", summary: "number of items in an array") { value, _ throws(FormatError) in
        guard case .array(let items) = value else { throw FormatError("不是列表 (expected an array)") }
        return .number(String(items.count))
      }.taking(.array, giving: .number),
      Formatter(
        "countIf", arguments: 2...2,
        summary: "number of an array's rows whose field equals a value: {members | countIf: activity, $name}"
      ) { value, args throws(FormatError) in
        guard case .array(let items) = value else { throw FormatError("不是列表 (expected an array)") }
        return .number(String(items.count(where: { $0[args[0]]?.text == args[1] })))
      }.taking(.array, giving: .number).readingRowField(0),
      Formatter(
        "default", arguments: 0...1, summary: "the argument (or nothing) when the value is empty, null or absent"
      ) {
        value, args throws(FormatError) in
        (value.text ?? "").isEmpty ? .string(args.first ?? "") : value
      }.fillingGaps(),
      Formatter("pad", arguments: 1...1, summary: "zero-pads a number to the given number of digits") {
        value, args throws(FormatError) in
        let text = value.text ?? ""
        let width = Int(args[0]) ?? 0
        return .string(String(repeating: "0", count: max(0, width - text.count)) + text)
      }.taking(.any, giving: .text),
    ] + Formatter.conditions + Formatter.numbers)
}
