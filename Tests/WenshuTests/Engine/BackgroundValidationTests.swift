import Foundation
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// A long list's data is checked against its schema on another core while the first pass
/// counts the pages. The caller must see exactly what it saw when the check ran first.
@Suite("Engine: the schema check beside the count")
struct BackgroundValidationTests {
  static let layout = Engine.layout(
    """
      - table:
          rows: rows
          columns:
            - { header: 序号, value: "{n}", width: 1 }
            - { header: 代码, value: "{code}", width: 3 }
    """,
    extra: """
      data:
        rows:
          - { n: count, code: creditCode (warning) }
      """)

  /// `count` rows, row `bad` (if any) with a count that is not one, row `warned` (if any)
  /// with a credit code that fails its check digit.
  static func rows(_ count: Int, bad: Int? = nil, warned: Int? = nil) -> String {
    let rows = (0..<count).map { i in
      let n = i == bad ? "\"十二\"" : String(i + 1)
      let code = i == warned ? "91310115MA1K3YJ123" : "91310115MA1K3YJ12G"
      return "{\"n\": \(n), \"code\": \"\(code)\"}"
    }
    return "{\"rows\": [\(rows.joined(separator: ","))]}"
  }

  /// The problems a render of `json` reports (nil: it renders), with the domain's types.
  static func problems(_ json: String) throws -> [DataProblem]? {
    do {
      let prepared = try prepare(json)
      try prepared.forEachPage { _ in }
      return nil
    } catch let failure as RenderFailure {
      guard case .data(let problems) = failure else { throw failure }
      return problems
    }
  }

  static func prepare(_ json: String) throws -> PreparedDocument {
    let layout = try DocumentLayouts.parser(
      file: "test.yaml", imagesFolder: Fixtures.root.appendingPathComponent("Layouts/images").path
    ).parse(Self.layout)
    let data = try JSONReader.parse(Array(json.utf8))
    return try Engine.withFonts { fonts in
      try LayoutEngine(layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
        .prepare(data)
    }
  }

  @Test("a long list that fails its schema is refused with the schema's problems, as a short one is")
  func longListRefusedLikeShortOne() throws {
    #expect(BackgroundValidation.worthwhile(for: try JSONReader.parse(Array(Self.rows(600).utf8))))
    #expect(!BackgroundValidation.worthwhile(for: try JSONReader.parse(Array(Self.rows(20).utf8))))
    let short = try Self.problems(Self.rows(20, bad: 17))
    let long = try Self.problems(Self.rows(600, bad: 17))
    #expect(short?.map(\.path) == ["rows[17].n"])
    #expect(long?.map(\.path) == short?.map(\.path))
    #expect(long?.map(\.message) == short?.map(\.message))
  }

  @Test("a long list's warnings reach the caller, and the pages are those of the list checked first")
  func longListWarningsKept() throws {
    let prepared = try Self.prepare(Self.rows(600, warned: 433))
    #expect(prepared.warnings.map(\.path) == ["rows[433].code"])
    var pages = 0
    try Engine.withFonts { _ in try prepared.forEachPage { _ in pages += 1 } }
    #expect(pages == prepared.pageCount && pages > 10)
  }
}
