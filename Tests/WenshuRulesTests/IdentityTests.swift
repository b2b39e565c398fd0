import Testing
import WenshuRules

@Suite("公民身份号码, 统一社会信用代码, masks")
struct IdentityTests {
  @Test func validID() throws {
    let id = try ResidentID(validating: "11010519491231002x")
    #expect(id.value == "11010519491231002X")
    #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
    #expect(id.sex == .female)
    #expect(id.regionCode == "110105")
    #expect(ResidentID.checkCharacter(for: "11010519491231002") == "X")
  }

  @Test("each mistake has its own message", arguments: [
    ("110105194912310021", "校验位错误，应为 X"), ("110105 19491231002X", "空格"), ("１１０１０５１９４９１２３１００２X", "全角"),
    ("110105491231002", "15位"), ("1101051949123100", "应为18位"), ("99010519491231002X", "地区码"),
    ("110105194902300028", "出生日期无效"), ("11010519491231002Y", "数字和末位X"),
  ])
  func idErrors(_ text: String, _ fragment: String) {
    do {
      _ = try ResidentID(validating: text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.message.contains(fragment), "\(error.message)")
    }
  }

  @Test func futureBirth() {
    #expect(throws: ResidentIDError.self) {
      try ResidentID(validating: "110105203001010011", today: CivilDate(year: 2025, month: 1, day: 1)!)
    }
  }

  @Test func creditCodes() throws {
    #expect(try CreditCode(validating: "91350100M000100Y43").value == "91350100M000100Y43")
    #expect(CreditCode.checkCharacter(for: "91350100M000100Y4") == "3")
    // The seeds' sample tax number fails the check, as units' typed numbers often do.
    #expect(throws: CreditCodeError.self) { try CreditCode(validating: "123702006762229200") }
    #expect(throws: CreditCodeError.self) { try CreditCode(validating: "91350100M000100Y4I") }
    #expect(throws: CreditCodeError.self) { try CreditCode(validating: "91350100M000100Y4") }
  }

  @Test func masks() throws {
    #expect(IDMask.standard.apply("41010519491231002X") == "4101**********002X")
    #expect(try IDMask(pattern: "######********####").apply("41010519491231002X") == "410105********002X")
    #expect(IDMask.standard.apply("123") == "***")
    #expect(throws: IDMaskError.self) { try IDMask(pattern: "##*#*##") }
  }
}

@Suite("Dates, ages, retirement")
struct DateTests {
  func d(_ s: String) -> CivilDate { try! CivilDate(parsing: s) }

  @Test func formats() {
    #expect(d("2025-02-25").chinese == "2025年2月25日")
    #expect(d("2025-02-25").chineseUppercase == "二〇二五年二月二十五日")
    #expect(d("2022-12-10").chineseUppercase == "二〇二二年十二月十日")
    #expect(d("2025-02-25T10:00:00+08:00") == d("2025-02-25"))
  }

  @Test("impossible dates are rejected", arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "2025-2-5", "25-02-25", "2025/02/25", ""])
  func impossible(_ s: String) {
    #expect(throws: DateError.self) { try CivilDate(parsing: s) }
  }

  @Test("周岁 counts a year complete the day after the anniversary", arguments: [
    ("2000-03-15", "2001-03-15", 0), ("2000-03-15", "2001-03-16", 1), ("2000-03-15", "2060-03-16", 60),
    ("2000-02-29", "2001-02-28", 0), ("2000-02-29", "2001-03-01", 1), ("2000-02-29", "2004-02-29", 3),
    ("2000-02-29", "2004-03-01", 4), ("2000-12-31", "2001-01-01", 0), ("2000-01-01", "2000-01-01", 0),
  ])
  func age(_ birth: String, _ on: String, _ expected: Int) {
    #expect(d(birth).age(on: d(on)) == expected)
  }

  @Test("retirement ages after the 2025 reform", arguments: [
    (RetirementCategory.male, "1964-12-15", 60, 0), (.male, "1965-01-10", 60, 1), (.male, "1965-05-01", 60, 2),
    (.male, "1976-08-01", 62, 11), (.male, "1976-09-01", 63, 0), (.male, "1990-01-01", 63, 0),
    (.femaleCadre, "1969-12-01", 55, 0), (.femaleCadre, "1970-01-01", 55, 1), (.femaleCadre, "1981-09-01", 58, 0),
    (.femaleWorker, "1974-12-01", 50, 0), (.femaleWorker, "1975-01-01", 50, 1), (.femaleWorker, "1975-03-01", 50, 2),
    (.femaleWorker, "1984-09-01", 54, 11), (.femaleWorker, "1984-11-01", 55, 0),
  ])
  func retirement(_ c: RetirementCategory, _ birth: String, _ years: Int, _ months: Int) {
    let age = c.retirementAge(birth: d(birth))
    #expect(age.years == years && age.months == months)
  }

  @Test func overAge() {
    let limits = AgeLimits(office: "河南省办事处", byActivity: ["意外伤害": .years(65)])
    let start = d("2025-03-01")
    #expect(limits.isOverAge(birth: d("1964-12-15"), sex: .male, activity: "住院医疗", startDate: start))
    #expect(limits.isOverAge(birth: d("1965-02-01"), sex: .male, activity: "住院医疗", startDate: start))
    #expect(!limits.isOverAge(birth: d("1965-02-02"), sex: .male, activity: "住院医疗", startDate: start))
    #expect(limits.isOverAge(birth: d("1974-12-01"), sex: .female, activity: "住院医疗", startDate: start))
    #expect(!limits.isOverAge(birth: d("1960-03-01"), sex: .male, activity: "意外伤害", startDate: start))
    #expect(limits.isOverAge(birth: d("1960-02-27"), sex: .male, activity: "意外伤害", startDate: start))
  }
}
