import Foundation

/// A worksheet as the clerk sees it: its name and its non-empty rows, each cell as stored
/// (text, or a number kept as its literal so nothing passes through floating point).
public struct Sheet: Sendable {
  /// The tab's name (`Sheet1`), or for a CSV file its name without the extension.
  public var name: String
  /// Non-empty rows in order, numbered as Excel numbers them (from 1).
  public var rows: [SheetRow]
  /// Date cells count days from 1904-01-01 (a workbook option of old Mac Excel).
  public var date1904 = false

  public init(name: String, rows: [SheetRow]) {
    self.name = name
    self.rows = rows
  }
}

public struct SheetRow: Sendable {
  public var number: Int
  /// Cells by 0-based column (A = 0); empty cells are absent.
  public var cells: [Int: SheetCell]

  public init(number: Int, cells: [Int: SheetCell]) {
    self.number = number
    self.cells = cells
  }
}

public enum SheetCell: Sendable, Equatable {
  case text(String)
  /// A number cell, as its stored literal (`45713`, `4.10102199003072E+17`).
  case number(String)
  case bool(Bool)
  /// An error value (`#N/A`, `#REF!`): a formula that failed.
  case error(String)
  /// A formula (`1+1`, without `=`; empty for a shared formula's copies) and its last result.
  case formula(String, result: String)

  /// What the clerk typed, as text: a whole number without `.0`.
  public var text: String {
    switch self {
    case .text(let s), .error(let s), .formula(_, let s): s
    case .bool(let b): b ? "TRUE" : "FALSE"
    case .number(let n):
      if let d = Double(n), d == d.rounded(), abs(d) < 1e15 { String(Int64(d)) } else { n }
    }
  }
}

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

/// Why a file cannot be read as a sheet at all (a bad cell is a `SheetProblem`, not this).
public struct SheetError: Error, Sendable, CustomStringConvertible {
  public let message: String
  /// The read was stopped from outside (a time budget spent, a client gone), not refused.
  public var isStopped = false
  public init(_ message: String) { self.message = message }
  public var description: String { message }

  /// Reading stopped because its request was (`RenderCancellation`).
  public static var stopped: SheetError {
    var error = SheetError("读取名单已停止 (reading the member list was stopped)")
    error.isStopped = true
    return error
  }
}
