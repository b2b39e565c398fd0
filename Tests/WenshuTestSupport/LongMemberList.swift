import Foundation

/// A 确认书 with a long member list, for the tests that need one: the 2,000-member sample's
/// members `times` over, with its one activity's count and amount and the total to match, so
/// the data passes every check and only its length is unusual.
public func longMemberList(from sample: [UInt8], times: Int) throws -> Data {
  var data = try JSONSerialization.jsonObject(with: Data(sample)) as! [String: Any]
  let members = data["members"] as! [Any]
  // One person appears once per document: each copy gets other county digits (positions
  // 3–6, which the rules do not check), with the check character to match.
  data["members"] = (0..<times).flatMap { copy in
    members.map { member in
      guard copy > 0, var m = member as? [String: Any], let id = m["idNumber"] as? String, id.count == 18 else { return member }
      let county = (Int(id.dropFirst(2).prefix(4))! + copy) % 10_000
      let first17 = String(id.prefix(2)) + String(format: "%04d", county) + String(id.dropFirst(6).prefix(11))
      m["idNumber"] = first17 + String(checkCharacter(first17))
      return m as Any
    }
  }
  var activities = data["activities"] as! [[String: Any]]
  let amount = Double(activities[0]["amount"] as! String)! * Double(times)
  activities[0]["memberCount"] = members.count * times
  activities[0]["amount"] = String(format: "%.2f", amount)
  data["activities"] = activities
  data["total"] = String(format: "%.2f", amount)
  return try JSONSerialization.data(withJSONObject: data)
}

/// The GB 11643 check character (ISO 7064 MOD 11-2) of 17 digits.
func checkCharacter(_ first17: String) -> Character {
  let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = zip(first17.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
  return Array("10X98765432")[sum % 11]
}
