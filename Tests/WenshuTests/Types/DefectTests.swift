import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

/// One test per defect of issue 21, each on the shipped layouts and samples (or a new form a
/// layout author would write), each refused with its path.
@Suite("Types: the defects of issue 21", .serialized)
struct DefectTests {
  static func problems(_ document: String, _ sample: String, _ edits: [(String, DataValue?)]) throws -> [DataProblem] {
    try CrossCheckTests.problems(document, try CrossCheckTests.sample(document, sample, edits))
  }

  static func has(_ problems: [DataProblem], _ path: String, _ fragment: String) -> Bool {
    problems.contains { $0.path == path && $0.message.contains(fragment) }
  }

  @Test("a claim form's applicant.idNumber and a union list's unions[].members[].idNumber are checked")
  func identityOutsideMembers() throws {
    let layout = """
      document: claim
      metadata: { title: T, created: "2025-01-01" }
      data:
        printedAt: date
        applicant: { name: personName, idNumber: idNumber, sex: sex? }
        unions:
          - { name: text, members (unique idNumber): [ { name: personName, idNumber: idNumber } ] }
      body:
        - text: "{applicant.name} {applicant.sex}"
      """
    let renderer = try TypedLayouts.renderer(["claim.yaml": layout])
    let good = TypeRuleTests.residentID("41010519700923342")
    func data(_ applicant: String, _ member: String, _ second: String) -> DataValue {
      .object([
        "printedAt": .string("2025-03-01"),
        "applicant": .object(["name": .string("张三"), "idNumber": .string(applicant)]),
        "unions": .array([
          .object([
            "name": .string("一会"), "members": .array([.object(["name": .string("李四"), "idNumber": .string(member)])]),
          ]),
          .object([
            "name": .string("二会"), "members": .array([.object(["name": .string("王五"), "idNumber": .string(second)])]),
          ]),
        ]),
      ])
    }
    let other = TypeRuleTests.residentID("41010519800101001")
    #expect(try TypedLayouts.problems(renderer, "claim", data(good, other, good)) == [])
    let bad = try TypedLayouts.problems(renderer, "claim", data("abc", String(good.prefix(17)), other))
    #expect(bad.contains { $0.path == "applicant.idNumber" }, "\(bad)")
    #expect(bad.contains { $0.path == "unions[0].members[0].idNumber" }, "\(bad)")
    let twice = try TypedLayouts.problems(renderer, "claim", data(good, other, other))
    #expect(
      twice.contains { $0.path == "unions[1].members[0].idNumber" && $0.message.contains("unions[0].members[0]") },
      "a number twice across two unions: \(twice)")
  }

  @Test("the 确认书's counting checks are the layout's: a renamed copy keeps them")
  func countingTravelsWithTheLayout() throws {
    let text = try String(
      contentsOf: Fixtures.root.appendingPathComponent("Layouts/confirmation.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "document: confirmation", with: "document: membership")
    let renderer = try TypedLayouts.renderer(["membership.yaml": text])
    var data = try CrossCheckTests.sample(
      "confirmation", "henan-12",
      [
        ("activities.0.memberCount", .number("13")), ("activities.0.amount", .string("1040.00")),
        ("total", .string("1040.00")),
      ])
    let problems = try TypedLayouts.problems(renderer, "membership", data)
    #expect(Self.has(problems, "activities[0].memberCount", "（13 ≠ 12）"), "\(problems)")
    data = try CrossCheckTests.sample("confirmation", "henan-12", [("members", .array([]))])
    #expect(Self.has(try TypedLayouts.problems(renderer, "membership", data), "members", "会员名单为空"))
  }

  @Test("DocumentChecks names no document and no field of one")
  func noNamesInDocumentChecks() throws {
    let source = try String(
      contentsOf: Fixtures.root.appendingPathComponent("Sources/WenshuDocuments/DocumentChecks.swift"), encoding: .utf8)
    for name in try Fixtures.withRenderer({ $0.catalog.documents }) {
      #expect(!source.contains("\"\(name)\""), "DocumentChecks names \(name)")
    }
    // The data is read only where the layout's rule says (`inputs[…]`), never by a field's name.
    #expect(!source.contains("data[\""), "DocumentChecks reads a data field by name")
  }

  @Test("required text that shows nothing is refused: an empty 缴款单号, a Hangul-filler name")
  func requiredMeansVisible() throws {
    #expect(
      Self.has(try Self.problems("payment-notice", "guangdong", [("slipNumber", .string(""))]), "slipNumber", "编号为空"))
    for blank in ["\u{3164}", "\u{115F}", "\u{2800}"] {
      let problems = try Self.problems("confirmation", "henan-12", [("members.4.name", .string(blank))])
      #expect(Self.has(problems, "members[4].name", "内容为空白"), "\(problems)")
    }
  }

  @Test("negative amounts are refused: a payment notice's total, a 确认书's activity")
  func negativeAmounts() throws {
    let notice = try Self.problems("payment-notice", "guangdong", [("total", .string("-8550.00"))])
    #expect(Self.has(notice, "total", "金额不能为负数"), "\(notice)")
    let confirmation = try Self.problems("confirmation", "henan-12", [("activities.0.amount", .string("-960.00"))])
    #expect(Self.has(confirmation, "activities[0].amount", "金额不能为负数"), "\(confirmation)")
  }

  @Test("a soft hyphen inside slipNumber or confirmationNumber is refused")
  func softHyphen() throws {
    let slip = try Self.problems("payment-notice", "guangdong", [("slipNumber", .string("JK4401\u{00AD}202503150027"))])
    #expect(Self.has(slip, "slipNumber", "U+00AD"), "\(slip)")
    let number = try Self.problems(
      "confirmation", "henan-12", [("confirmationNumber", .string("G1600\u{00AD}2025022510000694"))])
    #expect(Self.has(number, "confirmationNumber", "U+00AD"), "\(number)")
  }

  /// The load error of a layout `demo.yaml` with these `data:` and `body:` text lines.
  static func loadError(data: String, body: String, checks: String = "") -> LayoutError? {
    let layout = """
      document: demo
      metadata: { title: T, created: "2025-01-01" }
      data:
      \(data)
      \(checks)
      body:
        - text: "\(body)"
      """
    do {
      _ = try TypedLayouts.renderer(["demo.yaml": layout])
      return nil
    } catch let e as LayoutError { return e } catch { return nil }
  }

  @Test("a headcount through rmb, a misspelt sum: field and sum: of a text are refused at load, with the line")
  func formatterKinds() throws {
    let data = "  invoices:\n    - { name: text, amount: amount, staff: count }"
    let rmb = Self.loadError(data: data, body: "{invoices | sum: staff | rmb}")
    #expect(rmb?.message.contains("'rmb' takes amount only") == true, "\(String(describing: rmb))")
    #expect(rmb?.line == 8)
    let typo = Self.loadError(data: data, body: "{invoices | sum: amout}")
    #expect(typo?.message.contains("did you mean 'amount'?") == true, "\(String(describing: typo))")
    let text = Self.loadError(data: data, body: "{invoices | sum: name}")
    #expect(text?.message.contains("'name' is text in data:") == true, "\(String(describing: text))")
    #expect(
      Self.loadError(data: data, body: "{invoices | sum: amount | rmb} {invoices | sum: staff | thousands}") == nil)
  }

  @Test("a malformed mask pattern is refused at load")
  func maskPattern() {
    let e = Self.loadError(data: "  id: idNumber", body: "{id | maskID: 4#*}")
    #expect(e?.message.contains("掩码格式错误") == true, "\(String(describing: e))")
    #expect(Self.loadError(data: "  id: idNumber", body: "{id | maskID: 6*4}") == nil)
  }

  @Test("a rule or a check reading what data: does not declare is a load error with the line")
  func rulesCheckedAtLoad() {
    let data = "  startDate: date\n  people:\n    - { name: personName, idNumber: idNumber, activity: text }"
    let unknown = Self.loadError(
      data: data, body: "x", checks: "checks:\n  - rule: overAgeMember\n    members: people\n    startDate: startDate")
    #expect(unknown?.message.contains("did you mean 'overAgeMembers'?") == true, "\(String(describing: unknown))")
    let field = Self.loadError(
      data: data, body: "x",
      checks: "checks:\n  - rule: overAgeMembers\n    members: people\n    startDate: startDate\n    activity: activty")
    #expect(field?.message.contains("did you mean 'activity'?") == true, "\(String(describing: field))")
    #expect(field?.line == 8, "\(String(describing: field))")
    let path = Self.loadError(
      data: data, body: "x", checks: "checks:\n  - rule: overAgeMembers\n    members: peple\n    startDate: startDate")
    #expect(path?.message.contains("'peple' is not in the data") == true, "\(String(describing: path))")
    let membership = Self.loadError(
      data: data, body: "x",
      checks:
        "checks:\n  - each: people\n    value: \"{activity}\"\n    in: people[].activty\n    path: activity\n    message: m"
    )
    #expect(membership?.message.contains("did you mean 'activity'?") == true, "\(String(describing: membership))")
  }

  @Test("every problem at once: a bad credit code does not hide the wrong sums")
  func everyProblemAtOnce() throws {
    let problems = try Self.problems(
      "application", "single", [("unit.creditCode", .string("91440106MA5CXY7K2M")), ("insured", .number("47"))])
    #expect(problems.contains { $0.path == "unit.creditCode" }, "\(problems)")
    #expect(Self.has(problems, "insured", "（47 ≠ 46）"), "\(problems)")
  }

  @Test("comparisons and membership: both sides named with their values")
  func comparisons() throws {
    let layout = """
      document: stay
      metadata: { title: T, created: "2025-01-01" }
      data:
        admittedOn: date
        dischargedOn: date
        fund: text
        funds: [ { name: text } ]
        paid: amount
        limit: amount
      checks:
        - value: "{dischargedOn}"
          atLeast: "{admittedOn}"
          path: dischargedOn
          message: 出院日期不能早于入院日期
        - value: "{paid}"
          atMost: "{limit | figures}"
          path: paid
          message: 报销金额超过限额
        - value: "{fund}"
          in: funds[].name
          path: fund
          message: 经费来源不在列表中
      body:
        - text: "{admittedOn} {dischargedOn} {fund} {paid} {limit}"
      """
    let renderer = try TypedLayouts.renderer(["stay.yaml": layout])
    func data(_ admitted: String, _ discharged: String, _ fund: String, _ paid: String) -> DataValue {
      .object([
        "admittedOn": .string(admitted), "dischargedOn": .string(discharged), "fund": .string(fund),
        "funds": .array([.object(["name": .string("工会经费")]), .object(["name": .string("行政经费")])]),
        "paid": .string(paid),
        "limit": .string("1000.00"),
      ])
    }
    #expect(try TypedLayouts.problems(renderer, "stay", data("2025-01-05", "2025-01-05", "工会经费", "1000")) == [])
    let bad = try TypedLayouts.problems(renderer, "stay", data("2025-01-05", "2025-01-01", "会员自付", "1000.01"))
    #expect(Self.has(bad, "dischargedOn", "（2025-01-01 < 2025-01-05）"), "\(bad)")
    #expect(Self.has(bad, "paid", "（1000.01 > 1000.00）"), "\(bad)")
    #expect(Self.has(bad, "fund", "会员自付 ∉ funds[].name：工会经费、行政经费"), "\(bad)")
  }

  @Test("a word too wide for its cell names the data path as well as the layout line")
  func tooWideNamesTheData() throws {
    let long = String(repeating: "W", count: 400)
    let problems = try Self.problems("confirmation", "henan-12", [("notice", .string(long))])
    let wide = problems.first { $0.message.contains("无法换行") }
    #expect(wide?.path == "notice", "\(problems)")
    #expect(wide?.message.contains("confirmation.yaml:") == true, "\(problems)")
  }
}
