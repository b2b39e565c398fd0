import Foundation
import WenshuLayout

/// openpyxl and LibreOffice, as the failed-rows tests read Wenshu's workbooks with them
/// (installed by scripts/sheet-tools, which scripts/test runs: they are required, not optional).
enum SheetTools {
  struct Missing: Error, CustomStringConvertible { let description: String }

  static let python = SheetFixtures.root.appendingPathComponent(".build/sheets-venv/bin/python").path
  static let tool = SheetFixtures.folder.appendingPathComponent("workbook-tool.py").path

  /// A cell as openpyxl reads it: value, data type (`s`, `n`, `f`, `d`), solid fill, comment.
  struct Cell {
    let value: DataValue
    let type: String
    let fill: String?
    let comment: String?
    var text: String { value.text ?? "" }
  }

  /// Every sheet of the workbook: its name and rows of cells.
  static func openpyxl(_ file: URL) throws -> [(name: String, rows: [[Cell]])] {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw Missing(description: "no \(python): run scripts/sheet-tools (scripts/test does)")
    }
    let r = try run(python, [tool, "read", file.path])
    guard r.status == 0, case .array(let sheets) = try JSONReader.parse(r.stdout) else {
      throw Missing(description: "openpyxl could not read \(file.path): \(r.stderr)")
    }
    return sheets.map { sheet in
      var listed: [DataValue] = []
      if case .array(let a)? = sheet["rows"] { listed = a }
      let rows: [[Cell]] = listed.map { row -> [Cell] in
        guard case .array(let cells) = row else { return [] }
        return cells.map { cell in
          guard case .array(let c) = cell, c.count == 4 else {
            return Cell(value: .null, type: "", fill: nil, comment: nil)
          }
          return Cell(value: c[0], type: c[1].text ?? "", fill: text(c[2]), comment: text(c[3]))
        }
      }
      return (sheet["name"]?.text ?? "", rows)
    }
  }

  static func text(_ value: DataValue) -> String? { if case .null = value { nil } else { value.text } }

  /// openpyxl edits a workbook as a clerk would: cells set by (原行号, header), rows appended.
  static func fix(_ file: URL, sheet: String, set: [(Int, String, String)], append: [[String]], to out: URL) throws {
    let edits = DataValue.object([
      "sheet": .string(sheet),
      "set": .array(set.map { .array([.number(String($0.0)), .string($0.1), .string($0.2)]) }),
      "append": .array(append.map { .array($0.map { $0.isEmpty ? .null : .string($0) }) }),
    ])
    let editsFile = out.appendingPathExtension("json")
    try Data(JSONWriter.write(edits, pretty: false).utf8).write(to: editsFile)
    let r = try run(python, [tool, "fix", file.path, out.path, editsFile.path])
    guard r.status == 0 else { throw Missing(description: "openpyxl could not edit \(file.path): \(r.stderr)") }
  }

  /// LibreOffice converts the workbook (`csv` as UTF-8, its first sheet; or `xlsx`), into `folder`.
  static func libreOffice(_ file: URL, to format: String, in folder: URL) throws -> URL {
    guard
      let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { throw Missing(description: "no soffice: run scripts/sheet-tools (scripts/test does)") }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let filter = format == "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76" : format
    // A profile of its own, so it never waits on another LibreOffice running on the machine.
    let profile = folder.appendingPathComponent("profile").absoluteString
    let r = try run(
      soffice,
      ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", filter, "--outdir", folder.path, file.path])
    let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + format)
    guard r.status == 0, FileManager.default.fileExists(atPath: out.path) else {
      throw Missing(description: "LibreOffice did not convert \(file.path) (\(r.status)): \(r.stderr)")
    }
    return out
  }

  /// Runs a program; a hang guard (10 minutes) only, never a speed check.
  static func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, stdout: [UInt8], stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-tool-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let guardTimer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: guardTimer)
    let stdout = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    guardTimer.cancel()
    return (process.terminationStatus, stdout, String(decoding: try Data(contentsOf: errors), as: UTF8.self))
  }
}
