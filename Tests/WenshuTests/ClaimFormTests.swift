import Foundation
import Testing
import WenshuLayout

/// The catalogue's one-page claim form: its sample fits; the sample whose attachments would
/// spill onto a second page (`samples/claim/refused/`) is refused, never printed on two.
@Suite("Claim form: one page or refused")
struct ClaimFormTests {
  static func refused() throws -> [UInt8] {
    [UInt8](
      try Data(
        contentsOf: Fixtures.root.appendingPathComponent("samples/claim/refused/shanghai-30-attachments.json")))
  }

  @Test("a claim whose attachments would take a second page is refused, naming the row and the overflow")
  func spillRefused() throws {
    let json = try Self.refused()
    let failure = try Fixtures.withRenderer { renderer -> RenderFailure? in
      do {
        _ = try renderer.renderPDF(document: "claim", json: json)
        return nil
      } catch let failure as RenderFailure {
        return failure
      }
    }
    guard case .data(let problems)? = failure else {
      Issue.record("expected the data refused, got \(String(describing: failure))")
      return
    }
    let fit = try #require(problems.first { $0.message.contains("pages: 1") }, "\(problems)")
    #expect(fit.path.hasPrefix("attachments["), "the first attachment past the page: \(fit.path)")
    #expect(fit.message.contains("Layouts/claim.yaml:"), "\(fit.message)")
    #expect(fit.message.contains(" mm"), "\(fit.message)")
  }

  @Test("the sample claim prints on exactly one page")
  func sampleFits() throws {
    let json = try Fixtures.sample("claim", "shanghai-6-attachments")
    let pages = try Fixtures.withRenderer {
      try $0.prepare(document: "claim", data: try $0.parse(document: "claim", json: json)).pageCount
    }
    #expect(pages == 1)
  }
}
