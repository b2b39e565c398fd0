import Testing
import WenshuDocuments

@testable import WenshuLayout

/// Amounts are added, subtracted, multiplied and divided in exact fen; counts print as counts.
@Suite("Format: arithmetic and number formatters")
struct ArithmeticTests {
  let formatters = DocumentCatalog.formatters

  func apply(_ name: String, _ value: DataValue, _ args: String...) throws -> String? {
    try #require(formatters[name]).apply(value, args).text
  }

  @Test("0.10 + 0.20 is 0.30 exactly, and differences are exact")
  func exactSums() throws {
    #expect(try apply("plus", .string("0.10"), "0.20") == "0.30")
    #expect(try apply("minus", .string("0.30"), "0.10") == "0.20")
    #expect(try apply("minus", .string("0.10"), "0.30") == "-0.20")
    #expect(try apply("plus", .string("999999999.99"), "0.01") == "1000000000.00")
  }

  @Test("division rounds to the fen as stated")
  func division() throws {
    #expect(try apply("divide", .string("100.00"), "3", "round: half-up") == "33.33")
    #expect(try apply("divide", .string("0.05"), "2", "round: half-up") == "0.03")
    #expect(try apply("divide", .string("0.05"), "2", "round: half-even") == "0.02")
    #expect(try apply("divide", .string("0.07"), "2", "round: half-even") == "0.04")
    #expect(try apply("divide", .string("0.05"), "2", "round: down") == "0.02")
    #expect(try apply("divide", .string("0.01"), "3", "round: up") == "0.01")
    #expect(try apply("divide", .string("-0.05"), "2", "round: half-up") == "-0.03")
  }

  @Test("division without its rounding, or by a literal 0, is refused when the layout is loaded")
  func divisionRefusedAtLoad() {
    for bad in ["{total | divide: 3}", "{total | divide: 3, round: nearest}", "{total | divide: 0, round: up}"] {
      #expect(throws: LayoutError.self, "\(bad)") { try Engine.parse(Engine.layout("  - text: \"\(bad)\"\n")) }
    }
  }

  @Test("a sum of counts is a count; of amounts, an amount")
  func sums() throws {
    let counts = DataValue.array([.object(DataObject(["a": .number("20")])), .object(DataObject(["a": .number("35")]))])
    #expect(try apply("sum", counts, "a") == "55")
    // A count may be any JSON spelling of its whole number (the `count` type accepts them all).
    let spelt = DataValue.array([
      .object(DataObject(["a": .number("955e0")])), .object(DataObject(["a": .number("4.5e1")])),
      .object(DataObject(["a": .number("0e0")])), .object(DataObject(["a": .number("10.0")])),
    ])
    #expect(try apply("sum", spelt, "a") == "1010")
    let amounts = DataValue.array([
      .object(DataObject(["a": .string("0.10")])), .object(DataObject(["a": .string("0.20")])),
    ])
    #expect(try apply("sum", amounts, "a") == "0.30")
  }

  @Test("thousands, percentages, joins and padded dates")
  func printing() throws {
    #expect(try apply("thousands", .number("20000")) == "20,000")
    #expect(try apply("thousands", .number("1234567")) == "1,234,567")
    #expect(try apply("thousands", .number("999")) == "999")
    #expect(try apply("percentOf", .number("55"), "55") == "100%")
    #expect(try apply("percentOf", .number("1"), "3") == "33%")
    #expect(try apply("percentOf", .number("2"), "3") == "67%")
    #expect(try apply("percentOf", .number("1"), "3", "1") == "33.3%")
    #expect(try apply("percentOf", .number("1"), "8", "2") == "12.50%")
    let plans = DataValue.array([.string("A类"), .string("B类")])
    #expect(try apply("join", plans, "、") == "A类、B类")
    let rows = DataValue.array([
      .object(DataObject(["name": .string("甲")])), .object(DataObject(["name": .string("乙")])),
    ])
    #expect(try apply("join", rows, "name", "、") == "甲、乙")
    #expect(try apply("date", .string("2025-04-01"), "padded") == "2025年04月01日")
    #expect(try apply("date", .string("2025-04-01")) == "2025年4月1日")
    #expect(try apply("dateUpper", .string("2025-04-01")) == "二〇二五年四月一日")
  }

  @Test("arithmetic in a check: 标准 × 人数 ÷ 份数 compared exactly")
  func inChecks() throws {
    let yaml = Engine.layout(
      "  - text: x\n",
      extra: """
        checks:
          - value: "{a | plus: $b}"
            equals: "{c | figures}"
            path: c
            message: 合计不符
        """)
    #expect(try Engine.problems(yaml, #"{"a": "0.10", "b": "0.20", "c": "0.30"}"#) == nil)
    let problems = try #require(try Engine.problems(yaml, #"{"a": "0.10", "b": "0.20", "c": "0.31"}"#))
    #expect(problems.map(\.path) == ["c"])
  }
}
