/// The member-list columns offices use, by the data field each fills: the first name is the
/// one the template writes, the others are the variants found in the offices' own sheets
/// (参保人信息模板-通用.xlsx, the Shanghai 会员比对模板, unit-made lists).
public enum MemberColumns {
  public static let headers: [(field: String, names: [String])] = [
    ("name", ["姓名", "名字", "会员姓名", "职工姓名", "参保人", "参保人姓名"]),
    ("idType", ["证件类型", "证件种类"]),
    (
      "idNumber",
      [
        "证件号码", "证件号", "身份证号", "身份证号码", "公民身份号码", "身份证", "参保人证件号", "身份证件号码",
      ]
    ),
    ("sex", ["性别"]),
    ("birthDate", ["出生日期", "出生年月日", "生日"]),
    ("age", ["年龄"]),
    ("activity", ["保障活动", "保障活动名称", "参保活动"]),
    ("status", ["状态", "参保状态"]),
    ("reason", ["在职原因", "超龄原因"]),
    ("position", ["职位", "职务", "岗位"]),
    ("medicalInsurance", ["职工医保缴纳情况", "医保缴纳情况", "职工医保"]),
    ("socialInsurance", ["社保缴纳情况", "社会保险缴纳情况"]),
    ("dispatcher", ["派遣单位", "劳务派遣单位"]),
    ("since", ["派遣起始日期", "入职日期", "派遣日期"]),
  ]

  /// How a clerk's way of writing an ID type is written in the data (`身份证` → `居民身份证`).
  static let idTypeAliases: [String: String] = [
    "身份证": "居民身份证", "二代身份证": "居民身份证", "居民身份证": "居民身份证", "居住证": "港澳台居民居住证",
    "永久居留身份证": "外国人永久居留身份证", "回乡证": "港澳居民来往内地通行证", "台胞证": "台湾居民来往大陆通行证",
  ]

  /// The field a header names, if any: marks (`*`), spaces, line breaks and a note in
  /// brackets (`证件类型(身份证)*`) are ignored.
  public static func field(forHeader header: String) -> String? {
    let key = normalized(header)
    return headers.first { $0.names.contains(key) }?.field
  }

  public static func header(forField field: String) -> String? {
    headers.first { $0.field == field }?.names.first
  }

  static func normalized(_ header: String) -> String {
    var text = ""
    var depth = 0
    for ch in header {
      switch ch {
      case "(", "（", "[", "【": depth += 1
      case ")", "）", "]", "】": depth = max(0, depth - 1)
      case "*", "＊", " ", "\u{3000}", "\n", "\r", "\t", ":", "：": continue
      default: if depth == 0 { text.append(ch) }
      }
    }
    return text
  }
}
