import PropertyBased
import Testing
import WenshuRules

/// Amounts whose digits are zero more often than not, so every zero pattern across 万 and 亿
/// comes up, not only the dense numbers a uniform generator gives.
let zeroHeavyAmounts = Gen.int(in: 0...29).array(of: 14).map { codes -> Int64 in
  codes.reduce(Int64(0)) { $0 * 10 + Int64($1 < 10 ? $1 : 0) }
}

@Suite("Properties")
struct PropertyTests {
  @Test("uppercase → parse gives the same fen across the whole supported range")
  func roundTrip() async {
    await propertyCheck(count: 3000, input: Gen.int64(in: -Amount.maximumFen...Amount.maximumFen)) {
      fen in
      let amount = Amount(fen: fen)
      #expect((try? AmountInWords.parse(AmountInWords.uppercase(amount))) == amount)
    }
  }

  @Test("round trip where the zero rules bite, for every permitted spelling")
  func roundTripZeroHeavy() async {
    await propertyCheck(count: 1500, input: zeroHeavyAmounts, Gen.bool) { fen, negative in
      let amount = Amount(fen: negative ? -fen : fen)
      for words in AmountInWords.allowedForms(amount) {
        #expect((try? AmountInWords.parse(words)) == amount, "\(words)")
      }
    }
  }

  @Test(
    "uppercase is well formed: rule characters only, one 零 at a time, 整 exactly when there is no 分")
  func wellFormed() async {
    let allowed = Set("负零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    await propertyCheck(count: 2000, input: zeroHeavyAmounts) { fen in
      let words = AmountInWords.uppercase(Amount(fen: fen))
      #expect(words.allSatisfy(allowed.contains), "\(words)")
      #expect(
        !words.contains("零零") && !words.hasSuffix("零") && !words.contains("零元") || words == "零元整",
        "\(words)")
      #expect(!words.hasPrefix("拾") && !words.contains("零拾") && !words.contains("元拾"), "\(words)")
      #expect(words.hasSuffix("整") == (fen % 10 == 0), "\(words)")
      #expect(!words.contains("分整"))
    }
  }

  @Test("figures round-trip; grouped is figures with commas")
  func figures() async {
    await propertyCheck(count: 2000, input: Gen.int64(in: -Amount.maximumFen...Amount.maximumFen)) {
      fen in
      let amount = Amount(fen: fen)
      #expect((try? Amount(parsing: amount.figures)) == amount)
      #expect(amount.grouped.filter { $0 != "," } == amount.figures)
    }
  }

  @Test("sums and products are exact")
  func arithmetic() async {
    await propertyCheck(
      count: 500, input: Gen.int64(in: -1_000_000_000...1_000_000_000),
      Gen.int(in: -10_000...10_000)
    ) { fen, n in
      let a = Amount(fen: fen)
      #expect((a * n).fen == fen * Int64(n))
      #expect((a + a).fen == 2 * fen)
      #expect((try? a.multiplied(by: n)) == a * n)
    }
  }

  /// A valid ID number from generated parts: any province, births 1900-01-01 … 2025-02-25
  /// (every day reachable, 29 February included), any sequence.
  static let provinces = Gen.element(of: ResidentID.provinceCodes.keys.sorted()).map { $0 ?? 41 }
  static func idNumber(province: Int, county: Int, dayOffset: Int, sequence: Int) -> (
    String, CivilDate
  ) {
    var birth = CivilDate(year: 1900, month: 1, day: 1)!
    birth = birth.adding(months: dayOffset / 31)
    for _ in 0..<(dayOffset % 31) { birth = birth.nextDay }
    if birth > fixedToday { birth = fixedToday }
    let region = String(province) + String(county).leftPadded(4)
    return (residentID(region: region, birth: birth, sequence: sequence), birth)
  }

  @Test("generated valid ID numbers validate; any single-character change never does")
  func idNumbers() async {
    let replacements = Array("0123456789XYZA x-８")
    await propertyCheck(
      count: 1500, input: Self.provinces, Gen.int(in: 0...9999), Gen.int(in: 0...(126 * 12 * 31)),
      Gen.int(in: 0...999), Gen.int(in: 0...17), Gen.element(of: replacements).map { $0 ?? "0" }
    ) { province, county, dayOffset, sequence, position, replacement in
      let (id, birth) = Self.idNumber(
        province: province, county: county, dayOffset: dayOffset, sequence: sequence)
      let valid = try? ResidentID(validating: id, today: fixedToday)
      #expect(valid?.value == id)
      #expect(valid?.birthDate == birth)
      #expect(valid?.sex == (sequence % 2 == 1 ? .male : .female))
      var chars = Array(id)
      guard chars[position].uppercased() != replacement.uppercased() else { return }
      chars[position] = replacement
      #expect(
        (try? ResidentID(validating: String(chars), today: fixedToday)) == nil,
        "\(String(chars)) validated")
    }
  }

  @Test("generated credit codes validate; any single-character change never does")
  func creditCodes() async {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    let replacements = alphabet + Array("IOZSVx -")
    await propertyCheck(
      count: 1500, input: Gen.element(of: alphabet).map { $0 ?? "0" }.array(of: 17),
      Gen.int(in: 0...17),
      Gen.element(of: replacements).map { $0 ?? "0" }
    ) { body, position, replacement in
      let first17 = String(body)
      let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
      #expect((try? CreditCode(validating: code))?.value == code)
      #expect((try? CreditCode(validating: code.lowercased()))?.value == code)
      var chars = Array(code)
      guard chars[position] != replacement,
        String(chars[position]).lowercased() != String(replacement)
      else { return }
      chars[position] = replacement
      #expect((try? CreditCode(validating: String(chars))) == nil, "\(String(chars)) validated")
    }
  }

  @Test("周岁 increases by one the day after each anniversary, 29 February included")
  func ages() async {
    await propertyCheck(count: 1000, input: Gen.int(in: 0...(100 * 366)), Gen.int(in: 1...100)) {
      dayOffset, years in
      var birth = CivilDate(year: 1920, month: 1, day: 1)!.adding(months: dayOffset / 31)
      for _ in 0..<(dayOffset % 31) { birth = birth.nextDay }
      let anniversary = birth.adding(years: years)
      #expect(birth.age(on: anniversary) == years - 1)
      #expect(birth.age(on: anniversary.nextDay) == years)
    }
  }

  @Test("retirement ages never fall with a later birth and stay within the reform's bounds")
  func retirementMonotone() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 1940...2010), Gen.int(in: 1...12),
      Gen.case as Generator<RetirementCategory, _>
    ) { year, month, category in
      let age = category.retirementAge(bornIn: year, month: month)
      let next = category.retirementAge(
        bornIn: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1)
      #expect(age <= next && next.totalMonths - age.totalMonths <= 1)
      let (low, high) =
        switch category {
        case .male: (60, 63)
        case .femaleCadre: (55, 58)
        case .femaleWorker: (50, 55)
        }
      #expect(age >= RetirementAge(years: low) && age <= RetirementAge(years: high))
    }
  }
}
