import WenshuLayout
import WenshuRules

/// Cross-checks the layout `checks:` language cannot state: counting members per activity,
/// a number that appears twice (naming both rows), the over-age rule of an office. Run on the
/// data before the layout engine; their problems are reported together with the engine's.
/// The principle: a figure printed twice (as a row and as a total, in words and in figures)
/// is computed or checked, never trusted.
struct DocumentChecks {
  let catalog: DocumentCatalog

  /// The data with the member list's derived fields filled in, and every problem found.
  func apply(
    document: String, layout: LayoutDescription, office: String?, data: DataValue,
    cancellation: RenderCancellation? = nil
  ) -> (DataValue, [DataProblem]) {
    var data = data
    var problems: [DataProblem] = []
    var identities: [MemberRoster.Identity?] = []
    if let roster = MemberRoster(schema: layout.schema, data: data) {
      (data, identities, problems) = roster.apply(data, cancellation: cancellation)
    }
    switch document {
    case "confirmation": problems += confirmation(data)
    case "overage-certificate": problems += overAge(data, identities, office: office)
    case "notification":
      problems += districtTotal(data, prices: office.flatMap { catalog.offices[$0]?["categoryPrices"] })
    default: break
    }
    return (data, problems)
  }

  /// 确认书: the member list is not empty, every member's 保障活动 is one of the activities,
  /// and each activity's 参保人数 is the number of members listed for it.
  func confirmation(_ data: DataValue) -> [DataProblem] {
    guard case .array(let members)? = data["members"], case .array(let activities)? = data["activities"] else {
      return []
    }
    if members.isEmpty {
      return [DataProblem(path: "members", message: "会员名单为空：确认书须列出参保会员 (the member list is empty)")]
    }
    var problems: [DataProblem] = []
    let names = activities.map { $0["name"]?.text ?? "" }
    var listed: [String: Int] = [:]
    for (i, member) in members.enumerated() {
      guard let activity = member["activity"]?.text else { continue }
      if names.contains(activity) {
        listed[activity, default: 0] += 1
      } else {
        problems.append(
          DataProblem(
            path: "members[\(i)].activity",
            message: "保障活动“\(activity)”不在本确认书的保障活动明细中 (not one of the activities: \(names.joined(separator: "、")))"))
      }
    }
    for (i, activity) in activities.enumerated() {
      guard case .number(let n)? = activity["memberCount"], let stated = Int(n) else { continue }
      let count = listed[names[i]] ?? 0
      if stated != count {
        problems.append(
          DataProblem(
            path: "activities[\(i)].memberCount",
            message:
              "参保人数与会员名单不符：名单中参加此活动的有 \(count) 人（\(count) ≠ \(stated)） (the member list has \(count) for this activity)"
          ))
      }
    }
    return problems
  }

  /// 超龄人员在职证明: certificates are printed for the members over the office's age limit
  /// on the start date; a list with nobody over it would print an empty document. (The blank
  /// form is its own variant, without members.)
  func overAge(_ data: DataValue, _ identities: [MemberRoster.Identity?], office: String?) -> [DataProblem] {
    guard case .array(let members)? = data["members"], case .string(let s)? = data["startDate"],
      let start = try? CivilDate(parsing: s)
    else { return [] }
    // A member with a problem of its own is reported for it; only a clean list is judged.
    guard identities.count == members.count, identities.allSatisfy({ $0 != nil }) else { return [] }
    let limits = office.flatMap { catalog.ageLimits[$0] } ?? .statutory
    let over = zip(members, identities).contains { member, identity in
      limits.isOverAge(
        birth: identity!.birthDate, sex: identity!.sex, activity: member["activity"]?.text ?? "", startDate: start)
    }
    if over { return [] }
    return [
      DataProblem(
        path: "members",
        message:
          "名单中没有人在 \(start.iso) 超过年龄上限，无需出具超龄人员在职证明（空白证明请用 variant: blank） (nobody in the list is over the age limit on \(start.iso))"
      )
    ]
  }

  /// 告知书 (区级): 参保资金总额 = Σ count × price, where the office profile states the price
  /// of every category enrolled that year (`categoryPrices: {"2023": {"B+": "100.00"}}`). The
  /// prices are the profile's own: an office override in the data does not change them.
  func districtTotal(_ data: DataValue, prices byYear: DataValue?) -> [DataProblem] {
    guard case .object(let counts)? = data["counts"], let year = data["year"]?.text,
      case .object(let prices)? = byYear?[year], let totalText = data["total"]?.text,
      let total = try? Amount(parsing: totalText)
    else { return [] }
    var sum = Amount.zero
    for category in counts.keys {
      guard case .number(let n)? = counts[category], let count = Int(n) else { return [] }
      if count == 0 { continue }
      guard let priceText = prices[category]?.text, let price = try? Amount(parsing: priceText),
        let line = try? price.multiplied(by: count), let next = try? sum.adding(line)
      else { return [] }  // a price the profile does not state: nothing to check against
      sum = next
    }
    if sum == total { return [] }
    return [
      DataProblem(
        path: "total",
        message:
          "参保资金总额与各类人数 × 单价之和不符（\(sum.figures) ≠ \(total.figures)） (the total differs from the counts × the office's prices)"
      )
    ]
  }
}
