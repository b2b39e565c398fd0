import Foundation
import Testing

/// `serve` and `preview` refuse to start open or with a key file they cannot trust.
@Suite("Access on the command line")
struct AccessCLITests {
  static func keyFile(_ text: String) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).yaml")
    try Data(text.utf8).write(to: file)
    return file
  }

  /// `wenshu` under a hang guard (a server that starts when it should not is killed, 124).
  static func wenshu(_ args: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    let binary =
      FileManager.default.fileExists(atPath: CLITests.binary)
      ? CLITests.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
    return try run("timeout", ["120", binary] + args)
  }

  @Test("preview beyond loopback without a key does not start (exit 78)")
  func previewNeedsKey() throws {
    let r = try Self.wenshu(["preview", "--host", "0.0.0.0", "--port", "0"])
    #expect(r.status == 78)
    #expect(r.stderr.contains("no API keys configured: refusing to listen on 0.0.0.0"), "\(r.stderr)")
  }

  @Test("serve with a key file of plain keys, or naming an unknown office, does not start (exit 78)")
  func badKeyFile() throws {
    let plain = try Self.keyFile("s3cret-key\n")
    let typo = try Self.keyFile(
      "keys:\n  - {id: q, sha256: e8511b5a0a652365cd95fb92ba6997ee384f8b2722017d865a692b485cf283ce, offices: [qingdoa]}\n"
    )
    defer { for file in [plain, typo] { try? FileManager.default.removeItem(at: file) } }
    let r = try Self.wenshu(["serve", "--port", "0", "--api-keys-file", plain.path])
    #expect(r.status == 78)
    #expect(r.stderr.contains("plain keys, one per line, go in WENSHU_API_KEYS"), "\(r.stderr)")
    let t = try Self.wenshu(["serve", "--port", "0", "--api-keys-file", typo.path])
    #expect(t.status == 78)
    #expect(t.stderr.contains("key 'q': no office 'qingdoa'"), "\(t.stderr)")
  }
}
