import Testing
import WenshuDocuments

@testable import WenshuLayout

/// A value worked out of several fields — a sum of products, a count plus a sum of counts —
/// written where it is printed or checked, and checked when the layout is loaded.
@Suite("Format: expressions in arguments and checks")
struct ExpressionTests {
  let parser = LayoutParser(file: "Layouts/test.yaml", formatters: DocumentCatalog.formatters, types: DomainTypes.all)

  /// The load error of a layout with this body (and `data:`, `checks:` in `extra`), or nil.
  func error(_ body: String, extra: String = "") -> LayoutError? {
    let yaml = "document: test\nmetadata: { title: T, created: \"2025-01-01\" }\n\(extra)body:\n\(body)"
    do { _ = try parser.parse(yaml); return nil } catch { return error }
  }

  /// The text printed by a one-line layout.
  func printed(_ template: String, _ json: String) throws -> String {
    try Engine.pages(Engine.layout("  - text: \"\(template)\"\n"), json).flatMap(\.lines).first ?? ""
  }

  static let fees = """
    checks:
      - each: rows
        value: "{prices.A | times: $a | plus: (prices.B | times: $b) | plus: (prices.C | times: $c)}"
        equals: "{fee | figures}"
        path: fee
        message: 保障费用不符
    """

  @Test("a sum of products is one expression: 26.00×2 + 50.00×3 + 0.10×7 checked exactly")
  func sumOfProducts() throws {
    let yaml = Engine.layout("  - text: x\n", extra: Self.fees)
    let prices = #""prices": {"A": "26.00", "B": "50.00", "C": "0.10"}"#
    let right = #"{\#(prices), "rows": [{"a": 2, "b": 3, "c": 7, "fee": "202.70"}]}"#
    #expect(try Engine.problems(yaml, right) == nil)
    let wrong =
      #"{\#(prices), "rows": [{"a": 2, "b": 3, "c": 7, "fee": "202.00"}, {"a": 0, "b": 0, "c": 0, "fee": "0"}]}"#
    let problems = try #require(try Engine.problems(yaml, wrong))
    #expect(problems.map(\.path) == ["rows[0].fee"])
    #expect(problems.first?.message.contains("（202.00 ≠ 202.70）") == true, "\(problems)")
    // Printed, nested: (a × (b + 1)) reads the inner field first.
    #expect(try printed("{p | times: (n | plus: 1) | money}", #"{"p": "1000.50", "n": 2}"#) == "3,001.50")
  }

  @Test("a count plus a sum of counts is a count, printed as one; the sum of no rows is 0")
  func counts() throws {
    let group = #"{"own": 386, "subs": [{"n": 412}, {"n": 488}]}"#
    #expect(try printed("{own | plus: (subs | sum: n)}", group) == "1286")
    #expect(try printed("{own | plus: (subs | sum: n) | thousands}", group) == "1,286")
    #expect(try printed("{own | plus: (subs | sum: n)}", #"{"own": 46, "subs": []}"#) == "46")
    #expect(try printed("{own | times: 3}", group) == "1158")
    #expect(try printed("{own | minus: 400}", group) == "-14")
    #expect(try printed("{subs | sum: n | money}", #"{"subs": []}"#) == "0.00")
    #expect(try printed("{own | plus: 0.50}", group) == "386.50", "a count plus an amount is an amount")
  }

  @Test("a check compares numbers by value (1286 = 1286.00, 0 = 0.00), anything else as text")
  func checkedNumbers() {
    #expect(CheckedNumber.same("1286", "1286.00"))
    #expect(CheckedNumber.same("0", "0.00"))
    #expect(CheckedNumber.same("-0.50", "-0.5"))
    #expect(!CheckedNumber.same("1286", "1286.01"))
    #expect(!CheckedNumber.same("0042", "42"), "a code with leading zeros is text")
    #expect(!CheckedNumber.same("1,286", "1286"))
    #expect(!CheckedNumber.same("12.", "12"))
    #expect(!CheckedNumber.same("-5", "5"))
  }

  @Test("a check with when: applies only where it holds, judged in each item with each:")
  func checkWhen() throws {
    let yaml = Engine.layout(
      "  - text: x\n",
      extra: """
        checks:
          - when: "{group}"
            value: "{subs | yesno}"
            equals: 是
            path: subs
            message: 集团应列出下属单位
          - each: rows
            when: { not: "{free}" }
            value: "{fee}"
            equals: "10.00"
            path: fee
            message: 费用应为 10.00
        """)
    #expect(try Engine.problems(yaml, #"{"group": false, "subs": [], "rows": []}"#) == nil)
    #expect(try Engine.problems(yaml, #"{"group": true, "subs": [], "rows": []}"#)?.map(\.path) == ["subs"])
    let rows = #"{"group": false, "subs": [], "rows": [{"free": true, "fee": "0"}, {"free": false, "fee": "9.00"}]}"#
    #expect(try Engine.problems(yaml, rows)?.map(\.path) == ["rows[1].fee"])
  }

  @Test("a check's when: is checked at load: a misspelt key, a field not in data:, a variable")
  func checkWhenAtLoad() {
    let data = "data: { group: boolean, n: count }\n"
    func check(_ when: String) -> String {
      "checks:\n  - { when: \(when), value: \"{n}\", equals: \"1\", path: n, message: m }\n"
    }
    #expect(error("  - text: x\n", extra: data + check("\"{group}\"")) == nil)
    let field = error("  - text: x\n", extra: data + check("\"{grup}\""))
    #expect(field?.message.contains("'grup' is not in the data") == true, "\(field?.message ?? "")")
    #expect(field?.line == 5)
    #expect(
      error("  - text: x\n", extra: data + check("{ nto: \"{group}\" }"))?.message.contains("did you mean 'not'")
        == true)
    #expect(error("  - text: x\n", extra: check("\"{@page}\""))?.message.contains("not available in a check") == true)
  }

  @Test("a check's path: is a path of the data (of the row, with each:), checked at load")
  func checkPathAtLoad() {
    let data = "data: { total: amount, lines: [{ amount: amount }] }\n"
    func check(_ path: String, each: String = "") -> LayoutError? {
      let c = "checks:\n  - { \(each)value: \"{total}\", equals: \"{total}\", path: \(path), message: m }\n"
      return error("  - text: x\n", extra: data + c)
    }
    #expect(check("total") == nil)
    #expect(check("amount", each: "each: lines, ") == nil)
    let misspelt = check("totl")
    #expect(
      misspelt?.message.contains("path: 'totl' is not in the data described under data: (did you mean 'total'?)")
        == true)
    #expect(misspelt?.line == 5)
    let outside = check("total", each: "each: lines, ")
    #expect(outside?.message.contains("with each: lines, a path in its items") == true, "\(outside?.message ?? "")")
  }

  @Test("an argument in parentheses is parsed and checked at load, blamed on its line")
  func parenthesesAtLoad() {
    let data = "data: { a: count, b: count, p: amount, d: date, name: text, rows: [{ x: amount }] }\n"
    func refused(_ template: String) -> LayoutError? { error("  - text: x\n  - text: \"\(template)\"\n", extra: data) }
    #expect(refused("{p | times: $a | plus: (p | times: $b)}") == nil)
    let unknown = refused("{p | plus: (p | tims: 2)}")
    #expect(unknown?.message.contains("did you mean 'times'") == true, "\(unknown?.message ?? "")")
    #expect(unknown?.description.hasPrefix("Layouts/test.yaml:6:") == true, "\(unknown?.description ?? "")")
    #expect(refused("{p | plus: (p | times: 2}")?.message.contains("'(' without its ')'") == true)
    #expect(refused("{p | plus: p | times: 2)}")?.message.contains("')' without its '('") == true)
    let dollar = refused("{p | plus: ($p | times: 2)}")
    #expect(dollar?.message.contains("without $: (p | times: 2)") == true, "\(dollar?.message ?? "")")
    let kind = refused("{p | plus: (d | date)}")
    #expect(kind?.message.contains("gives text, but 'plus' takes amount") == true, "\(kind?.message ?? "")")
    let declared = refused("{p | plus: (d)}")
    #expect(declared?.message.contains("it is date, but 'plus' takes amount") == true, "\(declared?.message ?? "")")
    let missing = refused("{p | plus: (q | times: 2)}")
    #expect(missing?.message.contains("'q' is not in the data") == true, "\(missing?.message ?? "")")
    let literal = refused("{p | plus: (p | divide: 3)}")
    #expect(literal?.message.contains("divide states its rounding") == true, "\(literal?.message ?? "")")
    let variable = refused("{p | plus: (@pageRows | sum: x)}")
    #expect(variable?.message.contains("{@pageRows} is not available in the body") == true)
  }

  @Test("a $path argument is checked at load: its path (a misspelling named with its likely intent), and its kind")
  func dollarArgumentsAtLoad() {
    let data = "data: { a: count, p: amount, name: text }\n"
    func refused(_ template: String) -> LayoutError? { error("  - text: \"\(template)\"\n", extra: data) }
    #expect(refused("{p | times: $a}") == nil)
    let misspelt = refused("{p | times: $aa}")
    #expect(
      misspelt?.message.contains("'aa' is not in the data described under data: (did you mean 'a'?)") == true,
      "\(misspelt?.message ?? "")")
    #expect(misspelt?.line == 5)
    let nested = error(
      "  - text: \"{p | times: $unit.insurd}\"\n", extra: "data: { p: amount, unit: { insured: count } }\n")
    #expect(nested?.message.contains("(did you mean 'insured'?)") == true, "\(nested?.message ?? "")")
    let kind = refused("{p | plus: $name}")
    #expect(kind?.message.contains("$name}: it is text, but 'plus' takes amount") == true, "\(kind?.message ?? "")")
  }
}
