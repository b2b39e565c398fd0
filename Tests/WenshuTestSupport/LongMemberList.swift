import Foundation

/// A 确认书 with a long member list, for the tests that need one: the 2,000-member sample's
/// members `times` over, with its one activity's count and amount and the total to match, so
/// the data passes every check and only its length is unusual.
public func longMemberList(from sample: [UInt8], times: Int) throws -> Data {
  var data = try JSONSerialization.jsonObject(with: Data(sample)) as! [String: Any]
  let members = data["members"] as! [Any]
  data["members"] = Array(repeating: members, count: times).flatMap { $0 }
  var activities = data["activities"] as! [[String: Any]]
  let amount = Double(activities[0]["amount"] as! String)! * Double(times)
  activities[0]["memberCount"] = members.count * times
  activities[0]["amount"] = String(format: "%.2f", amount)
  data["activities"] = activities
  data["total"] = String(format: "%.2f", amount)
  return try JSONSerialization.data(withJSONObject: data)
}
