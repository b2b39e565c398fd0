/// 人民币大写金额, as the People's Bank of China's rules for writing bills and settlement
/// vouchers require (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》).
/// See docs/rules.md for every choice the rules leave open.
public enum AmountInWords {
  static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
  static let units: [Character] = ["", "拾", "佰", "仟"].map { $0.first ?? " " }

  /// 123444.00 → 壹拾贰万叁仟肆佰肆拾肆元整; 1409.50 → 壹仟肆佰零玖元伍角整;
  /// 325.04 → 叁佰贰拾伍元零肆分; 0 → 零元整; -5 → 负伍元整.
  public static func uppercase(_ amount: Amount) -> String {
    words(amount, writeOptionalZeros: [true, true, true], zhengAfterJiao: true)
  }

  /// The optional 零s of the rules: at the 万 position, the 亿 position (when that digit is
  /// zero and the 仟 digit after it is not) and the 元 position (when the units digit is zero
  /// and 角 is not). Index 0: 万, 1: 亿, 2: 元.
  static func words(_ amount: Amount, writeOptionalZeros: [Bool], zhengAfterJiao: Bool) -> String {
    let m = amount.fen.magnitude
    let yuan = m / 100
    let jiao = Int(m / 10 % 10)
    let fen = Int(m % 10)
    var out = amount.fen < 0 ? "负" : ""
    if m == 0 { return "零元整" }
    if yuan > 0 {
      out += integerWords(yuan, writeOptionalZeros: writeOptionalZeros) + "元"
    }
    if jiao == 0 && fen == 0 { return out + "整" }
    if yuan > 0 {
      if jiao == 0 {
        out += "零"  // mandatory: 元零肆分
      } else if yuan % 10 == 0 && writeOptionalZeros[2] {
        out.append("零")  // optional: 壹仟陆佰捌拾元零叁角贰分
      }
    }
    if jiao > 0 { out += String(digits[jiao]) + "角" }
    if fen > 0 { return out + String(digits[fen]) + "分" }
    return out + (zhengAfterJiao ? "整" : "")
  }

  /// Writes a whole number of yuan (1 ... 999,999,999,999) without the trailing 元.
  static func integerWords(_ value: UInt64, writeOptionalZeros: [Bool]) -> String {
    var ds: [Int] = []
    var v = value
    while v > 0 {
      ds.append(Int(v % 10))
      v /= 10
    }
    var out = ""
    var pendingZero = false
    for p in stride(from: ds.count - 1, through: 0, by: -1) {
      let d = ds[p]
      if d == 0 {
        pendingZero = true
      } else {
        if pendingZero {
          // A zero at the 万/亿 position directly before a non-zero 仟 digit may be left out.
          let optional = (p == 3 || p == 7) && ds[p + 1] == 0
          if !optional || writeOptionalZeros[p == 3 ? 0 : 1] { out += "零" }
          pendingZero = false
        }
        out.append(digits[d])
        if p % 4 != 0 { out.append(units[p % 4]) }
      }
      if p == 4 || p == 8 {
        let group = ds[p..<min(p + 4, ds.count)]
        if group.contains(where: { $0 != 0 }) { out += p == 4 ? "万" : "亿" }
      }
    }
    return out
  }

  /// Reads an uppercase amount back into an `Amount`, for checking amounts typed by hand.
  /// Accepts exactly the forms the rules allow: with or without each optional 零, 整 or 正
  /// after 元 or 角; rejects anything else with the form it expected.
  public static func parse(_ words: String) throws(AmountError) -> Amount {
    let text = words.replacingEnd("正", with: "整")
    let value = try leniently(text)
    var forms: Set<String> = []
    for mask in 0..<8 {
      let zeros = [mask & 1 != 0, mask & 2 != 0, mask & 4 != 0]
      forms.insert(self.words(value, writeOptionalZeros: zeros, zhengAfterJiao: true))
      forms.insert(self.words(value, writeOptionalZeros: zeros, zhengAfterJiao: false))
    }
    guard forms.contains(text) else {
      throw AmountError("大写金额写法不规范：\(words)，应为 \(uppercase(value))")
    }
    return value
  }

  /// Reads the value without judging the form; the caller compares with the allowed forms.
  static func leniently(_ text: String) throws(AmountError) -> Amount {
    var chars = Array(text)
    let negative = chars.first == "负"
    if negative { chars.removeFirst() }
    if chars.last == "整" { chars.removeLast() }
    guard !chars.isEmpty else { throw AmountError("大写金额为空 (empty)") }
    var yuan: UInt64 = 0
    var yi: UInt64 = 0
    var wan: UInt64 = 0
    var section: UInt64 = 0
    var digit: UInt64? = nil
    var jiao: UInt64 = 0
    var fen: UInt64 = 0
    var seenYuan = false
    var last: Character = " "
    func bad(_ c: Character) -> AmountError {
      AmountError("大写金额中有无法识别的写法：'\(c)' in \(text) (uppercase digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿元角分)")
    }
    for c in chars {
      if let d = digits.firstIndex(of: c) {
        if d == 0 {
          guard digit == nil else { throw bad(c) }
          last = c
          continue
        }
        guard digit == nil else { throw bad(c) }
        digit = UInt64(d)
      } else {
        switch c {
        case "拾", "佰", "仟":
          guard let d = digit, !seenYuan else { throw bad(c) }
          section += d * [UInt64(10), 100, 1000][["拾", "佰", "仟"].firstIndex(of: c)!]
          digit = nil
        case "万":
          section += digit ?? 0
          guard section > 0, !seenYuan, wan == 0 else { throw bad(c) }
          wan = section
          section = 0
          digit = nil
        case "亿":
          section += digit ?? 0
          guard section > 0, !seenYuan, yi == 0, wan == 0 else { throw bad(c) }
          yi = section
          section = 0
          digit = nil
        case "元", "圆":
          guard !seenYuan else { throw bad(c) }
          section += digit ?? 0
          yuan = yi * 100_000_000 + wan * 10_000 + section
          seenYuan = true
          digit = nil
        case "角":
          guard let d = digit, jiao == 0, fen == 0 else { throw bad(c) }
          jiao = d
          digit = nil
        case "分":
          guard let d = digit, fen == 0 else { throw bad(c) }
          fen = d
          digit = nil
        default:
          throw bad(c)
        }
      }
      last = c
    }
    guard digit == nil, last != "零" || chars == ["零", "元"] else {
      throw AmountError("大写金额不完整：\(text) (a digit needs its unit)")
    }
    let total = yuan * 100 + jiao * 10 + fen
    guard total <= UInt64(Amount.maximumFen) else { throw AmountError("金额超出范围：\(text)") }
    return Amount(fen: (negative ? -1 : 1) * Int64(total))
  }
}

extension String {
  func replacingEnd(_ suffix: Character, with replacement: Character) -> String {
    guard last == suffix else { return self }
    return String(dropLast()) + String(replacement)
  }
}
