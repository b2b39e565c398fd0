import Foundation

extension String {
  /// The text in Unicode Normalization Form C. A name typed decomposed (`e` + U+0302 + U+0323
  /// for `ệ`) is the same name as the precomposed one, and fonts map the precomposed
  /// characters: data text is composed where it enters, before any font is consulted.
  /// Text made only of characters NFC never changes (ASCII, CJK ideographs, kana without
  /// sound marks, full-width forms) is returned as it is, without a Foundation call.
  public var canonicallyComposed: String {
    if unicodeScalars.allSatisfy(Self.isStableUnderNFC) { return self }
    return precomposedStringWithCanonicalMapping
  }

  /// Scalars that neither compose with a neighbour nor decompose: below the combining marks,
  /// and the unified ideographs, kana and full-width forms (minus the kana sound marks and
  /// the compatibility ideographs, which NFC maps to unified ones).
  private static func isStableUnderNFC(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0..<0x300: true
    case 0x3000...0x3098, 0x309B...0xA4CF: true
    case 0xFF00...0xFFEF: true
    case 0x20000...0x2F7FF, 0x30000...0x3FFFF: true
    default: false
    }
  }
}
