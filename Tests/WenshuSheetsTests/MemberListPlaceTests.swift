import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

@testable import WenshuSheets

/// The list a member sheet fills is found by its declared type (rows with an `idNumber`),
/// wherever the layout puts it and whatever its name: not a top-level list called `members`.
@Suite("Sheets: the list a sheet fills, by its type")
struct MemberListPlaceTests {
  /// A layouts folder with one document `roster` whose `data:` is `schema`.
  func catalog(_ schema: String) throws -> DocumentCatalog {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("wenshu-listplace-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: root) }
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    try fm.copyItem(
      at: SheetFixtures.root.appendingPathComponent("Layouts/offices"), to: root.appendingPathComponent("offices"))
    let layout = """
      document: roster
      metadata: { title: 名单, created: "2025-01-01" }
      data:
      \(schema)
      body:
        - text: 名单
      """
    try layout.write(to: root.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
    return try DocumentCatalog(folder: root)
  }

  let sheet = Result {
    try SheetReader.read(
      Array("姓名,证件号码\n冯丽,410303199307043877\n姜芳,411103197007043729\n".utf8), fileName: "staff.csv")
  }

  func names(_ value: DataValue?) -> [String] {
    guard case .array(let rows)? = value else { return [] }
    return rows.compactMap { $0["name"]?.text }
  }

  @Test(
    "the one list of people is filled wherever it is declared: top level under any name, in an object, in an object in an object",
    arguments: [
      ("  staff:\n    - { name: text, idNumber: idNumber }", ["staff"]),
      ("  members:\n    - { name: text, idNumber: idNumber }", ["members"]),
      ("  unit:\n    name: text\n    staff:\n      - { name: text, idNumber: idNumber }", ["unit", "staff"]),
      (
        "  a:\n    b:\n      people:\n        - { name: text, idNumber: idNumber }\n  lines:\n    - { amount: amount }",
        ["a", "b", "people"]
      ),
    ])
  func filledWhereDeclared(schema: String, keys: [String]) throws {
    let catalog = try catalog(schema)
    let data = DataValue.object(DataObject(["unit": .object(DataObject(["name": .string("某工会")]))]))
    let imported = try MemberImport(data: data, sheet: try sheet.get(), catalog: catalog, document: "roster")
    #expect(imported.sheet.problems.isEmpty)
    let list = keys.reduce(Optional(imported.data)) { $0?[$1] }
    #expect(names(list) == ["冯丽", "姜芳"], "\(keys)")
    #expect(imported.sheet.listPath == keys.joined(separator: "."))
    // What the data held beside the list is kept.
    if keys.first == "unit" { #expect(imported.data["unit"]?["name"]?.text == "某工会") }
    // A problem found later in the list is shown at the clerk's cell.
    let path = keys.joined(separator: ".") + "[1].idNumber"
    let located = imported.sheet.locate(DataProblem(path: path, message: "x"))
    #expect(located?.path == "staff!B3", "\(String(describing: located))")
  }

  @Test("a list inside a list, or no list of people, cannot be filled from a sheet; two lists of people are named")
  func notOneList() throws {
    let nested = try catalog(
      "  unions:\n    - name: text\n      members:\n        - { name: text, idNumber: idNumber }")
    let lines = try catalog("  lines:\n    - { name: text, amount: amount }")
    let two = try catalog(
      "  staff:\n    - { name: text, idNumber: idNumber }\n  unit:\n    retired:\n      - { name: text, idNumber: idNumber }"
    )
    for (catalog, expected) in [(nested, "没有会员名单"), (lines, "没有会员名单"), (two, "staff、unit.retired")] {
      #expect {
        try MemberImport(data: .object(DataObject()), sheet: try sheet.get(), catalog: catalog, document: "roster")
      } throws: { error in
        (error as? DataProblem)?.message.contains(expected) == true
      }
    }
  }
}
