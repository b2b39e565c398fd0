import Foundation
import Testing

@Suite("Golden files: every sample renders as its committed pages and text")
struct GoldenTests {
  @Test("sample", arguments: Fixtures.samples.map { "\($0.0)/\($0.1)" })
  func sample(_ id: String) throws {
    let parts = id.split(separator: "/").map(String.init)
    let pdf = try Fixtures.withRenderer { try $0.renderPDF(document: parts[0], json: try Fixtures.sample(parts[0], parts[1])) }
    try GoldenFile.check(pdf: pdf, name: id)
  }
}
