import Foundation
import Testing

@Suite("Golden files: every sample renders as its committed pages and text")
struct GoldenTests {
  @Test("sample", arguments: Fixtures.samples.map { "\($0.0)/\($0.1)" })
  func sample(_ id: String) throws {
    let parts = id.split(separator: "/").map(String.init)
    let pdf = try Fixtures.withRenderer {
      try $0.renderPDF(document: parts[0], json: try Fixtures.sample(parts[0], parts[1]))
    }
    try GoldenFile.check(pdf: pdf, name: id)
  }

  @Test("every reference folder belongs to a sample")
  func noReferencesWithoutSample() throws {
    let fm = FileManager.default
    let samples = Set(Fixtures.samples.map { "\($0.0)/\($0.1)" })
    var folders: [String] = []
    for document in try fm.contentsOfDirectory(atPath: Fixtures.goldenFolder.path).sorted() {
      let documentFolder = Fixtures.goldenFolder.appendingPathComponent(document)
      var isFolder: ObjCBool = false
      guard fm.fileExists(atPath: documentFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
        Issue.record("Tests/WenshuTests/Golden/\(document) is not a document's folder of references")
        continue
      }
      folders += try fm.contentsOfDirectory(atPath: documentFolder.path).sorted().map { "\(document)/\($0)" }
    }
    #expect(!folders.isEmpty, "no references found in \(Fixtures.goldenFolder.path)")
    for folder in folders where !samples.contains(folder) {
      Issue.record(
        "Tests/WenshuTests/Golden/\(folder) has no sample (samples/\(folder).json is gone): restore the sample or git rm -r the folder"
      )
    }
  }
}
