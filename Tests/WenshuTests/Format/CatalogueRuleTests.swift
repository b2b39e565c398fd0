import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

/// The catalogue's rules: a file's name agrees with what it says it is; two layouts never
/// answer for the same office; a document only some offices print needs the office.
@Suite("Format: catalogue rules")
struct CatalogueRuleTests {
  /// A layouts folder holding `files` (name → text) and the real office profiles.
  func catalog(_ files: [String: String]) throws -> DocumentCatalog {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("wenshu-catalogue-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: root) }
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    try fm.copyItem(
      at: Fixtures.root.appendingPathComponent("Layouts/offices"), to: root.appendingPathComponent("offices"))
    for (name, text) in files {
      try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return try DocumentCatalog(folder: root)
  }

  func layout(document: String = "demo", variant: String? = nil, offices: [String] = []) -> String {
    """
    document: \(document)
    \(variant.map { "variant: \($0)" } ?? "")
    offices: [\(offices.joined(separator: ", "))]
    metadata: { title: T, created: "2025-01-01" }
    body:
      - text: hi
    """
  }

  func error(_ files: [String: String]) -> LayoutError? {
    do { _ = try catalog(files); return nil } catch let e as LayoutError { return e } catch { return nil }
  }

  @Test("the file name must agree with document:, variant: and offices:, naming what disagrees")
  func names() throws {
    #expect(error(["demo.yaml": layout(offices: ["guangdong"])])?.message.contains("one of its offices") == true)
    #expect(
      error(["demo.guangdong.yaml": layout(document: "other", offices: ["guangdong"])])?.message
        .contains("does not start with its document 'other'") == true)
    #expect(error(["demo.yaml": layout(variant: "district")])?.message.contains("variant 'district'") == true)
    #expect(error(["demo.extra.yaml": layout()])?.message.contains("'extra'") == true)
    #expect(error(["demo.district.guangdong.yaml": layout(variant: "district", offices: ["guangdong"])]) == nil)
    let e = error(["demo.qingdao.yaml": layout(offices: ["guangdong"])])
    #expect(e?.file.hasSuffix("demo.qingdao.yaml") == true)
    #expect(e?.message.contains("demo.guangdong.yaml") == true, "says the name it expects: \(e?.message ?? "")")
  }

  @Test("overlapping office lists for one document and variant are refused, naming both files")
  func overlap() throws {
    let e = error([
      "demo.guangdong.yaml": layout(offices: ["guangdong"]),
      "demo.qingdao.yaml": layout(offices: ["qingdao", "guangdong"]),
    ])
    #expect(e?.message.contains("demo.guangdong.yaml") == true && e?.message.contains("demo.qingdao.yaml") == true)
    #expect(e?.message.contains("guangdong") == true, "\(e?.message ?? "")")
    #expect(
      error(["demo.guangdong.yaml": layout(offices: ["guangdong"]), "demo.qingdao.yaml": layout(offices: ["qingdao"])])
        == nil)
  }

  @Test("a document only some offices print has no layout without an office")
  func noOffice() throws {
    let c = try catalog(["demo.guangdong.yaml": layout(offices: ["guangdong"])])
    #expect(c.layout(document: "demo", office: nil, variant: "default") == nil)
    #expect(c.layout(document: "demo", office: "guangdong", variant: "default") != nil)
  }

  @Test("asked for without an office, the office-only form is an error listing the choices")
  func noOfficeRendered() throws {
    let json = String(decoding: try Fixtures.sample("overage-certificate", "guangdong-dispatch"), as: UTF8.self)
      .replacingOccurrences(of: "\"office\": \"guangdong\",", with: "")
    let failure = try Fixtures.withRenderer { renderer in
      Result { () throws(RenderFailure) in try renderer.render(document: "overage-certificate", json: Array(json.utf8))
      }
    }
    guard case .failure(let f) = failure else {
      Issue.record("printed Guangdong's dispatch certificate for no office")
      return
    }
    #expect(f.description.contains("office"), "\(f)")
    #expect(f.description.contains("dispatch (guangdong)"), "lists the choices: \(f)")
  }
}
