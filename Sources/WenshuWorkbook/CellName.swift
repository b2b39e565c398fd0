import Foundation

/// Cell names as Excel shows them: column 0 is `A`, 26 is `AA`.
public enum CellName {
  public static func column(_ index: Int) -> String {
    var n = index + 1
    var letters = ""
    while n > 0 {
      let r = (n - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + r))) + letters
      n = (n - 1) / 26
    }
    return letters
  }

  /// `C12` → (column 2, row 12).
  public static func parse(_ reference: Substring) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var sawLetter = false
    var sawDigit = false
    for ch in reference.utf8 {
      switch ch {
      case 65...90 where !sawDigit: column = column * 26 + Int(ch - 64); sawLetter = true
      case 97...122 where !sawDigit: column = column * 26 + Int(ch - 96); sawLetter = true
      case 48...57: row = row * 10 + Int(ch - 48); sawDigit = true
      case 36: continue  // $A$1
      default: return nil
      }
      if column > 16384 || row > 1_048_576 { return nil }
    }
    guard sawLetter, sawDigit, row > 0 else { return nil }
    return (column - 1, row)
  }

  /// A sheet name quoted as Excel writes it in a reference when it needs to be.
  public static func qualified(_ sheet: String, _ cell: String) -> String {
    let plain = sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
    return (plain ? sheet : "'\(sheet.replacingOccurrences(of: "'", with: "''"))'") + "!" + cell
  }
}
