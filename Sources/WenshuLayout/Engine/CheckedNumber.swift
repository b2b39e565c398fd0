/// How a check compares its two sides: as text, except that two numbers written plainly
/// compare by value, so a count checked against an amount's figures (`1286` and `1286.00`), or
/// a sum of no rows (`0`) against `0.00`, agree. Worked out on the digits, never in floating point.
enum CheckedNumber {
  static func same(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard let x = canonical(a), let y = canonical(b) else { return false }
    return x == y
  }

  /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` without trailing zeros after the point (and no sign on
  /// zero); nil for anything else: `0042`, `1,286`, `12.`, a code or a name stay text.
  static func canonical(_ text: String) -> String? {
    var rest = Substring(text)
    let negative = rest.first == "-"
    if negative { rest = rest.dropFirst() }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), whole == "0" || whole.first != "0" else { return nil }
    var fraction = parts.count > 1 ? parts[1] : ""
    if parts.count > 1 { guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil } }
    while fraction.last == "0" { fraction.removeLast() }
    let value = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    return negative && value != "0" ? "-" + value : value
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
