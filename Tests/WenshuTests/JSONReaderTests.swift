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

  @Test(
    "malformed input says where",
    arguments: [
      ("{\"a\": }", 1, 7), ("[1,\n 2,,]", 2, 4), ("{\"a\":1,\"a\":2}", 1, 8), ("\"abc", 1, 5), ("[1] x", 1, 5),
      // A row that starts with the keys of the row before it, and then repeats one of them.
      (#"[{"a":1,"b":2},{"a":1,"a":2}]"#, 1, 23), (#"[{"a":1,"b":2},{"b":1,"b":2}]"#, 1, 23),
    ])
  func errors(_ input: String, _ line: Int, _ column: Int) {
    do {
      _ = try JSONReader.parse(Array(input.utf8))
      Issue.record("accepted \(input)")
    } catch {
      #expect(error.line == line && error.column == column, "\(error)")
    }
  }

  @Test("rows with the same keys share one table of them; a row with other keys, fewer or more, has its own")
  func rowsShareTheirKeys() throws {
    let json = #"[{"a":1,"b":2},{"a":3,"b":4},{"b":5,"a":6},{"a":7},{"a":8,"b":9,"c":10},{"a":11,"b":12},{}]"#
    guard case .array(let rows) = try parse(json) else { Issue.record("not an array"); return }
    let objects = rows.map { if case .object(let o) = $0 { o } else { DataObject() } }
    #expect(objects.map(\.keys) == [["a", "b"], ["a", "b"], ["b", "a"], ["a"], ["a", "b", "c"], ["a", "b"], []])
    #expect(objects.map { $0["a"]?.text } == ["1", "3", "6", "7", "8", "11", nil])
    #expect(objects[0].shape === objects[1].shape && objects[0].shape === objects[5].shape)
    // Keys in any order (as a hash map writes them): each order read once.
    let again = try parse(#"[{"a":1,"b":2},{"b":3,"a":4},{"a":5,"b":6},{"b":7,"a":8}]"#)
    guard case .array(let mixed) = again else { return }
    let shapes = mixed.map { if case .object(let o) = $0 { o.shape } else { DataShape.empty } }
    #expect(shapes[0] === shapes[2] && shapes[1] === shapes[3] && shapes[0] !== shapes[1])
    // A field added to rows alike (a member's derived one) leaves them sharing.
    var (first, second) = (objects[0], objects[1])
    first["d"] = .null
    second["d"] = .bool(true)
    #expect(first.shape === second.shape && first.keys == ["a", "b", "d"] && second["d"] == .bool(true))
  }

  /// Long texts read lately are kept to be shared (4 of each length): more of one length
  /// than that, in turns, are each still read as written.
  @Test func longTextsOfOneLengthInTurns() throws {
    let texts = (0..<10).map { "保障活动第\($0)号" + String(repeating: "x", count: 12) }
    let order = (0..<60).map { texts[($0 * 7 + $0 / 10) % texts.count] }
    let json = "[" + order.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    #expect(try parse(json) == .array(order.map { .string($0) }))
  }

  @Test func invalidUTF8() {
    #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse([0x22, 0xFF, 0x22]) }
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONReader.SyntaxError.self) { try parse(deep) }
  }

  /// Text is composed (NFC) where it enters, escaped or not; text NFC leaves alone is kept.
  @Test(
    "text values are in NFC",
    arguments: [
      ("\"Nguye\u{302}\u{323}n\"", "Nguy\u{1EC7}n"), (#""Nguye\u0302\u0323n""#, "Nguy\u{1EC7}n"),
      ("\"A\u{30A}\"", "\u{C5}"), ("\"\u{304B}\u{3099}\"", "\u{304C}"), ("\"\u{F900}\"", "\u{8C48}"),
      ("\"辻\u{E0100}\"", "辻\u{E0100}"), ("\"王丽娟 ０１\"", "王丽娟 ０１"), ("\"𪛖\"", "𪛖"),
    ] as [(String, String)])
  func composed(_ json: String, _ expected: String) throws {
    guard case .string(let s) = try parse(json) else { Issue.record("not a string"); return }
    #expect(Array(s.unicodeScalars) == Array(expected.unicodeScalars))
  }

  /// The reader checks UTF-8 itself (see `isWellFormedUTF8`): it must accept and refuse
  /// exactly what the standard library's checking initialiser does, over byte strings drawn
  /// around the edges of the encoding (overlong forms, surrogates, past U+10FFFF, cut short).
  @Test("a string's bytes are accepted exactly when they are well-formed UTF-8")
  func utf8CheckedAsTheStandardLibraryDoes() {
    // Whole characters at the edges of each length, and single bytes around the edges.
    let pieces: [[UInt8]] =
      [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE4, 0xB8, 0xAD], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
      ]
      + [
        0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4,
        0xF5, 0xFF,
      ].map { [$0] }
    var generator = SystemRandomNumberGenerator()
    var refused = 0
    for _ in 0..<20_000 {
      let body = (0..<Int.random(in: 1...4, using: &generator)).flatMap { _ in
        pieces.randomElement(using: &generator)!
      }
      let wellFormed = String(validating: body, as: UTF8.self) != nil
      let read = try? JSONReader.parse([0x22] + body + [0x22])
      #expect((read != nil) == wellFormed, "\(body.map { String($0, radix: 16) })")
      if !wellFormed { refused += 1 }
    }
    #expect(refused > 2000 && refused < 18_000)  // both sides of the line were tried
  }

  @Test("a stopped read stops part-way through a long list and says it was stopped; unstopped, it reads it all")
  func stopsWhenCancelled() throws {
    let json = Array(
      ("[" + Array(repeating: #"{"name": "张三", "n": 1}"#, count: 50_000).joined(separator: ",") + "]").utf8)
    let stop = RenderCancellation()
    stop.cancel()
    #expect {
      try JSONReader.parse(json, cancellation: stop)
    } throws: { error in
      (error as? JSONReader.SyntaxError)?.stopped == true
    }
    guard case .array(let items) = try JSONReader.parse(json, cancellation: RenderCancellation()) else {
      Issue.record("not an array")
      return
    }
    #expect(items.count == 50_000)
  }
}
