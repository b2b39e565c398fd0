import Testing
import WenshuLayout

@Suite("JSON reader")
struct JSONReaderTests {
  func parse(_ s: String) throws -> DataValue { try JSONReader.parse(Array(s.utf8)) }

  @Test func numbersKeepTheirText() throws {
    let v = try parse(#"{"a": 123444.00, "b": -0, "c": 1e9}"#)
    #expect(v["a"] == .number("123444.00"))
    #expect(v["b"] == .number("-0"))
    #expect(v["c"] == .number("1e9"))
  }

  @Test func escapesAndSurrogates() throws {
    #expect(try parse(#""\ud869\udedf·\n""#) == .string("\u{2A6DF}·\n"))
  }

  @Test("malformed input says where", arguments: [
    ("{\"a\": }", 1, 7), ("[1,\n 2,,]", 2, 4), ("{\"a\":1,\"a\":2}", 1, 8), ("\"abc", 1, 5), ("[1] x", 1, 5),
  ])
  func errors(_ input: String, _ line: Int, _ column: Int) {
    do {
      _ = try JSONReader.parse(Array(input.utf8))
      Issue.record("accepted \(input)")
    } catch {
      #expect(error.line == line && error.column == column, "\(error)")
    }
  }

  @Test func invalidUTF8() {
    #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse([0x22, 0xFF, 0x22]) }
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONReader.SyntaxError.self) { try parse(deep) }
  }
}
