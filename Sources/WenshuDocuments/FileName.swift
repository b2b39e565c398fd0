import Foundation

/// A download's name, safe to hand to any file system: no path separators or characters
/// Windows refuses (`/ \ : * ? " < > |`), no control or bidirectional-format characters, no
/// `..`, no leading dot, at most 255 bytes of UTF-8 with its extension. The name comes from
/// the data (a unit's name, a number), so it is never trusted as it is.
public struct FileName: Sendable, Equatable {
  /// The full name, in UTF-8 (`确认书-G16002025022510000694.pdf`).
  public let name: String
  /// A plain-ASCII name for clients that ignore `filename*` (`curl -OJ`): the document and
  /// the ASCII parts of the name (`confirmation-G16002025022510000694.pdf`), never a row of
  /// `_`. When the name loses characters and what is left holds no number of four digits or
  /// more to tell files apart, eight hex digits of a hash of the whole name do
  /// (`notification-3f09a1c2.pdf` for 告知书-上海建朗信息科技有限公司工会), the same on every run.
  public let ascii: String

  public static let maxBytes = 255

  public init(document: String, name raw: String, extension ext: String) {
    let suffix = "." + ext
    var name = Self.clean(raw)
    if name.isEmpty { name = Self.clean(document) }
    if name.isEmpty { name = "document" }
    self.name = Self.fit(name, bytes: Self.maxBytes - suffix.utf8.count) + suffix
    let parts = name.unicodeScalars.split { !Self.plain($0) }.map { String(String.UnicodeScalarView($0)) }
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "._-")) }.filter { !$0.isEmpty }
    let lost = name.unicodeScalars.contains {
      !Self.plain($0) && !$0.properties.isWhitespace && !"-_.".unicodeScalars.contains($0)
    }
    let numbered = parts.contains { $0.split { !("0"..."9").contains($0) }.contains { $0.count >= 4 } }
    let distinct = lost && !numbered ? [Self.hash(name)] : []
    var ascii = ([Self.clean(document)] + parts + distinct).filter { !$0.isEmpty }.joined(separator: "-")
    if ascii.isEmpty { ascii = "document" }
    self.ascii = Self.fit(ascii, bytes: Self.maxBytes - suffix.utf8.count) + suffix
  }

  /// FNV-1a (32 bits) of the name's UTF-8, in hex: stable across runs and machines, unlike `Hasher`.
  static func hash(_ name: String) -> String {
    var h: UInt32 = 2_166_136_261
    for byte in name.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// Letters, digits, `-`, `_` and `.` in ASCII: what the fallback keeps.
  static func plain(_ s: Unicode.Scalar) -> Bool {
    s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
  }

  static func clean(_ raw: String) -> String {
    let refused = Set("/\\:*?\"<>|".unicodeScalars)
    var scalars = String.UnicodeScalarView()
    for s in raw.unicodeScalars {
      let category = s.properties.generalCategory
      let invisible =
        category == .control || category == .format || category == .lineSeparator
        || category == .paragraphSeparator || category == .surrogate || category == .unassigned
      scalars.append(refused.contains(s) || invisible ? "_" : s)
    }
    var name = String(scalars)
    while name.contains("..") { name = name.replacingOccurrences(of: "..", with: ".") }
    return name.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines))
  }

  /// The longest prefix of whole characters that fits in `bytes` of UTF-8.
  static func fit(_ name: String, bytes: Int) -> String {
    var result = ""
    var used = 0
    for c in name {
      let size = String(c).utf8.count
      guard used + size <= bytes else { break }
      result.append(c)
      used += size
    }
    return result.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
  }
}
