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
    let layout = TypedLayouts.form(
      "benefit-claim",
      data: """
          printedAt: date
          applicant: { name: personName, idNumber: idNumber, sex: sex? }
          unions:
            - { name: text, members (unique idNumber): [ { name: personName, idNumber: idNumber } ] }
        """,
      checks: "  - rule: agesOn\n    date: printedAt", body: "{applicant.name} {applicant.sex}")
    let renderer = try TypedLayouts.renderer(["benefit-claim.yaml": layout])
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
    #expect(try TypedLayouts.problems(renderer, "benefit-claim", data(good, other, good)) == [])
    let bad = try TypedLayouts.problems(renderer, "benefit-claim", data("abc", String(good.prefix(17)), other))
    #expect(bad.contains { $0.path == "applicant.idNumber" }, "\(bad)")
    #expect(bad.contains { $0.path == "unions[0].members[0].idNumber" }, "\(bad)")
    let twice = try TypedLayouts.problems(renderer, "benefit-claim", data(good, other, other))
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

  @Test("the domain's checks name no document and no field a layout declares (printedAt, members, idNumber …)")
  func noNamesInDocumentChecks() throws {
    let (documents, fields) = try Fixtures.withRenderer { renderer in
      (renderer.catalog.documents, Set(renderer.catalog.layouts.values.joined().flatMap { Self.fieldNames($0.schema) }))
    }
    // A rule's name and its inputs' names are what a layout maps to its own fields.
    let parameters = Set(
      DocumentLayouts.parser(file: "", imagesFolder: "").rules.flatMap { [$0.name] + $0.inputs.map(\.name) })
    #expect(fields.isSuperset(of: ["printedAt", "signedAt", "startDate", "members", "idNumber", "age"]))
    for file in ["DocumentChecks.swift", "IdentityRules.swift"] {
      let source = try String(
        contentsOf: Fixtures.root.appendingPathComponent("Sources/WenshuDocuments/" + file), encoding: .utf8)
      let literals = Set(
        source.matches(of: #/"([A-Za-z][A-Za-z0-9_]*)"/#).map { String($0.output.1) })
      #expect(literals.isDisjoint(with: documents), "\(file) names \(literals.intersection(documents).sorted())")
      let named = literals.intersection(fields).subtracting(parameters)
      #expect(named.isEmpty, "\(file) names the data fields \(named.sorted())")
      // The data is read only where the layout's rule says (`inputs[…]`), never by a field's name.
      #expect(!source.contains("data[\""), "\(file) reads a data field by name")
    }
  }

  /// Every field name a schema declares, at any depth.
  static func fieldNames(_ schema: DataSchema?) -> [String] {
    switch schema {
    case .object(let fields, _)?: fields.flatMap { [$0.name] + fieldNames($0.schema) }
    case .array(let items, _, _)?: fieldNames(items)
    case .value?, nil: []
    }
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
    do {
      _ = try TypedLayouts.renderer(["demo.yaml": TypedLayouts.form("demo", data: data, checks: checks, body: body)])
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
    let agesOn = "  - rule: agesOn\n    date: startDate\n"
    let unknown = Self.loadError(data: data, body: "x", checks: agesOn + "  - rule: overAgeMember\n    list: people")
    #expect(unknown?.message.contains("did you mean 'overAgeMembers'?") == true, "\(String(describing: unknown))")
    let field = Self.loadError(
      data: data, body: "x", checks: agesOn + "  - rule: overAgeMembers\n    list: people\n    activity: activty")
    #expect(field?.message.contains("did you mean 'activity'?") == true, "\(String(describing: field))")
    #expect(field?.line == 10, "\(String(describing: field))")
    let path = Self.loadError(data: data, body: "x", checks: agesOn + "  - rule: overAgeMembers\n    list: peple")
    #expect(path?.message.contains("'peple' is not in the data") == true, "\(String(describing: path))")
    let membership = Self.loadError(
      data: data, body: "x",
      checks:
        "  - each: people\n    value: \"{activity}\"\n    in: people[].activty\n    path: activity\n    message: m"
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
    let layout = TypedLayouts.form(
      "stay",
      data: """
          admittedOn: date
          dischargedOn: date
          fund: text
          funds: [ { name: text } ]
          paid: amount
          limit: amount
        """,
      checks: """
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
        """,
      body: "{admittedOn} {dischargedOn} {fund} {paid} {limit}")
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
