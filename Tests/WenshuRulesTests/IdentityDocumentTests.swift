import PropertyBased
import Testing
import WenshuRules

/// Every identity document a member list carries, by its published form (docs/rules.md).
@Suite("证件类型")
struct IdentityDocumentTests {
  static let permit = residentID(region: "810000", birth: date("1958-05-04"), sequence: 123)
  static let foreign2023: String = {
    let first17 = "911840" + "19580504" + "012"
    return first17 + String(ResidentID.checkCharacter(for: first17)!)
  }()

  @Test(
    "valid numbers of every type, with what they state",
    arguments: [
      (IDType.residentID, "11010519491231002x", "11010519491231002X", "1949-12-31", Sex.female),
      (.residencePermit, permit, permit, "1958-05-04", .male),
      (
        .residencePermit, residentID(region: "830000", birth: date("1990-01-02"), sequence: 2), nil, "1990-01-02",
        .female
      ),
      (.foreignPermanentResident, foreign2023, foreign2023, "1958-05-04", nil),
      (.foreignPermanentResident, "usa110358050412", "USA110358050412", nil, nil),
      (.hongKongMacaoPermit, "H12345678", "H12345678", nil, nil),
      (.hongKongMacaoPermit, "m1234567890", "M1234567890", nil, nil),
      (.taiwanPermit, "01234567", "01234567", nil, nil),
      (.taiwanPermit, "0123456789", "0123456789", nil, nil),
      (.passport, "E12345678", "E12345678", nil, nil),
      (.passport, "ab1234567", "AB1234567", nil, nil),
    ] as [(IDType, String, String?, String?, Sex?)])
  func valid(_ type: IDType, _ text: String, _ normalized: String?, _ birth: String?, _ sex: Sex?) throws {
    let id = try IdentityDocument(validating: text, type: type, today: fixedToday)
    #expect(id.number == (normalized ?? text))
    #expect(id.birthDate == birth.map(date))
    #expect(id.sex == sex)
    #expect(type.numberStatesBirthDate == (type == .residentID || type == .residencePermit))
  }

  @Test(
    "each mistake of each type has its own message",
    arguments: [
      (IDType.residencePermit, "11010519491231002X", "810000"),
      (.residencePermit, "81000019580504123", "应为18位"),
      (.foreignPermanentResident, "811840195805040120", "以 9 开头"),
      (.foreignPermanentResident, String(foreign2023.dropLast()) + (foreign2023.last == "0" ? "1" : "0"), "校验位错误"),
      (.foreignPermanentResident, "900840195805040120", "受理地代码无效"),
      (.foreignPermanentResident, "US1110358050412", "3位国籍字母加12位数字"),
      (.foreignPermanentResident, "USA11035805041", "3位国籍字母加12位数字"),
      (.hongKongMacaoPermit, "K12345678", "H（香港）或 M（澳门）"),
      (.hongKongMacaoPermit, "H1234567", "H（香港）或 M（澳门）"),
      (.hongKongMacaoPermit, "H 12345678", "空格"),
      (.taiwanPermit, "1234567", "8 位数字"),
      (.taiwanPermit, "１２３４５６７８", "全角"),
      (.passport, "E123", "5 至 17 位"),
      (.passport, "E1234-5678", "5 至 17 位"),
      (.passport, "", "为空"),
      (.passport, "E1234\u{200B}5678", "不可见字符"),
    ] as [(IDType, String, String)])
  func invalid(_ type: IDType, _ text: String, _ fragment: String) {
    expectMessage(fragment) { () throws(ResidentIDError) in
      _ = try IdentityDocument(validating: text, type: type, today: fixedToday)
    }
  }

  @Test("a birth date after the document's date is refused; no date, no bound")
  func referenceDate() throws {
    let later = residentID(region: "810000", birth: date("2025-03-01"), sequence: 1)
    expectMessage("晚于") { () throws(ResidentIDError) in
      _ = try IdentityDocument(validating: later, type: .residencePermit, today: fixedToday)
    }
    #expect(try IdentityDocument(validating: later, type: .residencePermit, today: nil).birthDate == date("2025-03-01"))
  }

  @Test(
    "masking per type: long numbers keep 4 and 4, short ones less",
    arguments: [
      (IDType.residentID, "41010519491231002X", "4101**********002X"),
      (.foreignPermanentResident, "USA110358050412", "USA1*******0412"),
      (.hongKongMacaoPermit, "H12345678", "H******78"),
      (.taiwanPermit, "01234567", "******67"),
      (.passport, "E12345678", "E******78"),
    ] as [(IDType, String, String)])
  func masks(_ type: IDType, _ number: String, _ masked: String) {
    #expect(type.mask.apply(number) == masked)
  }

  @Test(
    "names: one line of visible text, not empty",
    arguments: [
      ("Nguyễn Văn An", nil), ("辻\u{E0100}", nil), ("欧阳娜娜", nil), ("", "姓名为空"), ("  ", "姓名为空"),
      ("王\n丽", "换行符 U+000A"), ("王\r丽", "换行符 U+000D"), ("王\u{2028}丽", "换行符 U+2028"), ("王\t丽", "控制字符 U+0009"),
      ("王\u{7}丽", "控制字符 U+0007"), ("王\u{85}丽", "控制字符 U+0085"), (String(repeating: "王", count: 101), "姓名过长"),
    ] as [(String, String?)])
  func names(_ name: String, _ fragment: String?) {
    if let fragment {
      #expect(PersonName.problem(name)?.contains(fragment) == true, "\(PersonName.problem(name) ?? "accepted")")
    } else {
      #expect(PersonName.problem(name) == nil)
    }
  }

  static let birthDays = Gen.int(in: 0...(120 * 12 * 31))
  static func birth(_ offset: Int) -> CivilDate {
    var birth = CivilDate(year: 1905, month: 1, day: 1)!.adding(months: offset / 31)
    for _ in 0..<(offset % 31) { birth = birth.nextDay }
    return Swift.min(birth, fixedToday)
  }

  @Test("generated 居住证 and 2023 永居证 numbers validate with their birth date; any single-character change never does")
  func checkedTypes() async {
    let replacements = Array("0123456789XYZA x-８")
    await propertyCheck(
      count: 1000, input: Gen.int(in: 0...2), Self.birthDays, Gen.int(in: 0...999), Gen.int(in: 0...17),
      Gen.element(of: replacements).map { $0 ?? "0" }
    ) { which, offset, sequence, position, replacement in
      let born = Self.birth(offset)
      let (type, number): (IDType, String)
      if which < 2 {
        type = .residencePermit
        number = residentID(
          region: ["810000", "820000", "830000"][which + (sequence % 2)], birth: born, sequence: sequence)
      } else {
        type = .foreignPermanentResident
        let first17 =
          "9" + "31" + String(sequence).leftPadded(3) + born.iso.filter { $0 != "-" } + String(sequence).leftPadded(3)
        number = first17 + String(ResidentID.checkCharacter(for: first17)!)
      }
      let valid = try? IdentityDocument(validating: number, type: type, today: fixedToday)
      #expect(valid?.number == number)
      #expect(valid?.birthDate == born)
      var chars = Array(number)
      guard chars[position].uppercased() != replacement.uppercased() else { return }
      chars[position] = replacement
      #expect(
        (try? IdentityDocument(validating: String(chars), type: type, today: fixedToday)) == nil,
        "\(String(chars)) validated")
    }
  }

  @Test(
    "generated numbers without a check character validate, upper-cased; a blank, a full-width digit or a wrong kind of character never does"
  )
  func formTypes() async {
    let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    let wrong = Array(" ８-\u{3000}")
    await propertyCheck(
      count: 1000, input: Gen.int(in: 0...4), Gen.int(in: 0...9_999_999_999),
      Gen.element(of: letters).map { $0 ?? "A" },
      Gen.int(in: 0...20), Gen.element(of: wrong).map { $0 ?? " " }
    ) { which, digits, letter, position, replacement in
      let (type, number): (IDType, String) =
        switch which {
        case 0: (.hongKongMacaoPermit, (digits % 2 == 0 ? "H" : "M") + String(digits % 100_000_000).leftPadded(8))
        case 1: (.taiwanPermit, String(digits % 100_000_000).leftPadded(8))
        case 2: (.passport, String(letter) + String(digits % 100_000_000).leftPadded(8))
        case 3:
          (
            .foreignPermanentResident,
            String(repeating: letter, count: 3) + String(digits % 1_000_000_000_000).leftPadded(12)
          )
        default: (.hongKongMacaoPermit, "H" + String(digits).leftPadded(10))
        }
      #expect((try? IdentityDocument(validating: number.lowercased(), type: type, today: fixedToday))?.number == number)
      var chars = Array(number)
      chars[position % chars.count] = replacement
      #expect(
        (try? IdentityDocument(validating: String(chars), type: type, today: fixedToday)) == nil,
        "\(String(chars)) validated")
      // A letter where a permit has only digits.
      if type == .taiwanPermit {
        var lettered = Array(number)
        lettered[position % lettered.count] = letter
        #expect((try? IdentityDocument(validating: String(lettered), type: type, today: fixedToday)) == nil)
      }
    }
  }
}
