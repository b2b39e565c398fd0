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
      guard copy > 0, var m = member as? [String: Any], let id = m["idNumber"] as? String, id.count == 18 else {
        return member
      }
      let county = (Int(id.dropFirst(2).prefix(4))! + copy) % 10_000
      let first17 = String(id.prefix(2)) + String(format: "%04d", county) + String(id.dropFirst(6).prefix(11))
      m["idNumber"] = first17 + String(checkCharacter(first17))
      return m as Any
    }
  }
  var activities = data["activities"] as! [[String: Any]]
  // Money in whole fen (分), never in binary floating point.
  let amount = try fen(activities[0]["amount"] as! String) * times
  activities[0]["memberCount"] = members.count * times
  activities[0]["amount"] = yuan(amount)
  data["activities"] = activities
  data["total"] = yuan(amount)
  return try JSONSerialization.data(withJSONObject: data)
}

struct AmountFormatError: Error, CustomStringConvertible {
  let text: String
  var description: String { "not an amount in yuan with two decimals: \(text)" }
}

/// "960.00" → 96000 fen; exactly two decimals, as the samples write amounts.
func fen(_ text: String) throws -> Int {
  let parts = text.split(separator: ".", omittingEmptySubsequences: false)
  guard parts.count == 2, parts[1].count == 2, let whole = Int(parts[0]), whole >= 0, let cents = Int(parts[1]) else {
    throw AmountFormatError(text: text)
  }
  return whole * 100 + cents
}

/// 96000 fen → "960.00".
func yuan(_ fen: Int) -> String {
  let cents = fen % 100
  return "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
}

/// The GB 11643 check character (ISO 7064 MOD 11-2) of 17 digits.
func checkCharacter(_ first17: String) -> Character {
  let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = zip(first17.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
  return Array("10X98765432")[sum % 11]
}
