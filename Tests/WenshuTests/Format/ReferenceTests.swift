import Foundation
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// Layouts/README.md is the authors' reference: every formatter, variable and key a layout
/// may use is in it with an example, so nothing the engine accepts is known only to its code.
@Suite("Format: the layout reference names everything")
struct ReferenceTests {
  static let readme =
    (try? String(contentsOf: Fixtures.root.appendingPathComponent("Layouts/README.md"), encoding: .utf8)) ?? ""

  @Test("every formatter has an example in Layouts/README.md: {value | name …}")
  func formatters() {
    #expect(!Self.readme.isEmpty)
    for name in DocumentCatalog.formatters.names {
      let documented = Self.readme.contains("\\| \(name)")
      #expect(documented, "no example of '\(name)' in Layouts/README.md")
    }
  }

  @Test("every variable has an example in Layouts/README.md: {@name}")
  func variables() {
    for name in VariableCheck.all {
      let documented = Self.readme.contains("{@\(name)")
      #expect(documented, "no example of '@\(name)' in Layouts/README.md")
    }
  }

  @Test("every key the layout parser takes, and every element, is written in an example: key:")
  func keys() throws {
    let folder = Fixtures.root.appendingPathComponent("Sources/WenshuLayout/Description")
    var keys: Set<String> = Set(LayoutParser.blockKinds)
    // The folder and its subfolders (each block kind's parsing is in `Blocks/`).
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") {
      let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for match in source.matches(of: /take\("([A-Za-z]+)"\)/) { keys.insert(String(match.1)) }
    }
    #expect(keys.count > 60, "the parser's keys are read from its source: \(keys.count) found")
    for key in keys.sorted() where key != "pageBreak" {
      let documented = Self.readme.contains("\(key):")
      #expect(documented, "no example of '\(key):' in Layouts/README.md")
    }
  }
}
