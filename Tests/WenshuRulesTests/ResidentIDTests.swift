import Testing
import WenshuRules

@Suite("公民身份号码")
struct ResidentIDTests {
  @Test("the standard's example, with a lower-case x")
  func standardExample() throws {
    let id = try ResidentID(validating: "11010519491231002x", today: fixedToday)
    #expect(id.value == "11010519491231002X")
    #expect(id.description == "11010519491231002X")
    #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
    #expect(id.sex == .female)
    #expect(id.sex.rawValue == "女")
    #expect(id.regionCode == "110105")
    #expect(ResidentID.checkCharacter(for: "11010519491231002") == "X")
    #expect(try ResidentID(validating: "11010519491231002X", today: fixedToday) == id)
  }

  @Test(
    "no check character for anything but 17 ASCII digits",
    arguments: [
      "", "1101051949123100", "110105194912310021", "1101051949123100２", "1101051949123100X",
      "11010519491231 02",
    ])
  func noCheckCharacter(_ first17: String) {
    #expect(ResidentID.checkCharacter(for: first17) == nil)
  }

  @Test("all eleven check characters occur")
  func everyCheckCharacterOccurs() {
    var seen = Set<Character>()
    for sequence in 0..<200 {
      let id = residentID(
        region: "410105", birth: CivilDate(year: 1980, month: 1, day: 1)!, sequence: sequence)
      seen.insert(id.last!)
    }
    #expect(seen == Set("0123456789X"))
  }

  @Test(
    "each mistake has its own message",
    arguments: [
      ("110105194912310021", "校验位错误，应为 X"), ("11010519491231002X1", "应为18位，现为19位"),
      ("1101051949123100", "应为18位，现为16位"), ("", "为空"), ("110105 19491231002X", "空格"),
      ("\u{3000}11010519491231002X", "空格"), ("11010519491231002X\n", "空格"),
      ("11010519491231002X\u{200B}", "不可见字符"),
      ("１１０１０５１９４９１２３１００２X", "全角"), ("11010519491231002Ｘ", "全角"),
      ("110105491231002", "这是15位旧身份证号码"), ("110105491231002", "11010519491231002X"),
      ("11010519491231002Y", "只能由数字组成"), ("11010519491A31002X", "只能由数字组成"),
      ("X10105194912310021", "只能由数字组成"),
      ("99010519491231002X", "地区码无效"), ("00010519491231002X", "地区码无效"),
      ("110105194902300028", "出生日期无效"),
      ("110105194913010028", "出生日期无效"), ("110105194912000028", "出生日期无效"),
      ("110105189912310028", "早于1900年"),
      ("110105190002290028", "出生日期无效"), ("110105202602250028", "晚于今天"),
    ])
  func errors(_ text: String, _ fragment: String) {
    expectMessage(fragment) { () throws(ResidentIDError) in
      _ = try ResidentID(validating: text, today: fixedToday)
    }
  }

  @Test func fifteenDigitNumbersAreRejectedWithTheirUpgrade() {
    #expect(ResidentID.upgrading(fifteenDigit: "110105491231002") == "11010519491231002X")
    #expect(ResidentID.upgrading(fifteenDigit: "11010549123100") == nil)
    #expect(ResidentID.upgrading(fifteenDigit: "11010549123100X") == nil)
    // The standard's other example, 440524188001010014, was born in 1880: rejected as not a living member.
    expectMessage("早于1900年") { () throws(ResidentIDError) in
      _ = try ResidentID(validating: "440524188001010014", today: fixedToday)
    }
  }

  @Test("the birth date is bounded by an injectable today")
  func futureBirth() throws {
    let born = residentID(region: "410105", birth: fixedToday, sequence: 11)
    #expect(try ResidentID(validating: born, today: fixedToday).birthDate == fixedToday)
    let tomorrow = residentID(region: "410105", birth: fixedToday.nextDay, sequence: 11)
    expectMessage("晚于今天") { () throws(ResidentIDError) in
      _ = try ResidentID(validating: tomorrow, today: fixedToday)
    }
    #expect(try ResidentID(validating: tomorrow, today: nil).birthDate == fixedToday.nextDay)
    // The default is today in Beijing: a number born in 2999 is in the future.
    let far = residentID(
      region: "410105", birth: CivilDate(year: 2999, month: 1, day: 1)!, sequence: 11)
    #expect(throws: ResidentIDError.self) { try ResidentID(validating: far) }
  }

  @Test(
    "leap-day births exist only in leap years",
    arguments: [
      (2000, true), (2004, true), (1996, true), (1900, false), (2001, false), (2100, false),
    ])
  func leapDayBirths(_ year: Int, _ valid: Bool) throws {
    let first17 = "410105" + String(year) + "0229" + "002"
    let id = first17 + String(ResidentID.checkCharacter(for: first17)!)
    let today = CivilDate(year: 2200, month: 1, day: 1)
    if valid {
      #expect(
        try ResidentID(validating: id, today: today).birthDate
          == CivilDate(year: year, month: 2, day: 29))
    } else {
      expectMessage("出生日期无效") { () throws(ResidentIDError) in
        _ = try ResidentID(validating: id, today: today)
      }
    }
  }

  @Test("sex from the 17th digit, region codes of every province")
  func sexAndRegions() throws {
    for (code, _) in ResidentID.provinceCodes {
      let region = String(code) + "0102"
      let man = try ResidentID(
        validating: residentID(region: region, birth: fixedToday, sequence: 101), today: fixedToday)
      let woman = try ResidentID(
        validating: residentID(region: region, birth: fixedToday, sequence: 100), today: fixedToday)
      #expect(man.sex == .male && woman.sex == .female)
      #expect(man.regionCode == region)
    }
  }
}

@Suite("统一社会信用代码")
struct CreditCodeTests {
  @Test func valid() throws {
    #expect(try CreditCode(validating: "91350100M000100Y43").value == "91350100M000100Y43")
    #expect(try CreditCode(validating: "91350100m000100y43").value == "91350100M000100Y43")
    #expect(try CreditCode(validating: "91350100M000100Y43").description == "91350100M000100Y43")
    #expect(CreditCode.checkCharacter(for: "91350100M000100Y4") == "3")
    #expect(CreditCode.checkCharacter(for: "91350100M000100Y") == nil)
    #expect(CreditCode.checkCharacter(for: "91350100M000100YI") == nil)
  }

  @Test("the seeds' sample number fails the check: its check character would be 4")
  func seedSample() {
    #expect(CreditCode.checkCharacter(for: "12370200676222920") == "4")
    expectMessage("校验位错误，应为 4") { () throws(CreditCodeError) in
      _ = try CreditCode(validating: "123702006762229200")
    }
    #expect((try? CreditCode(validating: "123702006762229204"))?.value == "123702006762229204")
  }

  @Test("a check value of 31 − 0 is written 0")
  func checkZero() {
    // Find a code whose weighted sum is a multiple of 31 and check that its check character is 0.
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    let found = (0..<31).map { "9135010000000000" + String(alphabet[$0]) }.first {
      CreditCode.checkCharacter(for: $0) == "0"
    }
    #expect(found != nil)
  }

  @Test(
    "each mistake has its own message",
    arguments: [
      ("", "为空"), ("91350100M000100Y4", "应为18位，现为17位"), ("91350100M000100Y433", "应为18位，现为19位"),
      ("350100M000100Y4", "旧的税务登记号"), ("M000100Y4", "旧的组织机构代码"), ("M0001000-4", "旧的组织机构代码"),
      ("91350100M000100Y4I", "第18位是字母“I”"), ("91350100M0O0100Y43", "可能应为数字“0”"),
      ("91350100M000100S43", "数字“5”"),
      ("91350100M000100Z43", "数字“2”"), ("91350100M000100V43", "第16位“V”无效"),
      ("91350100M000100-43", "“-”无效"),
      ("91350100M000100Y44", "校验位错误，应为 3"), ("9135 0100M000100Y43", "空格"),
      ("91350100M000100Y43\u{FEFF}", "不可见字符"),
      ("９1350100M000100Y43", "全角"),
    ])
  func errors(_ text: String, _ fragment: String) {
    expectMessage(fragment) { () throws(CreditCodeError) in _ = try CreditCode(validating: text) }
  }
}

@Suite("Masks and validation problems")
struct MaskTests {
  @Test(
    "patterns",
    arguments: [
      ("####**********####", "41010519491231002X", "4101**********002X"),
      ("######********####", "41010519491231002X", "410105********002X"),
      ("4*4", "41010519491231002X", "4101**********002X"),
      ("6*4", "41010519491231002X", "410105********002X"),
      ("0*4", "41010519491231002X", "**************002X"),
      ("3*0", "41010519491231002X", "410***************"),
      ("**####", "91350100M000100Y43", "**************0Y43"),
      ("####*####", "123456789", "1234*6789"), ("####*####", "12345678", "********"),
      ("4*4", "", ""),
      ("#*#", "王小明", "王*明"),
    ])
  func patterns(_ pattern: String, _ id: String, _ masked: String) throws {
    #expect(try IDMask(pattern: pattern).apply(id) == masked)
  }

  @Test func standard() {
    #expect(IDMask.standard.apply("41010519491231002X") == "4101**********002X")
    #expect(IDMask.standard == IDMask(keepFirst: 4, keepLast: 4))
  }

  @Test(
    "bad patterns", arguments: ["", "####", "##*#*##", "abc", "4*", "*4", "4*4*4", "444*4", "4x4"])
  func badPatterns(_ pattern: String) {
    expectMessage("掩码格式错误") { () throws(IDMaskError) in _ = try IDMask(pattern: pattern) }
  }

  @Test func validationProblems() {
    let problem = ValidationProblem(path: "members[1532].idNumber", message: "校验位错误，应为 X")
    #expect(problem.description == "members[1532].idNumber: 校验位错误，应为 X")
    do {
      _ = try ResidentID(validating: "110105194912310021", today: fixedToday)
      Issue.record("accepted an ID number whose check digit is wrong")
    } catch {
      #expect(
        ValidationProblem(path: "members[0].idNumber", error: error).message.hasPrefix("校验位错误，应为 X")
      )
    }
    #expect(Set([problem, problem]).count == 1)
  }
}
