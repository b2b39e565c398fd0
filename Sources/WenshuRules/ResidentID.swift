/// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd for
/// men, even for women) and an ISO 7064 MOD 11-2 check character.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
  /// Normalised: 18 characters, an upper-case X.
  public let value: String
  public let birthDate: CivilDate
  public let sex: Sex

  public var regionCode: String { String(value.prefix(6)) }
  public var description: String { value }

  static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  static let checkCharacters: [Character] = Array("10X98765432")
  /// Province-level codes (GB/T 2260), plus 71 台湾, 81 香港, 82 澳门, 83 (residence permits).
  static let provinces: Set<Int> = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
  ]

  /// The check character for the first 17 digits, or nil when they are not 17 ASCII digits.
  public static func checkCharacter(for first17: String) -> Character? {
    let ds = first17.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
    guard ds.count == 17, first17.count == 17 else { return nil }
    let sum = zip(ds, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return checkCharacters[sum % 11]
  }

  /// Validates; `today` bounds the birth date (default: no bound).
  public init(validating text: String, today: CivilDate? = nil) throws(ResidentIDError) {
    if text.contains(where: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }) {
      throw ResidentIDError("身份证号码中有空格 (remove the spaces)")
    }
    if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0 == "Ｘ" || $0 == "ｘ" }) {
      throw ResidentIDError("身份证号码含有全角字符，请使用半角数字 (full-width digits)")
    }
    if text.count == 15, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      throw ResidentIDError("这是15位旧身份证号码，请填写18位公民身份号码 (15-digit numbers were replaced by 18-digit ones; not accepted)")
    }
    guard text.count == 18 else {
      throw ResidentIDError("身份证号码应为18位，实际为\(text.count)位 (must be 18 characters)")
    }
    let normalized = text.uppercased()
    let first17 = String(normalized.prefix(17))
    guard first17.allSatisfy({ $0.isASCII && $0.isNumber }),
      let last = normalized.last, last == "X" || (last.isASCII && last.isNumber)
    else {
      throw ResidentIDError("身份证号码只能由数字和末位X组成 (digits, and X only as the last character)")
    }
    guard Self.provinces.contains(Int(normalized.prefix(2))!) else {
      throw ResidentIDError("身份证号码的地区码无效：\(normalized.prefix(6)) (unknown region)")
    }
    let d = Array(first17).map { $0.wholeNumberValue! }
    let y = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
    guard y >= 1900, let birth = CivilDate(year: y, month: d[10] * 10 + d[11], day: d[12] * 10 + d[13]) else {
      throw ResidentIDError("身份证号码中的出生日期无效：\(normalized.dropFirst(6).prefix(8)) (no such birth date)")
    }
    if let today, birth > today {
      throw ResidentIDError("身份证号码中的出生日期晚于今天：\(birth.iso) (birth date in the future)")
    }
    let expected = Self.checkCharacter(for: first17)!
    guard expected == last else {
      throw ResidentIDError("校验位错误，应为 \(expected) (check character should be \(expected))")
    }
    value = normalized
    birthDate = birth
    sex = d[16] % 2 == 1 ? .male : .female
  }
}

public enum Sex: String, Sendable, Hashable {
  case male = "男"
  case female = "女"
}

public struct ResidentIDError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
