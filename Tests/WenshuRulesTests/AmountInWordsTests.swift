import Testing
import WenshuRules

@Suite("人民币大写金额")
struct AmountInWordsTests {
  /// Each case is written by `uppercase` and read back by `parse`.
  @Test(
    "every zero pattern, 10–19, units, the range's ends",
    arguments: [
      // Zero, units and tens: 10–19 begin with 壹拾.
      ("0", "零元整"), ("0.00", "零元整"), ("-0", "零元整"), ("1", "壹元整"), ("9", "玖元整"), ("10", "壹拾元整"),
      ("11", "壹拾壹元整"), ("15", "壹拾伍元整"), ("19", "壹拾玖元整"), ("19.90", "壹拾玖元玖角整"), ("20", "贰拾元整"),
      ("80.00", "捌拾元整"), ("99", "玖拾玖元整"),
      // Zeros inside a group of four: one 零 for a run, none at the end.
      ("100", "壹佰元整"), ("101", "壹佰零壹元整"), ("110", "壹佰壹拾元整"), ("111", "壹佰壹拾壹元整"),
      ("1000", "壹仟元整"), ("1001", "壹仟零壹元整"), ("1010", "壹仟零壹拾元整"), ("1100", "壹仟壹佰元整"),
      ("1011", "壹仟零壹拾壹元整"), ("1101", "壹仟壹佰零壹元整"), ("6007.14", "陆仟零柒元壹角肆分"),
      // Across 万: one 零 when the lower group starts with zeros; rule 3's optional 零 left out
      // after a written 万 (壹拾万柒仟, the People's Bank's first form).
      ("10000", "壹万元整"), ("10001", "壹万零壹元整"), ("10010", "壹万零壹拾元整"), ("10100", "壹万零壹佰元整"),
      ("10500", "壹万零伍佰元整"), ("11000", "壹万壹仟元整"), ("100000", "壹拾万元整"), ("100050", "壹拾万零伍拾元整"),
      ("107000", "壹拾万柒仟元整"), ("110000", "壹拾壹万元整"), ("201400", "贰拾万壹仟肆佰元整"),
      ("1000100", "壹佰万零壹佰元整"), ("1001000", "壹佰万壹仟元整"), ("1010000", "壹佰零壹万元整"),
      ("10000100", "壹仟万零壹佰元整"), ("10001000", "壹仟万壹仟元整"), ("10010010", "壹仟零壹万零壹拾元整"),
      ("123444.00", "壹拾贰万叁仟肆佰肆拾肆元整"),
      // Across 亿, including a whole 万 group of zeros (then 零 is written, as 万 is not).
      ("100000000", "壹亿元整"), ("100000001", "壹亿零壹元整"), ("100001000", "壹亿零壹仟元整"),
      ("100010000", "壹亿零壹万元整"), ("100100000", "壹亿零壹拾万元整"), ("101000000", "壹亿零壹佰万元整"),
      ("110000000", "壹亿壹仟万元整"), ("1000000000", "壹拾亿元整"), ("1050000000", "壹拾亿伍仟万元整"),
      ("1000050000", "壹拾亿零伍万元整"), ("100000000000", "壹仟亿元整"), ("100000000001", "壹仟亿零壹元整"),
      ("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"),
      ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
      // The People's Bank's examples (first form; 整 after 角, which the rules make optional).
      ("1409.50", "壹仟肆佰零玖元伍角整"), ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
      ("107000.53", "壹拾万柒仟元零伍角叁分"), ("16409.02", "壹万陆仟肆佰零玖元零贰分"), ("325.04", "叁佰贰拾伍元零肆分"),
      // 角 and 分: 零 after 元 when 角 is zero (mandatory) or the 元 digit is zero (our choice).
      ("1.01", "壹元零壹分"), ("1.10", "壹元壹角整"), ("1.50", "壹元伍角整"), ("10.05", "壹拾元零伍分"),
      ("10.50", "壹拾元零伍角整"), ("100.10", "壹佰元零壹角整"), ("101.11", "壹佰零壹元壹角壹分"),
      // Below one yuan: no 零元.
      ("0.01", "壹分"), ("0.05", "伍分"), ("0.10", "壹角整"), ("0.50", "伍角整"), ("0.55", "伍角伍分"),
      // Negative amounts.
      ("-5", "负伍元整"), ("-0.01", "负壹分"), ("-0.50", "负伍角整"), ("-107000.53", "负壹拾万柒仟元零伍角叁分"),
      ("-999999999999.99", "负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ])
  func uppercase(_ figures: String, _ words: String) throws {
    let amount = try Amount(parsing: figures)
    #expect(AmountInWords.uppercase(amount) == words)
    #expect(try AmountInWords.parse(words) == amount)
    #expect(AmountInWords.allowedForms(amount).first == words)
  }

  @Test(
    "the other spellings the rules permit, and hand-typed variants, are read",
    arguments: [
      // Rule 3's second forms, and both or neither optional 零.
      ("壹仟陆佰捌拾元叁角贰分", 168_032), ("壹拾万零柒仟元伍角叁分", 10_700_053), ("壹拾万零柒仟元零伍角叁分", 10_700_053),
      ("壹拾万柒仟元伍角叁分", 10_700_053), ("壹佰万零壹仟元整", 100_100_000), ("贰拾万零壹仟肆佰元整", 20_140_000),
      ("壹拾亿零伍仟万元整", 105_000_000_000), ("壹亿壹仟元整", 10_000_100_000),
      // 整 after 角 left out; 正 for 整.
      ("壹仟肆佰零玖元伍角", 140_950), ("伍角", 50), ("壹仟肆佰零玖元伍角正", 140_950), ("壹佰元正", 10_000),
      ("零元正", 0),
      // 人民币 before the amount; the traditional forms banks accept; 圆 for 元.
      ("人民币壹佰元整", 10_000), ("人民币负伍元整", -500), ("负人民币伍元整", -500), ("貳佰元整", 20_000),
      ("陸元整", 600), ("壹億元整", 10_000_000_000), ("壹萬元整", 1_000_000), ("壹佰圆整", 10_000),
      ("壹佰圓整", 10_000),
      ("壹萬貳仟圓正", 1_200_000),
      // 零元 before an amount below one yuan.
      ("零元伍角整", 50), ("零元伍角", 50), ("零元零伍分", 5), ("零元伍角伍分", 55),
    ] as [(String, Int64)])
  func variants(_ words: String, _ fen: Int64) throws {
    #expect(try AmountInWords.parse(words).fen == fen)
  }

  @Test(
    "malformed uppercase is rejected, naming the fault or the right spelling",
    arguments: [
      ("", "为空"), ("壹拾贰万叁千肆百肆拾肆元整", "不得使用“千”，应写“仟”"), ("叁佰元整", nil), ("一百元整", "“一”"),
      ("壹百元整", "“百”"), ("贰拾两元整", "“两”"), ("十元整", "“十”"), ("伍毛", "“毛”"), ("壹佰另伍元整", "“另”"),
      ("100元整", "“1”"), ("１００元", "“１”"), ("壹仟〇伍元整", "“〇”"),
      ("壹佰元", "“元”后应写“整”"), ("零元", "应为 零元整"), ("伍分整", "“分”后不写“整”"), ("壹元伍角伍分整", "“分”后不写“整”"),
      ("拾元整", "“拾”前应写“壹”；应为 壹拾元整"), ("拾伍元整", "应为 壹拾伍元整"), ("叁佰贰拾伍元肆分", "应为 叁佰贰拾伍元零肆分"),
      ("壹仟肆佰玖元整", "应为 壹仟肆佰零玖元整"), ("陆仟零零柒元壹角肆分", "连续的零只写一个"), ("壹佰元零", "末尾不写“零”"),
      ("壹佰零元整", "应为 壹佰元整"), ("壹佰元零角伍分", "应为 壹佰元零伍分"), ("零元伍分", "应为 伍分"),
      ("零元零伍角整", "应为 伍角整"), ("壹壹元整", "“壹”后缺少单位"), ("壹元伍", "“伍”后缺少单位"), ("伍", "缺少“元”"),
      ("壹佰", "缺少“元”"), ("佰元整", "“佰”前缺少数字"), ("万元整", "“万”前缺少数字"), ("壹佰万万元整", "“万”出现了多次"),
      ("壹亿贰亿元整", "“亿”出现了多次"), ("壹元壹元整", "“元”出现了多次"), ("伍角元整", "“角”应在“元”之后"),
      ("壹佰元伍拾", "“拾”应在“元”之前"), ("伍分伍角", "“角”的位置不对"), ("伍分伍分", "“分”出现了多次"),
      ("壹佰元整整", "“整”只能写在最后"), ("整伍元", "“整”只能写在最后"), ("元整", "缺少数字"), ("整", "缺少数字"),
      ("负零元整", "零不分正负"), ("壹佰 元整", "空白"), ("壹佰元整\u{200B}", "空白"), ("壹佰元abc", "无法识别的字“a”"),
      ("人民币", "缺少数字"), ("壹亿亿元整", "“亿”出现了多次"), ("壹万壹万亿元整", "“万”出现了多次"), ("亿元整", "“亿”前缺少数字"), ("玖仟玖佰玖拾玖仟元整", "单位顺序错误"),
      ("玖仟玖佰拾仟元整", "“仟”前缺少数字"),
    ] as [(String, String?)])
  func malformed(_ words: String, _ fragment: String?) {
    if let fragment {
      expectMessage(fragment) { () throws(AmountError) in _ = try AmountInWords.parse(words) }
    } else {
      #expect((try? AmountInWords.parse(words)) == Amount(fen: 30_000))
    }
  }

  @Test("allowed forms: the canonical first, each read back, 整 never after 分")
  func allowedForms() throws {
    #expect(
      AmountInWords.allowedForms(Amount(fen: 10_700_053)).sorted() == [
        "壹拾万柒仟元伍角叁分", "壹拾万柒仟元零伍角叁分", "壹拾万零柒仟元伍角叁分", "壹拾万零柒仟元零伍角叁分",
      ])
    #expect(AmountInWords.allowedForms(Amount(fen: 50)).first == "伍角整")
    #expect(Set(AmountInWords.allowedForms(Amount(fen: 50))) == ["伍角整", "伍角", "零元伍角整", "零元伍角"])
    #expect(AmountInWords.allowedForms(.zero) == ["零元整"])
    #expect(AmountInWords.allowedForms(Amount(fen: 10_000)) == ["壹佰元整"])
    for form in AmountInWords.allowedForms(Amount(fen: -10_000_100_053)) {
      #expect(form.hasPrefix("负"))
      #expect(try AmountInWords.parse(form) == Amount(fen: -10_000_100_053))
    }
  }

  /// 万亿 grouping up to 16 integer digits, as cn2an writes them (PBOC units 拾佰仟万亿).
  @Test(
    "万亿: up to 16 integer digits, written and read back",
    arguments: [
      (100_000_000_000_000, "壹万亿元整"),
      (100_000_000_100_000, "壹万亿零壹仟元整"),
      (100_000_000_000_100, "壹万亿零壹元整"),
      (110_000_000_000_000, "壹万壹仟亿元整"),
      (100_001_000_000_000, "壹万亿壹仟万元整"),
      (123_456_780_000_000_000, "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿元整"),
      (123_400_000_000_000_000, "壹仟贰佰叁拾肆万亿元整"),
      (500_000_000_000_000_050, "伍仟万亿元零伍角整"),
      (Amount.maximumFen, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ] as [(Int64, String)])
  func wanYi(_ fen: Int64, _ words: String) throws {
    #expect(AmountInWords.uppercase(Amount(fen: fen)) == words)
    #expect(try AmountInWords.parse(words) == Amount(fen: fen))
  }

  @Test("amounts beyond the range are still written, never trapping, and not read back")
  func beyondRange() {
    #expect(AmountInWords.uppercase(Amount(fen: 1_000_000_000_000_000_000)) == "壹亿亿元整")
    #expect(
      AmountInWords.uppercase(Amount(fen: .max)) == "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分")
    #expect(
      AmountInWords.uppercase(Amount(fen: .min)) == "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分")
    expectMessage("超出支持范围") { () throws(AmountError) in
      _ = try AmountInWords.parse(AmountInWords.uppercase(Amount(fen: .max)))
    }
  }
}
