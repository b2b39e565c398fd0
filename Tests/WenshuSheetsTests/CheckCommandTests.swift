import Foundation
import Testing

/// `wenshu check`: a layout and its samples checked at once, no PDF written.
@Suite("wenshu check", .serialized)
struct CheckCommandTests {
  @Test("a clean layout with its samples: exit 0, each sample counted")
  func clean() throws {
    let r = try wenshu(["check", "Layouts/overage-certificate.yaml"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(String(decoding: r.stdout, as: UTF8.self).contains("4 sample(s) checked, 0 with problems"))
  }

  @Test("a layout that extends another is checked with its base, from its own folder or Layouts/")
  func extendsAnother() throws {
    let r = try wenshu(["check", "Layouts/payment-notice.guangdong.yaml"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(String(decoding: r.stdout, as: UTF8.self).contains("0 with problems"))
  }

  @Test("every sample's problems with its file and JSON path; exit 65")
  func badSamples() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = try String(
      contentsOf: SheetFixtures.root.appendingPathComponent("samples/overage-certificate/henan.json"), encoding: .utf8)
    let first = folder.appendingPathComponent("first.json")
    let second = folder.appendingPathComponent("second.json")
    try sample.replacingOccurrences(of: "410303199307043877", with: "410303199307043870").write(
      to: first, atomically: true, encoding: .utf8)
    try sample.replacingOccurrences(of: "\"2025-02-25\"", with: "\"2025-02-30\"").write(
      to: second, atomically: true, encoding: .utf8)
    let r = try wenshu(["check", "Layouts/overage-certificate.yaml", first.path, second.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(first.path): members[0].idNumber: 校验位错误"), "\(r.stderr)")
    #expect(r.stderr.contains("\(second.path): signedAt:"), "\(r.stderr)")
    #expect(String(decoding: r.stdout, as: UTF8.self).contains("2 sample(s) checked, 2 with problems"))
  }

  @Test("a broken layout: its file and line; exit 65")
  func brokenLayout() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: file) }
    let text = try String(
      contentsOf: SheetFixtures.root.appendingPathComponent("Layouts/overage-certificate.yaml"), encoding: .utf8)
    try text.replacingOccurrences(of: "\nbody:", with: "\nbdy:").write(to: file, atomically: true, encoding: .utf8)
    let r = try wenshu(["check", file.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(file.path):4: the layout needs 'body'"), "\(r.stderr)")
  }
}
