/// Text made safe inside SpreadsheetML: the five XML specials escaped, and the characters
/// XML 1.0 cannot hold at all (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) written as
/// Excel's `_xHHHH_`, with a literal `_x0041_` in the data kept literal (`_x005F_x0041_`).
enum XMLText {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() {
      switch s {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(s)
      case "_" where looksEscaped(scalars, at: i): out += "_x005F_"
      default:
        if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF {
          out += "_x" + hex4(s.value) + "_"
        } else {
          out.unicodeScalars.append(s)
        }
      }
    }
    return out
  }

  /// `_x` + four hex digits + `_` starts at `i`: Excel would read it as an escape.
  static func looksEscaped(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
    return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
