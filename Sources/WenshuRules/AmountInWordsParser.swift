/// Reading uppercase amounts back, to check amounts typed by hand (an e-bill's 大写 field, a
/// remittance form). The reader works in two steps: it reads the value leniently, then accepts
/// the text only if it is one of the spellings the rules permit for that value
/// (`AmountInWords.allowedForms`). So what is accepted is exactly defined by the writer, and a
/// rejected text gets the spelling it should have had.
extension AmountInWords {
  /// Reads an uppercase amount: whatever `uppercase` writes, and the variants the rules permit
  /// (each optional 零 written or not, 整 after 角 or not, 正 for 整, a leading 人民币, the
  /// traditional 貳 陸 億 萬 圓 and 圆 for 元, 零元 before an amount below one yuan). Rejects, with
  /// the correct spelling where one can be read, simplified numerals (一 二 千 百 …), missing or
  /// extra 零, missing 整, 整 after 分, 拾 without its digit, blanks and amounts beyond range.
  public static func parse(_ words: String) throws(AmountError) -> Amount {
    let shown = TypedCharacters.visible(words)
    guard !words.isEmpty else { throw AmountError("大写金额为空 (the amount in words is empty)") }
    if words.contains(where: { TypedCharacters.isBlank($0) || TypedCharacters.isInvisible($0) }) {
      throw AmountError("大写金额中不得留有空白：“\(shown)” (no blanks inside an amount in words)")
    }
    if let c = words.first(where: { forbidden[$0] != nil }), let correct = forbidden[c] {
      throw AmountError(
        "大写金额不得使用“\(c)”，应写“\(correct)”：\(shown) (use the uppercase numerals: \(c) → \(correct))")
    }
    var body = Substring(String(words.map { traditional[$0] ?? $0 }))
    var negative = false
    if body.hasPrefix("人民币") { body = body.dropFirst(3) }
    if body.first == "负" {
      negative = true
      body = body.dropFirst()
      if body.hasPrefix("人民币") { body = body.dropFirst(3) }
    }
    let fen = try readValue(Array(body), shown)
    let magnitude = Amount(fen: Int64(fen))
    let amount = Amount(fen: negative ? -Int64(fen) : Int64(fen))
    if negative && fen == 0 {
      throw AmountError("大写金额写法不规范：\(shown)，零不分正负，应为 零元整 (zero has no sign)")
    }
    guard allowedForms(magnitude).contains(String(body)) else {
      let hint = spellingHint(body).map { "\($0)；" } ?? ""
      throw AmountError(
        "大写金额写法不规范：\(shown)，\(hint)应为 \(uppercase(amount))"
          + " (not a spelling the PBOC rules permit; expected \(uppercase(amount)))")
    }
    return amount
  }

  /// Characters the rules forbid in an uppercase amount, and what to write instead.
  static let forbidden: [Character: String] = {
    var map: [Character: String] = [
      "一": "壹", "二": "贰", "两": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆", "七": "柒", "八": "捌",
      "九": "玖", "十": "拾", "百": "佰", "千": "仟", "〇": "零", "○": "零", "另": "零", "毛": "角", "念": "贰拾",
      "廿": "贰拾", "块": "元",
    ]
    for (i, numeral) in numerals.enumerated() {
      map[Character(String(i))] = String(numeral)
      map[Character(Unicode.Scalar(0xFF10 + UInt32(i))!)] = String(numeral)
    }
    return map
  }()

  /// Traditional forms the rules say banks accept (“如果金额数字书写中使用繁体字，如貳、陸、億、萬、圓的，
  /// 也应受理”), 圆 (the simplified 圓), and 正 for 整.
  static let traditional: [Character: Character] = [
    "貳": "贰", "陸": "陆", "億": "亿", "萬": "万", "圓": "元", "圆": "元", "正": "整",
  ]

  /// Why a well-read text is still not a permitted spelling, when it is one of the usual slips.
  static func spellingHint(_ body: Substring) -> String? {
    if body.hasSuffix("元") { return "“元”后应写“整”（或“正”）" }
    if body.hasSuffix("分整") { return "“分”后不写“整”" }
    if body.first == "拾" || body.contains("元拾") { return "“拾”前应写“壹”" }
    if body.contains("零零") { return "连续的零只写一个“零”" }
    if body.hasSuffix("零") { return "末尾不写“零”" }
    return nil
  }

  static func problem(_ what: String, _ shown: String, _ english: String) -> AmountError {
    AmountError("大写金额\(what)：\(shown) (\(english))")
  }

  /// Reads the value in fen without judging the spelling.
  static func readValue(_ chars: [Character], _ shown: String) throws(AmountError) -> UInt64 {
    var chars = chars
    guard !chars.isEmpty else { throw problem("缺少数字", shown, "no digits") }
    if chars.last == "整" { chars.removeLast() }
    if chars.contains("整") { throw problem("中“整”只能写在最后", shown, "整 only comes last") }
    let yuanMarks = chars.indices.filter { chars[$0] == "元" }
    guard yuanMarks.count <= 1 else {
      throw problem("中“元”出现了多次", shown, "元 appears more than once")
    }
    let integerPart = yuanMarks.first.map { chars[..<$0] } ?? []
    let fractionPart = yuanMarks.first.map { chars[($0 + 1)...] } ?? chars[...]
    guard !(integerPart.isEmpty && fractionPart.isEmpty) else {
      throw problem("缺少数字", shown, "no digits")
    }
    let yuan = try readYuan(integerPart, shown)
    let (jiao, fen) = try readJiaoFen(fractionPart, hasYuan: !yuanMarks.isEmpty, shown)
    guard yuan <= UInt64(Amount.maximumFen) / 100 else {
      throw AmountError(Amount.rangeMessage(shown))
    }
    return yuan * 100 + jiao * 10 + fen
  }

  static let placeValues: [Character: UInt64] = ["拾": 10, "佰": 100, "仟": 1000]

  /// Reads the part before 元: digits with 拾佰仟 inside groups closed by 万 and 亿, up to
  /// 16 digits (仟万亿): a 万 before the one 亿 is 万亿 (壹万亿 = 10¹²), as the 万亿 grouping
  /// of the People's Bank's units reads.
  static func readYuan(_ chars: ArraySlice<Character>, _ shown: String) throws(AmountError)
    -> UInt64
  {
    var yi: UInt64 = 0
    var belowYi: UInt64 = 0
    var section: UInt64 = 0
    var digit: UInt64? = nil
    var seenYi = false
    var seenWan = false  // in the part before 亿, then again in the part after it
    for c in chars {
      if let d = numerals.firstIndex(of: c) {
        if let previous = digit {
          throw problem("中“\(numerals[Int(previous)])”后缺少单位", shown, "a digit needs its unit")
        }
        if d > 0 { digit = UInt64(d) }
      } else if let unit = placeValues[c] {
        // A bare 拾 is read as 壹拾 here; the spelling check then asks for the 壹.
        guard let d = digit ?? (unit == 10 ? 1 : nil) else {
          throw problem("中“\(c)”前缺少数字", shown, "\(c) needs a digit before it")
        }
        section += d * unit
        digit = nil
        guard section <= 9999 else { throw problem("中单位顺序错误", shown, "units out of order") }
      } else if c == "万" || c == "亿" {
        let group = section + (digit ?? 0)
        section = 0
        digit = nil
        if c == "万" {
          guard !seenWan else { throw problem("中“万”出现了多次", shown, "万 appears more than once") }
          guard group > 0 else { throw problem("中“万”前缺少数字", shown, "万 needs a digit before it") }
          belowYi = group * 10_000
          seenWan = true
        } else {
          // A second 亿 after a 万 is 亿亿 (10¹⁶ yuan and beyond): outside the supported range.
          guard !(seenYi && seenWan) else { throw AmountError(Amount.rangeMessage(shown)) }
          guard !seenYi else { throw problem("中“亿”出现了多次", shown, "亿 appears more than once") }
          guard belowYi + group > 0 else {
            throw problem("中“亿”前缺少数字", shown, "亿 needs a digit before it")
          }
          yi = belowYi + group
          belowYi = 0
          seenYi = true
          seenWan = false
        }
      } else if c == "角" || c == "分" {
        throw problem("中“\(c)”应在“元”之后", shown, "\(c) comes after 元")
      } else {
        throw unknown(c, shown)
      }
    }
    return yi * 100_000_000 + belowYi + section + (digit ?? 0)
  }

  /// Reads the part after 元 (or the whole text below one yuan): [digit 角] [零] [digit 分].
  static func readJiaoFen(
    _ chars: ArraySlice<Character>, hasYuan: Bool, _ shown: String
  ) throws(AmountError) -> (UInt64, UInt64) {
    var jiao: UInt64? = nil
    var fen: UInt64? = nil
    var digit: UInt64? = nil
    var afterZero = false
    for c in chars {
      if let d = numerals.firstIndex(of: c) {
        if let previous = digit {
          throw problem("中“\(numerals[Int(previous)])”后缺少单位（角或分）", shown, "a digit needs 角 or 分")
        }
        if d > 0 { digit = UInt64(d) }
        afterZero = d == 0
        continue
      }
      switch c {
      case "角", "分":
        // 零角 is read as no 角 at all; the spelling check then asks for 元零…分.
        guard let d = digit ?? (afterZero ? 0 : nil) else {
          throw problem("中“\(c)”前缺少数字", shown, "\(c) needs a digit before it")
        }
        if c == "角" {
          guard jiao == nil, fen == nil else { throw problem("中“角”的位置不对", shown, "角 is misplaced") }
          jiao = d
        } else {
          guard fen == nil else { throw problem("中“分”出现了多次", shown, "分 appears more than once") }
          fen = d
        }
        digit = nil
      case "拾", "佰", "仟", "万", "亿":
        throw problem(
          hasYuan ? "中“\(c)”应在“元”之前" : "缺少“元”", shown,
          hasYuan ? "\(c) comes before 元" : "元 is missing")
      default:
        throw unknown(c, shown)
      }
      afterZero = false
    }
    if let d = digit {
      throw problem(
        hasYuan || jiao != nil || fen != nil ? "中“\(numerals[Int(d)])”后缺少单位（角或分）" : "缺少“元”", shown,
        "a digit needs its unit")
    }
    return (jiao ?? 0, fen ?? 0)
  }

  static func unknown(_ c: Character, _ shown: String) -> AmountError {
    problem(
      "中有无法识别的字“\(c)”，只能用 零壹贰叁肆伍陆柒捌玖 拾佰仟万亿 元角分 整", shown,
      "only uppercase numerals and units are allowed")
  }
}
