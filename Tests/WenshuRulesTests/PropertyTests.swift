import PropertyBased
import Testing
import WenshuRules

@Suite("Properties")
struct PropertyTests {
  @Test("uppercase → parse gives the same fen across the whole range")
  func roundTrip() async {
    await propertyCheck(count: 2000, input: Gen.int(in: -Int(Amount.maximumFen)...Int(Amount.maximumFen))) { fen in
      let amount = Amount(fen: Int64(fen))
      #expect((try? AmountInWords.parse(AmountInWords.uppercase(amount))) == amount)
      #expect((try? Amount(parsing: amount.figures)) == amount)
    }
  }

  @Test("round trip for small amounts, where the zero rules bite")
  func roundTripSmall() async {
    await propertyCheck(count: 2000, input: Gen.int(in: 0...2_000_000)) { fen in
      let amount = Amount(fen: Int64(fen))
      #expect((try? AmountInWords.parse(AmountInWords.uppercase(amount))) == amount)
    }
  }

  static func id(region: Int, days: Int, sequence: Int) -> String {
    let birth = CivilDate(year: 1930, month: 1, day: 1)!.adding(months: days / 28)
    let first17 = "\(410100 + region % 100)" + birth.iso.replacingOccurrences("-", "") + String(sequence % 1000).leftPad(3)
    return first17 + String(ResidentID.checkCharacter(for: first17)!)
  }

  @Test("generated valid ID numbers validate; any single-character change does not")
  func idNumbers() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...99), Gen.int(in: 0...25_000), Gen.int(in: 0...999), Gen.int(in: 0...17),
      Gen.int(in: 1...10)
    ) { region, days, sequence, position, shift in
      let id = Self.id(region: region, days: days, sequence: sequence)
      let valid = try? ResidentID(validating: id)
      #expect(valid != nil, "\(id)")
      #expect(valid?.sex == (sequence % 2 == 1 ? .male : .female))
      var chars = Array(id)
      let alphabet: [Character] = Array("0123456789X")
      let old = alphabet.firstIndex(of: chars[position])!
      chars[position] = alphabet[(old + shift) % alphabet.count]
      #expect((try? ResidentID(validating: String(chars))) == nil, "\(String(chars)) validated")
    }
  }
}

extension String {
  func replacingOccurrences(_ a: Character, _ b: String) -> String { split(separator: a).joined(separator: b) }
  func leftPad(_ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}
