import Foundation
import Testing

/// `wenshu print` shows pages done of all while a long document is laid out, on standard error
/// when it is a terminal, and nothing when it is a pipe or a file (a script's log).
@Suite("print: progress on a terminal only")
struct ProgressTests {
  static let long = Fixtures.root.appendingPathComponent("samples/confirmation/henan-2000.json").path

  func binary() -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("wenshu").path
    return FileManager.default.fileExists(atPath: beside)
      ? beside : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
  }

  @Test("a 59-page print to a pipe: no progress on standard error", arguments: ["pdf", "ofd"])
  func quietOnAPipe(format: String) throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).\(format)")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try run(binary(), ["print", "confirmation", Self.long, "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("页 (pages)"), "\(r.stderr)")
  }

  @Test(
    "the same print with standard error on a terminal (script(1) gives it one): pages done of 59",
    arguments: ["pdf", "ofd"])
  func shownOnATerminal(format: String) throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).\(format)")
    defer { try? FileManager.default.removeItem(at: out) }
    let command = [binary(), "print", "confirmation", Self.long, "-o", out.path]
      .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let r = try run("script", ["-q", "-e", "-c", command, "/dev/null"])
    let shown = String(decoding: r.stdout, as: UTF8.self)
    #expect(r.status == 0, "\(shown) \(r.stderr)")
    #expect(shown.contains("排版 59/59 页 (pages)"), "\(shown)")
    #expect(try Data(contentsOf: out).count > 10_000)
  }
}
