import WenshuLayout
import WenshuRules

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
      ValueType(
        "amount",
        summary:
          "an amount in yuan as a string, at most two decimals: \"123444.00\" (a JSON number is refused: most senders' numbers are binary floating point)",
        jsonSchema: #"{"type":"string","pattern":"^-?0*[0-9]{1,16}(\\.[0-9]{1,2})?$"}"#, kind: .amount
      ) { v in
        switch v {
        case .string(let s):
          do { _ = try Amount(parsing: s) } catch { return "\(error)" }
          return nil
        case .number(let s): return "金额应写成文字，如 \"\(s)\" (an amount is a string such as \"80.00\", not a JSON number)"
        default: return "应为金额 (expected an amount such as \"80.00\", found \(v.kind))"
        }
      },
      ValueType(
        "date", summary: "a date that exists, written YYYY-MM-DD: \"2025-02-25\" (no time, nothing after it)",
        jsonSchema: #"{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}"#, kind: .date
      ) { v in
        guard case .string(let s) = v else { return "应为日期 (expected a date such as \"2025-02-25\", found \(v.kind))" }
        do { _ = try CivilDate(parsing: s) } catch { return "\(error)" }
        // CivilDate also reads a timestamp's date part; a date field holds the date alone.
        guard s.utf8.count == 10 else {
          return "日期格式错误：\(s)，应写作 年-月-日，如 2025-02-25 (expected YYYY-MM-DD and nothing more)"
        }
        return nil
      },
      // The number is checked against its member's idType, with the document's date, by
      // `MemberRoster` before layout; here only what holds for every type.
      ValueType(
        "idNumber",
        summary:
          "the number of the member's identity document (idType): an 18-character 公民身份号码 with a valid check character by default",
        jsonSchema:
          #"{"type":"string","anyOf":[{"pattern":"^[0-9]{17}[0-9Xx]$"},{"pattern":"^[A-Za-z]{3}[0-9]{12}$"},{"pattern":"^[HMhm][0-9]{8}([0-9]{2})?$"},{"pattern":"^[0-9]{8}([0-9]{2})?$"},{"pattern":"^[A-Za-z0-9]{5,17}$"}],"description":"checked by the rules of idType (default 居民身份证): 居民身份证 and 港澳台居民居住证 GB 11643 (居住证 810000/820000/830000); 外国人永久居留身份证 18 digits beginning with 9 (MOD 11-2) or 3 letters + 12 digits; 港澳居民来往内地通行证 H/M + 8 digits; 台湾居民来往大陆通行证 8 digits; 护照 5-17 letters or digits. Types whose number states no birth date need birthDate and sex."}"#
      ) { v in
        guard case .string(let s) = v else { return "应为证件号码文字 (expected text, found \(v.kind))" }
        if s.isEmpty { return "证件号码为空 (the number is empty)" }
        return nil
      },
      ValueType(
        "idType", summary: "证件类型: " + IDType.allCases.map(\.rawValue).joined(separator: ", ") + " (default 居民身份证)",
        jsonSchema: #"{"enum":["# + IDType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
          + "],\"default\":\"居民身份证\"}"
      ) { v in
        if case .string(let s) = v, IDType(rawValue: s) != nil { return nil }
        return
          "证件类型应为 \(IDType.allCases.map(\.rawValue).joined(separator: "、")) 之一 (unknown identity document type: \(v.text ?? v.kind))"
      },
      ValueType(
        "personName",
        summary: "a person's name as on the identity document: not empty, one line, no control characters",
        jsonSchema:
          #"{"type":"string","minLength":1,"maxLength":100,"pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+$"}"#
      ) { v in
        guard case .string(let s) = v else { return "姓名应为文字 (expected text, found \(v.kind))" }
        return PersonName.problem(s)
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
      ValueType("sex", summary: "男 or 女", jsonSchema: #"{"enum":["男","女"]}"#) { v in
        if case .string(let s) = v, s == "男" || s == "女" { return nil }
        return "性别应为“男”或“女” (expected 男 or 女)"
      },
    ]
}
