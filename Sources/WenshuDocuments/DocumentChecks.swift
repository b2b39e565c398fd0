import WenshuLayout
import WenshuRules

/// The domain's cross-checks, run on the data before the layout engine: the identity rules
/// of every `idNumber` the layout declares (`IdentityRules`), and the named rules a layout
/// declares in `checks:` for what the checks language cannot state — an office's age
/// limits, its price list. Their problems are reported together with the engine's. The
/// principle: a figure printed twice (as a row and as a total, in words and in figures) is
/// computed or checked, never trusted. Nothing here is keyed on a document's or a field's
/// name: the layout says which rule reads which data.
struct DocumentChecks {
  let catalog: DocumentCatalog

  /// The rules a layout may declare (`- rule: overAgeMembers` …), with their inputs.
  static let rules: [RuleSignature] = [
    RuleSignature(
      "agesOn",
      summary:
        "the date ages are counted on and birth dates are bounded by: the day the document speaks for, never the clock",
      inputs: [.init("date", "the data's date field", kind: .date)],
      neededBy: { schema in
        IdentityRules.ageDeclaration(schema).map { "\($0) is counted from an idNumber on a date the layout names" }
      }),
    RuleSignature(
      "overAgeMembers",
      summary:
        "certificates are printed for members over the office's age limit on the agesOn date: a list with nobody over it is refused",
      inputs: [
        .init("list", "the list of people, whose rows declare an idNumber"),
        .init(
          "activity", "the field of a row naming its activity (the office's limits may differ by activity)",
          rowsOf: "list", optional: true),
      ],
      needs: ["agesOn"]),
    RuleSignature(
      "categoryTotal",
      summary: "a total equals Σ count × the office profile's price of each category for the year",
      inputs: [
        .init("counts", "an object of counts by category"),
        .init("year", "the year whose prices apply"),
        .init("total", "the amount that must equal the sum"),
        .init(
          "prices",
          "the office profile's field holding prices by year and category (read from the profile, never the data)",
          notData: true),
      ]),
  ]

  /// Fills in the data's derived fields, in place (a list of 200,000 members is not copied),
  /// and returns every problem found.
  func apply(
    layout: LayoutDescription, office: String?, data: inout DataValue, cancellation: RenderCancellation? = nil
  ) -> [DataProblem] {
    let uses = layout.checks.compactMap(\.rule)
    let agesOn = uses.first { $0.name == "agesOn" }.flatMap { Self.value(data, $0.inputs["date"])?.text }
      .flatMap { try? CivilDate(parsing: $0) }
    let (identities, found) = IdentityRules(referenceDate: agesOn, cancellation: cancellation).apply(
      &data, schema: layout.schema, keepingIdentities: uses.contains { $0.name == "overAgeMembers" })
    var problems = found
    for use in uses {
      switch use.name {
      case "overAgeMembers": problems += overAge(data, use.inputs, identities, on: agesOn, office: office)
      case "categoryTotal": problems += categoryTotal(data, use.inputs, office: office)
      default: break  // the parser admits only the rules above
      }
    }
    return problems
  }

  static func value(_ data: DataValue, _ path: String?) -> DataValue? {
    guard let path, let parsed = try? DataPath(parsing: path) else { return nil }
    var value = data
    for c in parsed.components {
      switch c {
      case .key(let k):
        guard let next = value[k] else { return nil }
        value = next
      case .index(let i):
        guard case .array(let items) = value, items.indices.contains(i) else { return nil }
        value = items[i]
      }
    }
    return value
  }

  /// 超龄人员在职证明: certificates are printed for the members over the office's age limit
  /// on the date ages are counted on (`agesOn`, the activity's start); a list with nobody over
  /// it would print an empty document. (The blank form is its own variant, without members.)
  func overAge(
    _ data: DataValue, _ inputs: [String: String], _ identities: [String: IdentityRules.Identity],
    on start: CivilDate?, office: String?
  ) -> [DataProblem] {
    guard let list = inputs["list"], case .array(let members)? = Self.value(data, list), let start else { return [] }
    // A member with a problem of its own is reported for it; only a clean list is judged.
    let read = members.indices.map { identities["\(list)[\($0)]"] }
    guard read.allSatisfy({ $0 != nil }) else { return [] }
    let limits = office.flatMap { catalog.ageLimits[$0] } ?? .statutory
    let over = zip(members, read).contains { member, identity in
      limits.isOverAge(
        birth: identity!.birthDate, sex: identity!.sex, activity: inputs["activity"].flatMap { member[$0]?.text } ?? "",
        startDate: start)
    }
    if over { return [] }
    return [
      DataProblem(
        path: list,
        message:
          "名单中没有人在 \(start.iso) 超过年龄上限，无需出具超龄人员在职证明（空白证明请用 variant: blank） (nobody in the list is over the age limit on \(start.iso))"
      )
    ]
  }

  /// 告知书 (区级): 参保资金总额 = Σ count × price, where the office profile states the price
  /// of every category enrolled that year (`categoryPrices: {"2023": {"B+": "100.00"}}`). The
  /// prices are the profile's own: an office override in the data does not change them.
  func categoryTotal(_ data: DataValue, _ inputs: [String: String], office: String?) -> [DataProblem] {
    guard let totalPath = inputs["total"], case .object(let counts)? = Self.value(data, inputs["counts"]),
      let year = Self.value(data, inputs["year"])?.text,
      let field = inputs["prices"], case .object(let prices)? = office.flatMap({ catalog.offices[$0]?[field]?[year] }),
      let totalText = Self.value(data, totalPath)?.text, let total = try? Amount(parsing: totalText)
    else { return [] }
    var sum = Amount.zero
    var lines: [String] = []
    for category in counts.keys {
      guard case .number(let n)? = counts[category], let count = Int(n) else { return [] }
      if count == 0 { continue }
      guard let priceText = prices[category]?.text, let price = try? Amount(parsing: priceText),
        let line = try? price.multiplied(by: count), let next = try? sum.adding(line)
      else { return [] }  // a price the profile does not state: nothing to check against
      sum = next
      lines.append("\(category) \(count) × \(price.figures)")
    }
    if sum == total { return [] }
    return [
      DataProblem(
        path: totalPath,
        message:
          "参保资金总额与各类人数 × 单价之和不符（\(lines.joined(separator: " + ")) = \(sum.figures) ≠ \(total.figures)） (the total differs from the counts × the office's prices)"
      )
    ]
  }
}
