import Testing
import WenshuRules

@Suite("人民币大写金额")
struct AmountInWordsTests {
  @Test("every zero pattern and boundary", arguments: [
    ("0", "零元整"), ("0.00", "零元整"), ("-0", "零元整"),
    ("1", "壹元整"), ("10", "壹拾元整"), ("15", "壹拾伍元整"), ("19.90", "壹拾玖元玖角整"),
    ("20", "贰拾元整"), ("100", "壹佰元整"), ("101", "壹佰零壹元整"), ("110", "壹佰壹拾元整"),
    ("1000", "壹仟元整"), ("1001", "壹仟零壹元整"), ("1010", "壹仟零壹拾元整"), ("1100", "壹仟壹佰元整"),
    ("10000", "壹万元整"), ("10001", "壹万零壹元整"), ("10500", "壹万零伍佰元整"), ("100000", "壹拾万元整"),
    ("100050", "壹拾万零伍拾元整"), ("107000", "壹拾万零柒仟元整"), ("1001000", "壹佰万零壹仟元整"), ("1010000", "壹佰零壹万元整"),
    ("10000100", "壹仟万零壹佰元整"), ("100000000", "壹亿元整"), ("100000001", "壹亿零壹元整"),
    ("100010000", "壹亿零壹万元整"), ("110000000", "壹亿壹仟万元整"), ("1000000000", "壹拾亿元整"),
    ("123444.00", "壹拾贰万叁仟肆佰肆拾肆元整"), ("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    // The People's Bank's own examples (with every optional 零 written, 整 after 角):
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"), ("107000.53", "壹拾万零柒仟元零伍角叁分"),
    ("1409.50", "壹仟肆佰零玖元伍角整"), ("6007.14", "陆仟零柒元壹角肆分"), ("325.04", "叁佰贰拾伍元零肆分"),
    // Below one yuan, and negatives.
    ("0.50", "伍角整"), ("0.05", "伍分"), ("0.55", "伍角伍分"), ("-5", "负伍元整"), ("-0.01", "负壹分"),
    ("80.00", "捌拾元整"), ("320.00", "叁佰贰拾元整"), ("400", "肆佰元整"),
  ])
  func uppercase(_ figures: String, _ words: String) throws {
    let amount = try Amount(parsing: figures)
    #expect(AmountInWords.uppercase(amount) == words)
    #expect(try AmountInWords.parse(words) == amount)
  }

  @Test("the forms the rules also allow are read back", arguments: [
    ("壹仟陆佰捌拾元叁角贰分", 168_032), ("壹拾万柒仟元零伍角叁分", 10_700_053), ("壹拾万零柒仟元伍角叁分", 10_700_053),
    ("壹仟肆佰零玖元伍角", 140_950), ("壹佰元正", 10_000), ("壹拾万柒仟元整", 10_700_000),
  ])
  func allowedVariants(_ words: String, _ fen: Int64) throws {
    #expect(try AmountInWords.parse(words).fen == fen)
  }

  @Test("malformed uppercase is rejected", arguments: [
    "", "壹拾贰万叁千肆百肆拾肆元整", "拾元整", "叁佰贰拾伍元肆分", "壹仟肆佰玖元整", "伍分整", "壹壹元整",
    "壹佰元零", "一百元整", "壹元伍", "壹佰万万元整",
  ])
  func malformed(_ words: String) {
    #expect(throws: AmountError.self) { try AmountInWords.parse(words) }
  }

  @Test("figures are exact and strict", arguments: [
    ("123444", "123444.00", "123,444.00"), ("0.5", "0.50", "0.50"), ("-1234567.89", "-1234567.89", "-1,234,567.89"),
    ("007", "7.00", "7.00"), ("999999999999.99", "999999999999.99", "999,999,999,999.99"),
  ])
  func figures(_ text: String, _ figures: String, _ grouped: String) throws {
    let a = try Amount(parsing: text)
    #expect(a.figures == figures)
    #expect(a.grouped == grouped)
  }

  @Test("invalid amounts are rejected, not rounded", arguments: [
    "", "12.345", "1e9", "1E3", "NaN", "¥100", "￥100", "$5", "1,000", "１００", "+5", " 5", "5 ", "1.", ".5",
    "-", "1000000000000", "12.3.4", "abc", "100元",
  ])
  func rejected(_ text: String) {
    #expect(throws: AmountError.self) { try Amount(parsing: text) }
  }

  @Test func messagesSayWhy() {
    #expect(throws: AmountError.self) { try Amount(parsing: "12.345") }
    do { _ = try Amount(parsing: "12.345") } catch { #expect(error.message.contains("两位小数")) }
    do { _ = try Amount(parsing: "¥100") } catch { #expect(error.message.contains("货币符号")) }
  }

  @Test func arithmetic() throws {
    #expect(Amount(fen: 2500) * 16 == Amount(fen: 40000))
    #expect(throws: AmountError.self) { try Amount(fen: Amount.maximumFen).multiplied(by: 2) }
  }
}
