/// The identity documents a member can be enrolled with (the 证件类型 column of the member
/// lists). Units enrol staff from Hong Kong, Macao and Taiwan and foreigners as well as
/// mainland residents; each document's number has its own published form (docs/rules.md).
public enum IDType: String, Sendable, Hashable, CaseIterable {
  case residentID = "居民身份证"
  case residencePermit = "港澳台居民居住证"
  case foreignPermanentResident = "外国人永久居留身份证"
  case hongKongMacaoPermit = "港澳居民来往内地通行证"
  case taiwanPermit = "台湾居民来往大陆通行证"
  case passport = "护照"

  /// The type a member has when the data names none.
  public static let `default` = IDType.residentID

  /// Whether the number itself states the birth date (and the sex, for GB 11643 numbers);
  /// otherwise the data must give `birthDate` and `sex`.
  public var numberStatesBirthDate: Bool {
    switch self {
    case .residentID, .residencePermit: true
    case .foreignPermanentResident, .hongKongMacaoPermit, .taiwanPermit, .passport: false
    }
  }

  /// How lists mask the number: 4 and 4 of an 18-character number, fewer of a short one, so
  /// that a masked short number still hides most of it.
  public var mask: IDMask {
    switch self {
    case .residentID, .residencePermit, .foreignPermanentResident: .standard
    case .hongKongMacaoPermit, .passport: IDMask(keepFirst: 1, keepLast: 2)
    case .taiwanPermit: IDMask(keepFirst: 0, keepLast: 2)
    }
  }
}

/// A member's identity document, validated by its type's rules. `birthDate` and `sex` are
/// those the number states (nil where it states none).
public struct IdentityDocument: Sendable, Hashable, CustomStringConvertible {
  public let type: IDType
  /// Normalised: letters upper-case.
  public let number: String
  public let birthDate: CivilDate?
  public let sex: Sex?

  public var description: String { number }

  /// The 2023 foreign permanent-residence ID states its birth date in positions 7–14 but
  /// Wenshu takes no sex from it (see docs/rules.md), so only the date is read.
  public init(validating text: String, type: IDType, today: CivilDate?) throws(ResidentIDError) {
    self.type = type
    switch type {
    case .residentID:
      let id = try ResidentID(validating: text, today: today)
      (number, birthDate, sex) = (id.value, id.birthDate, id.sex)
    case .residencePermit:
      let id = try ResidentID(validating: text, today: today)
      guard ["810000", "820000", "830000"].contains(id.regionCode) else {
        throw ResidentIDError(
          "港澳台居民居住证号码前6位应为 810000（香港）、820000（澳门）或 830000（台湾），现为 \(id.regionCode)"
            + " (a residence permit number begins with 810000, 820000 or 830000)")
      }
      (number, birthDate, sex) = (id.value, id.birthDate, id.sex)
    case .foreignPermanentResident:
      let normalized = try Self.plain(text, type)
      if normalized.count == 18 {
        number = normalized
        birthDate = try Self.foreign2023(normalized, today: today)
      } else {
        try Self.foreign2017(normalized)
        number = normalized
        birthDate = nil
      }
      sex = nil
    case .hongKongMacaoPermit:
      let normalized = try Self.plain(text, type)
      let digits = normalized.dropFirst()
      guard let first = normalized.first, first == "H" || first == "M",
        digits.count == 8 || digits.count == 10, digits.allSatisfy(TypedCharacters.isASCIIDigit)
      else {
        throw ResidentIDError(
          "港澳居民来往内地通行证号码应为 H（香港）或 M（澳门）加 8 位数字（旧证 10 位）：\(normalized)"
            + " (H or M followed by 8 digits, or 10 on older permits)")
      }
      (number, birthDate, sex) = (normalized, nil, nil)
    case .taiwanPermit:
      let normalized = try Self.plain(text, type)
      guard normalized.count == 8 || normalized.count == 10, normalized.allSatisfy(TypedCharacters.isASCIIDigit)
      else {
        throw ResidentIDError(
          "台湾居民来往大陆通行证号码应为 8 位数字（旧证 10 位）：\(normalized) (8 digits, or 10 on older permits)")
      }
      (number, birthDate, sex) = (normalized, nil, nil)
    case .passport:
      let normalized = try Self.plain(text, type)
      guard (5...17).contains(normalized.count),
        normalized.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else {
        throw ResidentIDError(
          "护照号码应为 5 至 17 位字母或数字：\(normalized) (5 to 17 letters or digits)")
      }
      (number, birthDate, sex) = (normalized, nil, nil)
    }
  }

  /// A number as the rules read it, letters upper-case: `…x` and `…X` are the same number.
  @Sendable public static func normalized(_ text: String) -> String { text.uppercased() }

  /// The number without the typing mistakes every validator names, upper-cased.
  static func plain(_ text: String, _ type: IDType) throws(ResidentIDError) -> String {
    let shown = TypedCharacters.visible(text)
    let name = type.rawValue + "号码"
    guard !text.isEmpty else { throw ResidentIDError("\(name)为空 (the number is empty)") }
    if text.contains(where: TypedCharacters.isBlank) {
      throw ResidentIDError("\(name)中有空格：“\(shown)”，请删除空格 (remove the spaces)")
    }
    if text.contains(where: TypedCharacters.isInvisible) {
      throw ResidentIDError("\(name)中有不可见字符：\(shown)，请重新输入 (remove the invisible character)")
    }
    if text.contains(where: TypedCharacters.isFullWidth) {
      throw ResidentIDError("\(name)含有全角字符：\(shown)，请切换到半角输入 (full-width characters; use half-width)")
    }
    return normalized(text)
  }

  /// The 2023 外国人永久居留身份证: 18 digits — 9, the 2-digit province of the office that
  /// received the application, a 3-digit nationality code, the 8-digit birth date, three
  /// digits of sequence, and a check character by ISO 7064 MOD 11-2 as in GB 11643.
  static func foreign2023(_ number: String, today: CivilDate?) throws(ResidentIDError) -> CivilDate {
    let first17 = String(number.prefix(17))
    guard number.first == "9", let expected = ResidentID.checkCharacter(for: first17),
      let last = number.last, last == "X" || TypedCharacters.isASCIIDigit(last)
    else {
      throw ResidentIDError(
        "外国人永久居留身份证号码（2023年版）应为以 9 开头的18位数字，末位可以是X：\(number) (18 digits beginning with 9)")
    }
    guard ResidentID.provinceCodes[Int(number.dropFirst().prefix(2))!] != nil else {
      throw ResidentIDError("外国人永久居留身份证号码第2、3位受理地代码无效：\(number.dropFirst().prefix(2)) (unknown province)")
    }
    let d = number.dropFirst(6).prefix(8).map { $0.wholeNumberValue! }
    let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
    guard y >= 1900, let birth = CivilDate(year: y, month: d[4] * 10 + d[5], day: d[6] * 10 + d[7]) else {
      throw ResidentIDError("外国人永久居留身份证号码第7至14位出生日期无效：\(number.dropFirst(6).prefix(8)) (no such birth date)")
    }
    if let today, birth > today {
      throw ResidentIDError("外国人永久居留身份证号码中的出生日期 \(birth.chinese) 晚于今天 (birth date in the future)")
    }
    guard expected == last else {
      throw ResidentIDError("外国人永久居留身份证号码校验位错误，应为 \(expected) (check character should be \(expected))")
    }
    return birth
  }

  /// The 2017 (and 2004) 外国人永久居留身份证: 15 characters, the 3-letter nationality code
  /// then 12 digits. Wenshu checks the form only (its check digit's rule is not published).
  static func foreign2017(_ number: String) throws(ResidentIDError) {
    let letters = number.prefix(3)
    guard number.count == 15, letters.allSatisfy({ $0.isASCII && $0.isLetter }),
      number.dropFirst(3).allSatisfy(TypedCharacters.isASCIIDigit)
    else {
      throw ResidentIDError(
        "外国人永久居留身份证号码应为以 9 开头的18位数字（2023年版），或3位国籍字母加12位数字（2017年版）：\(number)"
          + " (18 digits beginning with 9, or 3 letters and 12 digits)")
    }
  }
}
