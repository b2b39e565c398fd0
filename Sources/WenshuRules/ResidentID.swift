/// 公民身份号码 (GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date, 3-digit
/// sequence (odd for men, even for women) and a check character by ISO 7064 MOD 11-2. Members
/// are identified by it on every list, so each way a clerk can mistype one has its own message.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
  /// Normalised: 18 characters, an upper-case X.
  public let value: String
  public let birthDate: CivilDate
  public let sex: Sex

  /// The 6-digit 行政区划代码 of the registering office (as it was at registration).
  public var regionCode: String { String(value.prefix(6)) }
  public var description: String { value }

  static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  static let checkCharacters: [Character] = Array("10X98765432")

  /// The first two digits of a region code: the province-level divisions of GB/T 2260, plus
  /// 71 台湾, 81 香港, 82 澳门 and 83 (台湾居民居住证). Only these are checked: county codes change
  /// every year and old numbers keep the code of their time.
  public static let provinceCodes: [Int: String] = [
    11: "北京", 12: "天津", 13: "河北", 14: "山西", 15: "内蒙古", 21: "辽宁", 22: "吉林", 23: "黑龙江",
    31: "上海", 32: "江苏", 33: "浙江", 34: "安徽", 35: "福建", 36: "江西", 37: "山东", 41: "河南", 42: "湖北",
    43: "湖南", 44: "广东", 45: "广西", 46: "海南", 50: "重庆", 51: "四川", 52: "贵州", 53: "云南", 54: "西藏",
    61: "陕西", 62: "甘肃", 63: "青海", 64: "宁夏", 65: "新疆", 71: "台湾", 81: "香港", 82: "澳门", 83: "台湾（居住证）",
  ]

  /// The check character for the first 17 digits, or nil when they are not 17 ASCII digits.
  public static func checkCharacter(for first17: String) -> Character? {
    let ds = first17.compactMap { TypedCharacters.isASCIIDigit($0) ? $0.wholeNumberValue : nil }
    guard ds.count == 17, first17.count == 17 else { return nil }
    let sum = zip(ds, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return checkCharacters[sum % 11]
  }

  /// The 18-digit number a 15-digit one (issued before 1999, year written in two digits)
  /// became: `19` inserted before the year and a check character appended. Nil when the text
  /// is not 15 ASCII digits.
  public static func upgrading(fifteenDigit text: String) -> String? {
    guard text.count == 15, text.allSatisfy(TypedCharacters.isASCIIDigit) else { return nil }
    let first17 = text.prefix(6) + "19" + text.dropFirst(6)
    return checkCharacter(for: String(first17)).map { String(first17) + String($0) }
  }

  /// Validates an 18-character number; a lower-case x is accepted as X. `today` bounds the
  /// birth date (pass nil for no bound).
  public init(validating text: String, today: CivilDate? = CivilDate.today())
    throws(ResidentIDError)
  {
    if let valid = Self.validNumber(text, today: today) {
      self = valid
      return
    }
    let shown = TypedCharacters.visible(text)
    guard !text.isEmpty else { throw ResidentIDError("身份证号码为空 (the ID number is empty)") }
    if text.contains(where: TypedCharacters.isBlank) {
      throw ResidentIDError("身份证号码中有空格：“\(shown)”，请删除空格 (remove the spaces)")
    }
    if text.contains(where: TypedCharacters.isInvisible) {
      throw ResidentIDError("身份证号码中有不可见字符：\(shown)，请重新输入 (remove the invisible character)")
    }
    if text.contains(where: TypedCharacters.isFullWidth) {
      throw ResidentIDError(
        "身份证号码含有全角字符：\(shown)，请切换到半角输入数字和X (full-width characters; use half-width)")
    }
    if let upgraded = Self.upgrading(fifteenDigit: text) {
      throw ResidentIDError(
        "这是15位旧身份证号码，请填写18位公民身份号码（按规则升位应为 \(upgraded)，请与身份证核对）"
          + " (a 15-digit number from before 1999; give the 18-digit number, probably \(upgraded))")
    }
    guard text.count == 18 else {
      throw ResidentIDError(
        "身份证号码应为18位，现为\(text.count)位：\(shown) (must be 18 characters, found \(text.count))")
    }
    let normalized = IdentityDocument.normalized(text)
    let first17 = String(normalized.prefix(17))
    guard first17.allSatisfy(TypedCharacters.isASCIIDigit), let last = normalized.last,
      last == "X" || TypedCharacters.isASCIIDigit(last)
    else {
      throw ResidentIDError(
        "身份证号码只能由数字组成，末位可以是X：\(shown) (digits only, X only as the last character)")
    }
    let d = first17.map { $0.wholeNumberValue! }
    guard Self.provinceCodes[d[0] * 10 + d[1]] != nil else {
      throw ResidentIDError(
        "身份证号码前6位地区码无效：\(normalized.prefix(6))（前两位\(normalized.prefix(2))不是省级代码） (unknown region)")
    }
    let y = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
    let digits8 = normalized.dropFirst(6).prefix(8)
    guard y >= 1900,
      let birth = CivilDate(year: y, month: d[10] * 10 + d[11], day: d[12] * 10 + d[13])
    else {
      throw ResidentIDError("身份证号码第7至14位出生日期无效：\(digits8)（没有这一天，或早于1900年） (no such birth date)")
    }
    if let today, birth > today {
      throw ResidentIDError("身份证号码中的出生日期 \(birth.chinese) 晚于今天 (birth date in the future)")
    }
    let expected = Self.checkCharacters[zip(d, Self.weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    guard expected == last else {
      throw ResidentIDError(
        "校验位错误，应为 \(expected)（若末位无误，则前17位中有错） (check character should be \(expected))")
    }
    value = normalized
    birthDate = birth
    sex = d[16] % 2 == 1 ? .male : .female
  }
}

extension ResidentID {
  private init(value: String, birthDate: CivilDate, sex: Sex) {
    self.value = value
    self.birthDate = birthDate
    self.sex = sex
  }

  /// A valid number read straight from its bytes, or nil for anything else, which the
  /// checks above then name. Member lists hold tens of thousands of valid numbers: reading
  /// them character by character, with a printable copy made for messages, was most of the
  /// time a list took to check.
  static func validNumber(_ text: String, today: CivilDate?) -> ResidentID? {
    var d = [Int](repeating: 0, count: 17)
    var count = 0
    var last: UInt8 = 0
    for byte in text.utf8 {
      guard count < 18 else { return nil }
      if count < 17 {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        d[count] = Int(byte - 0x30)
      } else {
        last = byte == UInt8(ascii: "x") ? UInt8(ascii: "X") : byte
      }
      count += 1
    }
    guard count == 18, provinceCodes[d[0] * 10 + d[1]] != nil else { return nil }
    let y = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
    guard y >= 1900, let birth = CivilDate(year: y, month: d[10] * 10 + d[11], day: d[12] * 10 + d[13]) else {
      return nil
    }
    if let today, birth > today { return nil }
    let expected = checkCharacters[zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    guard expected.asciiValue == last else { return nil }
    let value = last == text.utf8.last ? text : String(text.dropLast()) + "X"
    return ResidentID(value: value, birthDate: birth, sex: d[16] % 2 == 1 ? .male : .female)
  }
}

/// Sex as recorded in the ID number and printed on lists.
public enum Sex: String, Sendable, Hashable, CaseIterable {
  case male = "男"
  case female = "女"
}

/// Why a text is not a valid 公民身份号码.
public struct ResidentIDError: RuleError {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
