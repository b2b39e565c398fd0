/// 人民币大写金额, as the People's Bank of China requires on bills and settlement vouchers
/// (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》), and as 财政部《会计基础工作规范》
/// 第五十二条 requires in accounts. The uppercase form exists so that an amount cannot be altered:
/// every gap is marked with 零, every number ends with 整 or 分, 拾 always has a digit before it.
///
/// Where the rules allow two spellings, `uppercase` writes the first one the People's Bank gives
/// (¥107,000.53 → 壹拾万柒仟元零伍角叁分) and `parse` accepts both. See docs/rules.md.
public enum AmountInWords {
  static let numerals: [Character] = Array("零壹贰叁肆伍陆柒捌玖")
  static let placeUnits = ["", "拾", "佰", "仟"]

  /// 123444.00 → 壹拾贰万叁仟肆佰肆拾肆元整; 1680.32 → 壹仟陆佰捌拾元零叁角贰分;
  /// 1409.50 → 壹仟肆佰零玖元伍角整; 325.04 → 叁佰贰拾伍元零肆分; 0 → 零元整;
  /// 0.50 → 伍角整; 0.05 → 伍分; −5 → 负伍元整.
  ///
  /// Up to 16 integer digits in the 万亿 grouping (10¹² → 壹万亿元整, 1234,5678,0000,0000 →
  /// 壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿元整). Never traps. An amount outside the supported range
  /// (|amount| ≥ 10¹⁶ yuan) is still written, as spoken Chinese reads it (壹亿亿元整), so that an error
  /// message can show it; such text is not a bill amount and `parse` rejects it.
  public static func uppercase(_ amount: Amount) -> String {
    write(amount, .canonical)
  }

  /// Every spelling of `amount` the rules permit, `uppercase(amount)` first: with and without
  /// each optional 零 (rule 3: the 万/亿 digit or the 元 digit is zero and the next digit is
  /// not), with and without 整 after 角, and for amounts below one yuan with a leading 零元.
  /// Negative amounts begin with 负. Written in simplified characters with 整; `parse` also
  /// accepts 正, the traditional forms the rules name and a leading 人民币.
  public static func allowedForms(_ amount: Amount) -> [String] {
    let m = amount.fen.magnitude
    guard m > 0 else { return ["零元整"] }
    let sites = optionalZeroSites(m / 100)
    var forms = [uppercase(amount)]
    var seen = Set(forms)
    for mask in 0..<(1 << sites.count) {
      let chosen = Set(sites.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
      for zeroAfterZeroYuan in [true, false] {
        for zhengAfterJiao in [true, false] {
          for zeroYuanPrefix in [false, true] {
            let spelling = Spelling(
              zeroAtGroupSites: chosen, zeroAfterZeroYuan: zeroAfterZeroYuan,
              zhengAfterJiao: zhengAfterJiao,
              zeroYuanPrefix: zeroYuanPrefix)
            let form = write(amount, spelling)
            if seen.insert(form).inserted { forms.append(form) }
          }
        }
      }
    }
    return forms
  }

  /// The choices the rules leave open.
  struct Spelling {
    /// Positions of the yuan digits (4: 万, 8: 亿, …) where an optional 零 is written; nil
    /// for the canonical choice: written only where that position's unit (万, 亿) is not.
    var zeroAtGroupSites: Set<Int>?
    /// 元零叁角 rather than 元叁角 when the 元 digit is zero.
    var zeroAfterZeroYuan: Bool
    /// 伍角整 rather than 伍角.
    var zhengAfterJiao: Bool
    /// 零元伍角整 rather than 伍角整 below one yuan.
    var zeroYuanPrefix: Bool

    static let canonical = Spelling(
      zeroAtGroupSites: nil, zeroAfterZeroYuan: true, zhengAfterJiao: true, zeroYuanPrefix: false)
  }

  static func write(_ amount: Amount, _ spelling: Spelling) -> String {
    let m = amount.fen.magnitude
    guard m > 0 else { return "零元整" }
    let yuan = m / 100
    let jiao = Int(m / 10 % 10)
    let fen = Int(m % 10)
    var out = amount.fen < 0 ? "负" : ""
    if yuan > 0 {
      out += integerWords(yuan, spelling) + "元"
    } else if spelling.zeroYuanPrefix {
      out += "零元"
    }
    if jiao == 0 && fen == 0 { return out + "整" }
    let afterYuan = yuan > 0 || spelling.zeroYuanPrefix
    if jiao == 0 {
      // Rule 4: 角 is zero and 分 is not — 元 must be followed by 零 (叁佰贰拾伍元零肆分).
      return out + (afterYuan ? "零" : "") + String(numerals[fen]) + "分"
    }
    // Rule 3: the 元 digit is zero and 角 is not — one 零, or none.
    if yuan > 0 && yuan % 10 == 0 && spelling.zeroAfterZeroYuan { out += "零" }
    out += String(numerals[jiao]) + "角"
    if fen > 0 { return out + String(numerals[fen]) + "分" }
    return out + (spelling.zhengAfterJiao ? "整" : "")
  }

  /// The decimal digits of a whole number, least significant first: `digits[p]` is the digit
  /// at position p (0: 元, 4: 万, 8: 亿).
  static func digits(_ value: UInt64) -> [Int] {
    var ds: [Int] = []
    var v = value
    while v > 0 {
      ds.append(Int(v % 10))
      v /= 10
    }
    return ds
  }

  /// The unit written after position `p` (a multiple of 4): 万 when its four-digit group is not
  /// all zero, 亿 when anything from `p` upwards is not zero (so 10¹² reads 壹万亿).
  static func groupUnit(at p: Int, _ ds: [Int]) -> String? {
    guard p > 0, p % 4 == 0, p < ds.count else { return nil }
    if p % 8 == 4 { return ds[p..<Swift.min(p + 4, ds.count)].contains { $0 != 0 } ? "万" : nil }
    return ds[p...].contains { $0 != 0 } ? "亿" : nil
  }

  /// Writes a whole number of yuan (at least 1) without 元. A run of zeros inside the number
  /// is written as one 零, before the next non-zero digit. A run that ends at the 万 or 亿
  /// digit, followed by a non-zero 仟 digit, is rule 3's optional 零.
  static func integerWords(_ value: UInt64, _ spelling: Spelling) -> String {
    let ds = digits(value)
    var out = ""
    var inZeroRun = false
    for p in ds.indices.reversed() {
      let d = ds[p]
      if d == 0 {
        inZeroRun = true
      } else {
        if inZeroRun {
          if writesZero(runEndingAt: p + 1, ds, spelling) { out += "零" }
          inZeroRun = false
        }
        out.append(numerals[d])
        out += placeUnits[p % 4]
      }
      if let unit = groupUnit(at: p, ds) { out += unit }
    }
    return out
  }

  /// Whether the 零 for a run of zeros ending at position `end` is written: always, unless the
  /// run ends at the 万 or 亿 digit (rule 3). There the canonical spelling writes it only when
  /// that unit is not written (壹拾万柒仟 but 壹亿零壹仟), since a written unit already marks
  /// the place.
  static func writesZero(runEndingAt end: Int, _ ds: [Int], _ spelling: Spelling) -> Bool {
    guard end % 4 == 0 else { return true }
    if let sites = spelling.zeroAtGroupSites { return sites.contains(end) }
    return groupUnit(at: end, ds) == nil
  }

  /// The positions where rule 3's optional 零 may stand: a run of zeros inside the number
  /// that ends at the 万 or 亿 digit and is followed by a non-zero 仟 digit.
  static func optionalZeroSites(_ yuan: UInt64) -> [Int] {
    let ds = digits(yuan)
    var sites: [Int] = []
    var inZeroRun = false
    for p in ds.indices.reversed() {
      if ds[p] == 0 {
        inZeroRun = true
      } else {
        if inZeroRun && (p + 1) % 4 == 0 { sites.append(p + 1) }
        inZeroRun = false
      }
    }
    return sites
  }
}
