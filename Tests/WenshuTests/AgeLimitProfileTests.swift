import Foundation
import Testing
import WenshuLayout
import WenshuRules

@testable import WenshuDocuments

/// Age limits are data in the office profiles, per office and activity.
@Suite("Age limits in office profiles", .serialized)
struct AgeLimitProfileTests {
  @Test(
    "each way a profile states a limit",
    arguments: [
      ("statutory", AgeLimit.statutoryRetirement(femaleCategory: .femaleWorker)),
      ("statutory(cadre)", .statutoryRetirement(femaleCategory: .femaleCadre)),
      ("none", .unlimited), ("65", .years(65)), ("60岁6个月", .age(RetirementAge(years: 60, months: 6))),
    ] as [(String, AgeLimit)])
  func limits(_ text: String, _ limit: AgeLimit) throws {
    #expect(try OfficeAgeLimits.limit(text, at: "ageLimits.fallback", file: "x.yaml") == limit)
  }

  @Test("a limit that is not one is refused, naming the file and field", arguments: ["sixty", "6", "60岁12个月", ""])
  func badLimit(_ text: String) {
    #expect(throws: LayoutError.self) { try OfficeAgeLimits.limit(text, at: "ageLimits.fallback", file: "x.yaml") }
    do { _ = try OfficeAgeLimits.limit(text, at: "ageLimits.fallback", file: "x.yaml") } catch {
      #expect(error.description.contains("x.yaml") && error.description.contains("ageLimits.fallback"))
    }
  }

  @Test("per activity, with a fallback")
  func perActivity() throws {
    let profile = try OfficeProfile.read(
      "ageLimits:\n  fallback: 65\n  activities:\n    退休职工互助保障: none\n", file: "x.yaml")
    let limits = try OfficeAgeLimits.read(profile, office: "test", file: "x.yaml")
    #expect(limits.limit(for: "退休职工互助保障") == .unlimited)
    #expect(limits.limit(for: "在职职工互助保障") == .years(65))
    #expect(
      try OfficeAgeLimits.read(.object(DataObject()), office: "test", file: "x.yaml") == AgeLimits(office: "test"))
  }

  /// The same over-age list, printed under a profile whose limit nobody on it reaches: the
  /// certificates follow the profile, so there is none to print and the data is refused.
  @Test("the over-age certificates follow the office's profile")
  func certificatesFollowTheProfile() throws {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("wenshu-limits-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: root) }
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    try fm.copyItem(at: Fixtures.root.appendingPathComponent("Layouts"), to: root.appendingPathComponent("Layouts"))
    try fm.createSymbolicLink(
      at: root.appendingPathComponent("fonts"), withDestinationURL: Fixtures.root.appendingPathComponent("fonts"))
    let henan = root.appendingPathComponent("Layouts/offices/henan.yaml")
    let text = try String(contentsOf: henan, encoding: .utf8).replacingOccurrences(
      of: "  fallback: statutory", with: "  fallback: \"70\"")
    try text.write(to: henan, atomically: true, encoding: .utf8)
    let renderer = try DocumentRenderer(home: WenshuHome(root: root), document: "overage-certificate")
    let json = try Fixtures.sample("overage-certificate", "henan")
    let result = Result { () throws(RenderFailure) in try renderer.render(document: "overage-certificate", json: json) }
    guard case .failure(let failure) = result else {
      Issue.record("printed certificates for members under the office's limit of 70")
      return
    }
    #expect(failure.description.contains("members: 名单中没有人在 2025-03-01 超过年龄上限"), "\(failure)")
  }
}
