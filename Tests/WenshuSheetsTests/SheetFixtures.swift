import Foundation
import WenshuDocuments
import WenshuLayout

@testable import WenshuSheets

/// The fixture sheets (written by scripts/make-sheet-fixtures with openpyxl and LibreOffice)
/// and the member fields of the Henan over-age certificate, which the tests read them as.
enum SheetFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let root = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let home = WenshuHome(root: root)

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  static func sheet(_ name: String) throws -> Sheet { try SheetReader.read(try bytes(name), fileName: name) }

  static let catalog = Result { try DocumentCatalog(folder: home.layouts) }

  /// The Henan 超龄人员在职证明's member row: name, idType?, idNumber, sex?, birthDate?, …
  static func overAgeFields() throws -> [MemberSheet.Field] {
    let layout = try catalog.get().layout(document: "overage-certificate", office: "henan", variant: "default")!
    return MemberImport.memberFields(layout)
  }

  /// The members as (name, idNumber, birthDate) — what a list must get right.
  static func people(_ list: MemberSheet) -> [String] {
    list.members.map { m in
      [m["name"]?.text, m["idType"]?.text, m["idNumber"]?.text, m["sex"]?.text, m["birthDate"]?.text]
        .map { $0 ?? "-" }.joined(separator: " ")
    }
  }

  /// The clean list's members as every fixture of it must read them.
  static let cleanList = [
    "冯丽 居民身份证 410303199307043877 男 1993-07-04",
    "姜芳 居民身份证 411103197007043729 女 1970-07-04",
    "金晨堃 居民身份证 411103200311011873 - -",
    "陶晓鹏 居民身份证 410105197009233421 女 1970-09-23",
    "郑国强 居民身份证 410102196205150013 男 1962-05-15",
    "王小燕 居民身份证 41010219900307268X - 1990-03-07",
  ]
}

/// Runs the `wenshu` binary built beside the tests, from the repository's folder.
func wenshu(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
  var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("wenshu").path
  if !FileManager.default.fileExists(atPath: binary) {
    binary = SheetFixtures.root.appendingPathComponent(".build/debug/wenshu").path
  }
  return try SheetTools.run(binary, arguments, in: SheetFixtures.root)
}
