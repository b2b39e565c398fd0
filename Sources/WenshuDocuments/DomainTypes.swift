import WenshuLayout
import WenshuRules

/// The types a person's identity is declared with: `IdentityRules` finds a person's fields
/// by these types, whatever the fields are called.
enum IdentityType: String {
  case idNumber, idType, sex, birthDate, age
}

/// Value types layouts declare under `data:`, checked with the rules library.
public enum DomainTypes {
  public static let all: [ValueType] =
    ValueType.generic + [
      // `office: profile`: the data names the office by id and `OfficeProfile.resolve` puts
      // the server's profile in its place, so its fields may name a picture (its seal).
      ValueType(
        "profile", summary: "an object filled from a profile (e.g. an office); its fields are not checked",
        jsonSchema: #"{"type":"object"}"#, suppliedByServer: true
      ) { v in
        if case .object = v { return nil }
        return "应为对象 (expected an object, found \(v.kind))"
      },
      amount(signed: false),
      amount(signed: true),
      date("date", summary: "a date that exists, written YYYY-MM-DD: \"2025-02-25\" (no time, nothing after it)"),
      date(
        IdentityType.birthDate.rawValue,
        summary:
          "a birth date, YYYY-MM-DD; in a row with an idNumber that states one it may be left out (filled in) and must agree"
      ),
      ValueType(
        IdentityType.age.rawValue,
        summary:
          "an age in whole years (周岁) from 0 to 999,999,999; in a row with an idNumber it may be left out (counted on the document's date) and must agree",
        jsonSchema: #"{"type":"integer","minimum":0,"maximum":999999999}"#, kind: .number
      ) { v in ValueType.generic[1].problem(v) },
      // The number is checked against its member's idType, with the document's date, by
      // `IdentityRules` before layout; here only what holds for every type.
      ValueType(
        IdentityType.idNumber.rawValue,
        summary:
          "the number of the member's identity document (idType): an 18-character 公民身份号码 with a valid check character by default",
        jsonSchema:
          #"{"type":"string","anyOf":[{"pattern":"^[0-9]{17}[0-9Xx]$"},{"pattern":"^[A-Za-z]{3}[0-9]{12}$"},{"pattern":"^[HMhm][0-9]{8}([0-9]{2})?$"},{"pattern":"^[0-9]{8}([0-9]{2})?$"},{"pattern":"^[A-Za-z0-9]{5,17}$"}],"description":"checked by the rules of idType (default 居民身份证): 居民身份证 and 港澳台居民居住证 GB 11643 (居住证 810000/820000/830000); 外国人永久居留身份证 18 digits beginning with 9 (MOD 11-2) or 3 letters + 12 digits; 港澳居民来往内地通行证 H/M + 8 digits; 台湾居民来往大陆通行证 8 digits; 护照 5-17 letters or digits. Types whose number states no birth date need birthDate and sex."}"#,
        sameValue: IdentityDocument.normalized
      ) { v in
        guard case .string(let s) = v else { return "应为证件号码文字 (expected text, found \(v.kind))" }
        if s.isEmpty { return "证件号码为空 (the number is empty)" }
        return nil
      },
      ValueType(
        IdentityType.idType.rawValue,
        summary: "证件类型: " + IDType.allCases.map(\.rawValue).joined(separator: ", ") + " (default 居民身份证)",
        jsonSchema: #"{"enum":["# + IDType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
          + "],\"default\":\"居民身份证\"}"
      ) { v in
        if case .string(let s) = v, IDType(rawValue: s) != nil { return nil }
        return
          "证件类型应为 \(IDType.allCases.map(\.rawValue).joined(separator: "、")) 之一 (unknown identity document type: \(v.text ?? v.kind))"
      },
      ValueType(
        "personName",
        summary:
          "a person's name as on the identity document: something visible, one line, no control characters, at most two combining marks on a letter",
        jsonSchema:
          #"{"type":"string","minLength":1,"maxLength":100,"allOf":[{"pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+$"},{"pattern":""#
          + VisibleText.jsonPattern + #""},{"not":{"pattern":""# + PersonName.stackedMarksJSONPattern + #""}}]}"#
      ) { v in
        guard case .string(let s) = v else { return "姓名应为文字 (expected text, found \(v.kind))" }
        return PersonName.problem(s) ?? VisibleText.problem(s)
      },
      ValueType(
        "phone",
        summary:
          "a mainland telephone number: a mobile (13800138000) or a landline with its area code (020-38861234, 0532-85901234, an extension after a further -)",
        jsonSchema:
          #"{"type":"string","pattern":"^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?|[48]00-?[0-9]{3}-?[0-9]{4})$"}"#
      ) { v in
        guard case .string(let s) = v else { return "应为电话号码文字 (expected text, found \(v.kind))" }
        return PhoneNumber.problem(s)
      },
      ValueType(
        "code",
        summary:
          "a document number: 1 to 64 ASCII letters, digits, - and /, beginning with a letter or digit (no spaces, invisible or formatting characters)",
        jsonSchema: #"{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9/-]{0,63}$"}"#
      ) { v in
        guard case .string(let s) = v else { return "应为编号文字 (expected text, found \(v.kind))" }
        return DocumentCode.problem(s)
      },
      ValueType(
        "memberCategory", summary: "会员类别: A, B, A+ or B+",
        jsonSchema: #"{"enum":["A","B","A+","B+"]}"#
      ) { v in
        if case .string(let s) = v, ["A", "B", "A+", "B+"].contains(s) { return nil }
        return "会员类别应为 A、B、A+ 或 B+ (expected A, B, A+ or B+, found \(v.text ?? v.kind))"
      },
      ValueType(
        "creditCode", summary: "an 18-character 统一社会信用代码 with a valid check character",
        jsonSchema: #"{"type":"string","pattern":"^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$"}"#
      ) { v in
        guard case .string(let s) = v else { return "应为统一社会信用代码文字 (expected text, found \(v.kind))" }
        do { _ = try CreditCode(validating: s) } catch { return "\(error)" }
        return nil
      },
      ValueType(IdentityType.sex.rawValue, summary: "男 or 女", jsonSchema: #"{"enum":["男","女"]}"#) { v in
        if case .string(let s) = v, s == "男" || s == "女" { return nil }
        return "性别应为“男”或“女” (expected 男 or 女)"
      },
    ]
}

extension DomainTypes {
  /// `amount` (never negative: a payment of ¥-8,550.00 is a mistake) or `signedAmount`
  /// (a balance or a correction, where a minus sign means something).
  static func amount(signed: Bool) -> ValueType {
    let sign = signed ? "-?" : ""
    return ValueType(
      signed ? "signedAmount" : "amount",
      summary: signed
        ? "an amount in yuan that may be negative, as a string, at most two decimals: \"-80.00\""
        : "an amount in yuan, not negative, as a string, at most two decimals: \"123444.00\" (a JSON number is refused: most senders' numbers are binary floating point)",
      jsonSchema: #"{"type":"string","pattern":"^"# + sign + #"0*[0-9]{1,16}(\\.[0-9]{1,2})?$"}"#, kind: .amount
    ) { v in
      switch v {
      case .string(let s):
        do { _ = try Amount(parsing: s) } catch { return "\(error)" }
        if !signed && s.hasPrefix("-") {
          return "金额不能为负数：\(s)（可为负数的金额须在版式中声明为 signedAmount） (an amount is not negative)"
        }
        return nil
      case .number(let s): return "金额应写成文字，如 \"\(s)\" (an amount is a string such as \"80.00\", not a JSON number)"
      default: return "应为金额 (expected an amount such as \"80.00\", found \(v.kind))"
      }
    }
  }

  /// A date field; `birthDate` is one, which the identity rules fill in and cross-check.
  static func date(_ name: String, summary: String) -> ValueType {
    ValueType(
      name, summary: summary,
      jsonSchema: #"{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}"#, kind: .date
    ) { v in
      guard case .string(let s) = v else { return "应为日期 (expected a date such as \"2025-02-25\", found \(v.kind))" }
      do { _ = try CivilDate(parsing: s) } catch { return "\(error)" }
      // CivilDate also reads a timestamp's date part; a date field holds the date alone.
      guard s.utf8.count == 10 else {
        return "日期格式错误：\(s)，应写作 年-月-日，如 2025-02-25 (expected YYYY-MM-DD and nothing more)"
      }
      return nil
    }
  }
}
