/// What clerks actually type into spreadsheets: full-width digits from a Chinese input method,
/// spaces copied from Word, invisible characters from web forms. Every validator names these
/// by kind, because "invalid character" alone does not tell a clerk what to fix.
enum TypedCharacters {
  /// Any kind of blank: ASCII space and tab, the ideographic space U+3000, no-break spaces,
  /// line breaks.
  static func isBlank(_ c: Character) -> Bool { c.isWhitespace }

  /// Characters that show nothing but make a string differ: zero-width space/joiners, the
  /// byte-order mark, soft hyphen.
  static func isInvisible(_ c: Character) -> Bool {
    c.unicodeScalars.contains {
      [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD].contains($0.value)
    }
  }

  /// Full-width forms (U+FF01…U+FF5E): ０-９, Ｘ, ｘ, ．, －, ＋ and full-width letters.
  static func isFullWidth(_ c: Character) -> Bool {
    c.unicodeScalars.contains { (0xFF01...0xFF5E).contains($0.value) }
  }

  static func isASCIIDigit(_ c: Character) -> Bool { c.isASCII && ("0"..."9").contains(c) }

  /// The text as it would print, for a message: invisible characters shown as ⟨U+XXXX⟩.
  static func visible(_ text: some StringProtocol) -> String {
    var out = ""
    for c in text {
      if isInvisible(c) {
        for s in c.unicodeScalars {
          out += "⟨U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4) + "⟩"
        }
      } else {
        out.append(c)
      }
    }
    return out
  }
}

extension StringProtocol {
  /// Pads with leading zeros: `7` → `07`.
  func leftPadded(to length: Int, with pad: Character = "0") -> String {
    String(repeating: String(pad), count: Swift.max(0, length - count)) + self
  }
}
