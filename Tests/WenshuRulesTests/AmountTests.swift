import Testing
import WenshuRules

@Suite("Amount: exact fen, strict parsing")
struct AmountTests {
  @Test(
    "accepted figures",
    arguments: [
      ("0", 0), ("-0", 0), ("0.00", 0), ("123444", 12_344_400), ("123444.5", 12_344_450),
      ("123444.50", 12_344_450),
      ("-0.01", -1), ("0.1", 10), ("007", 700), ("80", 8000),
      ("999999999999.99", 99_999_999_999_999), ("1000000000000", 100_000_000_000_000),
      ("9999999999999999.99", 999_999_999_999_999_999), ("-9999999999999999.99", -999_999_999_999_999_999),
      ("-999999999999.99", -99_999_999_999_999), ("0000000000000001", 100),
    ] as [(String, Int64)])
  func accepted(_ text: String, _ fen: Int64) throws {
    #expect(try Amount(parsing: text).fen == fen)
  }

  @Test(
    "rejected, never rounded, each with its reason",
    arguments: [
      ("", "为空"), ("12.345", "最多两位小数"), ("0.001", "最多两位小数"), ("1e9", "科学计数法"), ("1E3", "科学计数法"),
      ("1.5e2", "科学计数法"), ("NaN", "不是数字"), ("nan", "不是数字"), ("Infinity", "不是数字"), ("-inf", "不是数字"),
      ("¥100", "货币符号"), ("￥100", "货币符号"), ("$5", "货币符号"), ("100元", "货币符号"), ("1,000", "千位分隔符"),
      ("1,000.00", "千位分隔符"), ("1，000", "千位分隔符"), ("１００", "全角"), ("1００.00", "全角"), ("100。00", "全角"),
      ("+5", "正号"), (" 5", "空格"), ("5 ", "空格"), ("1 000", "空格"), ("1\u{3000}0", "空格"),
      ("5\n", "空格"),
      ("1\u{200B}0", "不可见"), ("1.", "小数点后缺少数字"), (".5", "小数点前缺少数字"), ("-.5", "小数点前缺少数字"),
      ("-", "只有负号"), ("--5", "负号"), ("5-", "负号"), ("12.3.4", "多个小数点"), ("abc", "格式错误"),
      ("0x10", "格式错误"), ("10000000000000000", "超出支持范围"), ("10000000000000000.00", "超出支持范围"),
      ("-10000000000000000", "超出支持范围"), ("99999999999999999999", "超出支持范围"),
    ])
  func rejected(_ text: String, _ fragment: String) {
    expectMessage(fragment) { () throws(AmountError) in _ = try Amount(parsing: text) }
  }

  @Test func rangeMessageStatesTheRange() {
    expectMessage("1亿亿") { () throws(AmountError) in _ = try Amount(parsing: "10000000000000000") }
    expectMessage("9,999,999,999,999,999.99") { () throws(AmountError) in
      _ = try Amount(parsing: "10000000000000000")
    }
  }

  @Test(
    "figures and grouped",
    arguments: [
      (0, "0.00", "0.00"), (50, "0.50", "0.50"), (-50, "-0.50", "-0.50"),
      (12_344_400, "123444.00", "123,444.00"),
      (99_900, "999.00", "999.00"), (100_000, "1000.00", "1,000.00"),
      (-123_456_789, "-1234567.89", "-1,234,567.89"),
      (99_999_999_999_999, "999999999999.99", "999,999,999,999.99"),
      (Int64.min, "-92233720368547758.08", "-92,233,720,368,547,758.08"),
    ] as [(Int64, String, String)])
  func formats(_ fen: Int64, _ figures: String, _ grouped: String) {
    let a = Amount(fen: fen)
    #expect(a.figures == figures)
    #expect(a.grouped == grouped)
    #expect(a.description == figures)
  }

  @Test func arithmetic() throws {
    #expect(Amount(fen: 8000) * 16 == Amount(fen: 128_000))
    #expect(Amount(fen: 8000) + Amount(fen: 50) == Amount(fen: 8050))
    #expect(Amount(fen: 8000) - Amount(fen: 8050) == Amount(fen: -50))
    #expect(-Amount(fen: 5) == Amount(fen: -5))
    #expect(Amount(fen: -5) * -3 == Amount(fen: 15))
    #expect(try Amount(fen: 8000).multiplied(by: 2000) == Amount(fen: 16_000_000))
    #expect(try Amount.maximum.adding(Amount(fen: -1)) == Amount(fen: Amount.maximumFen - 1))
    #expect(Amount(fen: 1) < Amount(fen: 2))
    #expect(Amount.minimum < .zero && .zero < Amount.maximum)
  }

  @Test("operators saturate instead of trapping; checked forms throw")
  func overflow() {
    #expect(Amount(fen: .max) + Amount(fen: 1) == Amount(fen: .max))
    #expect(Amount(fen: .min) + Amount(fen: -1) == Amount(fen: .min))
    #expect(Amount(fen: .min) - Amount(fen: 1) == Amount(fen: .min))
    #expect(Amount(fen: .max) - Amount(fen: -1) == Amount(fen: .max))
    #expect(Amount(fen: .max / 2) * 3 == Amount(fen: .max))
    #expect(Amount(fen: .max / 2) * -3 == Amount(fen: .min))
    #expect(Amount(fen: .min) * -1 == Amount(fen: .max))
    #expect(-Amount(fen: .min) == Amount(fen: .max))
    #expect(Amount(fen: .min).magnitude == Amount(fen: .max))
    #expect(!(Amount.maximum + Amount(fen: 1)).isInRange)
    #expect(Amount.maximum.isInRange && Amount.minimum.isInRange)
    expectMessage("超出支持范围") { () throws(AmountError) in _ = try Amount.maximum.multiplied(by: 2) }
    expectMessage("超出支持范围") { () throws(AmountError) in
      _ = try Amount.maximum.adding(Amount(fen: 1))
    }
    expectMessage("超出支持范围") { () throws(AmountError) in _ = try Amount(fen: .max).multiplied(by: 1)
    }
  }
}
