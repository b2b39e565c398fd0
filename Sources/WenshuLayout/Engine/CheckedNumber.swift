/// How a check compares its two sides: as text, except that two numbers written plainly
/// compare by value, so a count checked against an amount's figures (`1286` and `1286.00`), or
/// a sum of no rows (`0`) against `0.00`, agree. Worked out on the digits, never in floating point.
enum CheckedNumber {
  static func same(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard let x = canonical(a), let y = canonical(b) else { return false }
    return x == y
  }

  /// Whether `a` stands to `b` as the relation says; nil when it orders two values that are
  /// neither both plain numbers nor both dates (YYYY-MM-DD).
  static func holds(_ relation: Check.Relation, _ a: String, _ b: String) -> Bool? {
    switch relation {
    case .equal: return same(a, b)
    case .notEqual: return !same(a, b)
    case .member: return nil
    default: break
    }
    let order: Int
    if let x = canonical(a), let y = canonical(b) {
      order = compare(x, y)
    } else if isDate(a), isDate(b) {
      order = a < b ? -1 : a == b ? 0 : 1
    } else {
      return nil
    }
    switch relation {
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    default: return order >= 0
    }
  }

  static func isDate(_ s: String) -> Bool {
    let u = Array(s.utf8)
    return u.count == 10 && u[4] == UInt8(ascii: "-") && u[7] == UInt8(ascii: "-")
      && u.indices.allSatisfy { $0 == 4 || $0 == 7 || (48...57).contains(u[$0]) }
  }

  /// -1, 0 or 1 for two canonical numbers.
  static func compare(_ x: String, _ y: String) -> Int {
    let (nx, ny) = (x.hasPrefix("-"), y.hasPrefix("-"))
    if nx != ny { return nx ? -1 : 1 }
    let magnitude = compareMagnitude(nx ? String(x.dropFirst()) : x, ny ? String(y.dropFirst()) : y)
    return nx ? -magnitude : magnitude
  }

  private static func compareMagnitude(_ x: String, _ y: String) -> Int {
    let px = x.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let py = y.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    if px[0].count != py[0].count { return px[0].count < py[0].count ? -1 : 1 }
    if px[0] != py[0] { return px[0] < py[0] ? -1 : 1 }
    let fx = px.count > 1 ? px[1] : ""
    let fy = py.count > 1 ? py[1] : ""
    let width = max(fx.count, fy.count)
    let ax = fx + String(repeating: "0", count: width - fx.count)
    let ay = fy + String(repeating: "0", count: width - fy.count)
    return ax == ay ? 0 : ax < ay ? -1 : 1
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
