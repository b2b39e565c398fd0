import Foundation
import Testing

/// The bad-input matrix through the command line: each case a clear error naming the field
/// (exit 65, problems on stderr, nothing written), never a crash, a hang or a half file.
@Suite("Bad input")
struct BadInputTests {
  static let base = String(decoding: (try? Fixtures.sample("confirmation", "henan-12")) ?? [], as: UTF8.self)

  /// (what, JSON text, a fragment stderr must contain)
  static let cases: [(String, String, String)] = [
    ("malformed JSON", "{\"office\": \"henan\",", "JSON syntax error"),
    ("NUL in the office id", "{\"office\": \"\\u0000\"}", "office"),
    ("NUL in a name", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"王\\u0000丽娟\""), "unit.contact: 含有控制字符 U+0000"),
    ("wrong type", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : [1]"), "total: 应为金额"),
    (
      "missing field",
      base.replacingOccurrences(of: "\"printedAt\" : \"2025-02-25\",", with: "").replacingOccurrences(
        of: ",\n  \"printedAt\" : \"2025-02-25\"", with: ""), "printedAt: 缺少此项"
    ),
    (
      "unknown field",
      base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"960.00\", \"totl\": 1"), "totl: 未知字段"
    ),
    (
      "amount with exponent", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"1e9\""),
      "total: 金额不能用科学计数法"
    ),
    (
      "amount as a JSON number", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : 960.00"),
      "total: 金额应写成文字"
    ),
    (
      "amount with three decimals",
      base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"12.345\""), "total: 金额最多两位小数"
    ),
    (
      "amount NaN", base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : NaN"),
      "JSON syntax error"
    ),
    (
      "amount with currency sign",
      base.replacingOccurrences(of: "\"total\" : \"960.00\"", with: "\"total\" : \"¥100\""), "total: 金额不能带货币符号"
    ),
    (
      "impossible date",
      base.replacingOccurrences(of: "\"printedAt\" : \"2025-02-25\"", with: "\"printedAt\" : \"2025-02-30\""),
      "printedAt: 日期不存在"
    ),
    // HanaMinA draws the oldest emoji (😀), so the case takes a newer one no bundled font has.
    ("emoji no font has", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"王丽娟\u{1FAE0}\""), "unit.contact: U+1FAE0"),
    (
      "a character no font has", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"王\u{2A6D7}\""),
      "unit.contact: U+2A6D7"
    ),
    (
      "right-to-left override", base.replacingOccurrences(of: "\"王丽娟\"", with: "\"王\\u202E丽娟\""),
      "unit.contact: 含有文字方向控制字符 U+202E"
    ),
    (
      "a 1 MB string",
      base.replacingOccurrences(of: "\"王丽娟\"", with: "\"" + String(repeating: "王", count: 1_000_000) + "\""),
      "unit.contact: 文字过长"
    ),
    (
      "deep nesting", String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
      "nested more than 64 levels"
    ),
    ("not an object", "[1, 2, 3]", "应为对象"),
    ("empty input", "", "JSON syntax error"),
  ]

  @Test("each bad input is a clear error", arguments: cases.map(\.0))
  func badInput(_ name: String) throws {
    let (_, json, expected) = Self.cases.first { $0.0 == name }!
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).pdf")
    let r = try CLITests().wenshu(["print", "confirmation", "-", "-o", out.path], stdin: Array(json.utf8))
    #expect(r.status == 65, "\(name): exit \(r.status)")
    #expect(r.stderr.contains(expected), "\(name): \(r.stderr.prefix(400))")
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Backtrace"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("invalid UTF-8 bytes are refused as such")
  func invalidUTF8() throws {
    var bytes = Array("{\"office\": \"".utf8)
    bytes += [0xC3, 0x28]
    bytes += Array("\"}".utf8)
    let r = try CLITests().wenshu(["print", "confirmation", "-", "-o", "-"], stdin: bytes)
    #expect(r.status == 65)
    #expect(r.stderr.contains("not valid UTF-8"))
  }
}
