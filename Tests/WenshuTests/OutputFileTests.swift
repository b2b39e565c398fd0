import Foundation
import Testing

/// `print -o`: the output holds names and ID numbers, so its mode, a read-only target, a
/// full disk and a killed run's leftovers are handled on purpose.
@Suite("output files")
struct OutputFileTests {
  let cli = CLITests()

  /// A fresh folder, removed afterwards by the caller.
  func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func mode(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test("standard output on a full disk: exit 74 with a message, not a crash")
  func fullDiskStdout() throws {
    let r = try run("sh", ["-c", "exec \"$0\" print confirmation \"$1\" -o - > /dev/full", binary, CLITests.sample])
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(r.stderr)")
  }

  @Test("a device that is full (-o /dev/full): exit 74 with a message")
  func fullDevice() throws {
    let r = try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", "/dev/full"])
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
  }

  @Test("a new file is 0600; a replaced file keeps its mode")
  func modes() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fresh = folder.appendingPathComponent("new.pdf")
    #expect(try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", fresh.path]).status == 0)
    #expect(try mode(fresh) == 0o600)
    let shared = folder.appendingPathComponent("shared.pdf")
    for kept in [0o600, 0o640] {
      try Data("old".utf8).write(to: shared)
      try FileManager.default.setAttributes([.posixPermissions: kept], ofItemAtPath: shared.path)
      #expect(try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", shared.path]).status == 0)
      #expect(try mode(shared) == kept)
      #expect(try Data(contentsOf: shared).starts(with: Data("%PDF-".utf8)))
    }
  }

  @Test("a read-only file is refused (exit 73, untouched) unless --force, which keeps its mode")
  func readOnly() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("signed.pdf")
    try Data("old".utf8).write(to: target)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target.path)
    let refused = try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", target.path])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("is read-only; use --force"), "\(refused.stderr)")
    #expect(try Data(contentsOf: target) == Data("old".utf8))
    let forced = try cli.wenshu(["print", "confirmation", CLITests.sample, "-o", target.path, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try Data(contentsOf: target).starts(with: Data("%PDF-".utf8)))
    #expect(try mode(target) == 0o444)
  }

  @Test("a killed run's temporary files (this and the old name form) are removed by the next write; a live one's kept")
  func staleTemporaryFiles() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A process id that has just ended.
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let dead = ended.processIdentifier
    let live = ProcessInfo.processInfo.processIdentifier
    let stale = [".p.pdf.wenshu-\(dead).tmp", ".other.pdf.wenshu-\(dead).tmp", ".p.pdf.\(dead).tmp"]
    let kept = [".p.pdf.wenshu-\(live).tmp", ".notes.txt.\(dead).tmp", "p.pdf.wenshu-\(dead).tmp"]
    for name in stale + kept {
      try Data("half a PDF".utf8).write(to: folder.appendingPathComponent(name))
    }
    let r = try cli.wenshu([
      "print", "confirmation", CLITests.sample, "-o", folder.appendingPathComponent("p.pdf").path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(left == Set(kept + ["p.pdf"]))
  }

  var binary: String {
    FileManager.default.fileExists(atPath: CLITests.binary)
      ? CLITests.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
  }
}
