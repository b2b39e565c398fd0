import WenshuLayout
import WenshuRules

/// Value types layouts declare under `data:`, checked with the rules library.
public enum DomainTypes {
  public static let all: [ValueType] = ValueType.generic + [
    ValueType(
      "amount", summary: "an amount in yuan as a string, at most two decimals: \"123444.00\" (a JSON number is refused: most senders' numbers are binary floating point)",
      jsonSchema: #"{"type":"string","pattern":"^-?0*[0-9]{1,12}(\\.[0-9]{1,2})?$"}"#
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
      jsonSchema: #"{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}"#
    ) { v in
      guard case .string(let s) = v else { return "应为日期 (expected a date such as \"2025-02-25\", found \(v.kind))" }
      do { _ = try CivilDate(parsing: s) } catch { return "\(error)" }
      // CivilDate also reads a timestamp's date part; a date field holds the date alone.
      guard s.utf8.count == 10 else { return "日期格式错误：\(s)，应写作 年-月-日，如 2025-02-25 (expected YYYY-MM-DD and nothing more)" }
      return nil
    },
    ValueType(
      "idNumber", summary: "a 18-character 公民身份号码 with a valid check character",
      jsonSchema: #"{"type":"string","pattern":"^[0-9]{17}[0-9Xx]$"}"#
    ) { v in
      guard case .string(let s) = v else { return "应为身份证号码文字 (expected text, found \(v.kind))" }
      do { _ = try ResidentID(validating: s) } catch { return "\(error)" }
      return nil
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
