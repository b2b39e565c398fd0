import Foundation
import Testing
import WenshuDocuments
import WenshuLayout
import WenshuRules

/// Each figure a record prints twice is checked: one sample mutated per cross-check, refused
/// with the path of the figure that is wrong (exit 65 / 422 through the same `prepare`).
@Suite("Cross-checks", .serialized)
struct CrossCheckTests {
  /// A sample with one change: `"members.3.sex"` → a value, or nil to remove the field.
  static func sample(_ document: String, _ name: String, _ edits: [(String, DataValue?)]) throws -> DataValue {
    var data = try JSONReader.parse(try Fixtures.sample(document, name))
    for (path, value) in edits { data = edit(data, path.split(separator: ".").map(String.init)[...], value) }
    return data
  }

  static func edit(_ v: DataValue, _ path: ArraySlice<String>, _ new: DataValue?) -> DataValue {
    guard let first = path.first else { return new ?? .null }
    switch v {
    case .array(var items):
      let i = Int(first)!
      items[i] = edit(items[i], path.dropFirst(), new)
      return .array(items)
    case .object(var o):
      o[first] = path.count == 1 ? new : edit(o[first] ?? .null, path.dropFirst(), new)
      return .object(o)
    default: return v
    }
  }

  /// The problems a render reports (empty when it prints).
  static func problems(_ document: String, _ data: DataValue) throws -> [DataProblem] {
    try Fixtures.withRenderer { renderer in
      do {
        // Through JSON, as a client sends it: text is composed where JSON is read.
        let json = Array(JSONWriter.text(data).utf8)
        _ = try renderer.prepare(document: document, data: try renderer.parse(document: document, json: json))
        return []
      } catch let failure as RenderFailure {
        guard case .data(let problems) = failure else { throw failure }
        return problems
      }
    }
  }

  static func text(_ document: String, _ data: DataValue) throws -> String {
    let pdf = try Fixtures.withRenderer {
      try $0.render(document: document, json: Array(JSONWriter.text(data).utf8)).pdf
    }
    let out = try run("pdftotext", ["-layout", "-", "-"], stdin: pdf).stdout
    return String(decoding: out, as: UTF8.self).replacing(/\ +/, with: " ")
  }

  static let ids = (try? JSONReader.parse(try Fixtures.sample("confirmation", "henan-12")))?["members"]
  static func member(_ i: Int, _ field: String) -> DataValue { element(ids, i)?[field] ?? .null }

  static func element(_ v: DataValue?, _ i: Int) -> DataValue? {
    guard case .array(let items)? = v, items.indices.contains(i) else { return nil }
    return items[i]
  }

  /// (what, document, sample, edits, path, fragment)
  static let mutations: [(String, String, String, [(String, DataValue?)], String, String)] = [
    (
      "合计金额 ≠ 会费标准 × 每人份数 × 参保人数", "confirmation", "henan-12",
      [("activities.0.amount", .string("961.00")), ("total", .string("961.00"))], "activities[0].amount", "合计金额应等于"
    ),
    (
      "参保人数 ≠ the members listed for the activity", "confirmation", "henan-12",
      [
        ("activities.0.memberCount", .number("13")), ("activities.0.amount", .string("1040.00")),
        ("total", .string("1040.00")),
      ],
      "activities[0].memberCount",
      "参保人数与会员名单不符：参保人数 ≠ 名单中参加此活动的人数 (memberCount differs from the members listed for the activity)（13 ≠ 12）"
    ),
    (
      "a member's activity is not on the confirmation", "confirmation", "henan-12",
      [("members.3.activity", .string("退休职工住院医疗互助保障活动"))], "members[3].activity", "不在本确认书的保障活动明细中"
    ),
    ("an empty member list", "confirmation", "henan-12", [("members", .array([]))], "members", "会员名单为空"),
    (
      "one ID number twice, both rows named", "confirmation", "henan-12",
      [
        ("members.5.idNumber", member(2, "idNumber")), ("members.5.sex", member(2, "sex")),
        ("members.5.age", member(2, "age")),
      ],
      "members[5].idNumber", "与 members[2] 重复"
    ),
    (
      "性别 disagrees with the ID number", "confirmation", "henan-12",
      [("members.0.sex", .string(member(0, "sex").text == "男" ? "女" : "男"))], "members[0].sex", "性别与证件号码不符"
    ),
    (
      "年龄 disagrees with the ID number on printedAt", "confirmation", "henan-12",
      [("members.0.age", .number(String(Int(member(0, "age").text ?? "0")! + 1)))], "members[0].age", "2025-02-25 时应为"
    ),
    (
      "出生日期 disagrees with the ID number", "confirmation", "henan-12",
      [("members.0.birthDate", .string("1999-01-01"))], "members[0].birthDate", "出生日期与证件号码不符"
    ),
    (
      "a passport holder without birthDate and sex", "confirmation", "henan-12",
      [
        ("members.0.idType", .string("护照")), ("members.0.idNumber", .string("E12345678")), ("members.0.sex", nil),
        ("members.0.age", nil),
      ],
      "members[0].birthDate", "须填写 birthDate"
    ),
    (
      "an ID number checked by its own type", "confirmation", "henan-12",
      [("members.0.idType", .string("港澳台居民居住证"))], "members[0].idNumber", "810000"
    ),
    (
      "an unknown idType", "confirmation", "henan-12", [("members.0.idType", .string("军官证"))], "members[0].idType",
      "证件类型应为"
    ),
    (
      "a name with a newline", "confirmation", "henan-12", [("members.4.name", .string("王\n丽"))], "members[4].name",
      "换行符 U+000A"
    ),
    ("an empty name", "confirmation", "henan-12", [("members.4.name", .string(""))], "members[4].name", "姓名为空"),
    (
      "a birth after the document's date", "confirmation", "henan-12",
      [("members.0.idNumber", .string(makeID("410105", "20250301", 2))), ("members.0.age", nil)], "members[0].idNumber",
      "晚于"
    ),
    (
      "超龄人员在职证明 with nobody over the limit", "overage-certificate", "henan",
      [
        (
          "members",
          .array([sampleMember("overage-certificate", "henan", 0), sampleMember("overage-certificate", "henan", 2)])
        )
      ],
      "members", "名单中没有人在 2025-03-01 超过年龄上限"
    ),
    (
      "告知书 category not A, B, A+ or B+", "notification", "shanghai-grassroots", [("category", .string("C"))],
      "category", "会员类别应为"
    ),
    (
      "缴款单 credit code with a wrong check character", "payment-notice", "guangdong",
      [("unit.creditCode", .string("81440106MC1234567X"))], "unit.creditCode", "校验位错误，应为 T"
    ),
    (
      "在职证明 credit code with a wrong check character", "overage-certificate", "guangdong",
      [("unit.creditCode", .string("81440106MC1234567X"))], "unit.creditCode", "校验位错误，应为 T"
    ),
    (
      "district total ≠ counts × the office's prices", "notification", "shanghai-district",
      [("total", .string("201500"))], "total", "201400.00 ≠ 201500.00"
    ),
  ]

  static func sampleMember(_ document: String, _ name: String, _ i: Int) -> DataValue {
    element((try? JSONReader.parse(try Fixtures.sample(document, name)))?["members"], i) ?? .null
  }

  @Test("each mutation is refused with its path", arguments: mutations.map(\.0))
  func refused(_ what: String) throws {
    let (_, document, name, edits, path, fragment) = Self.mutations.first { $0.0 == what }!
    #expect(try Self.problems(document, try Self.sample(document, name, [])).isEmpty, "the sample itself must print")
    let problems = try Self.problems(document, try Self.sample(document, name, edits))
    #expect(
      problems.contains { $0.path == path && $0.message.contains(fragment) },
      "\(what): \(problems.map(\.description).joined(separator: "\n"))")
  }

  @Test("性别 and 年龄 left out of a 居民身份证 member are derived and printed")
  func derived() throws {
    let data = try Self.sample("confirmation", "henan-12", [("members.0.sex", nil), ("members.0.age", nil)])
    #expect(try Self.problems("confirmation", data).isEmpty)
    let name = Self.member(0, "name").text!
    let line = try Self.text("confirmation", data).split(separator: "\n").first { $0.contains(name) }
    #expect(
      line?.contains("\(Self.member(0, "sex").text!) \(Self.member(0, "age").text!)") == true, "\(line ?? "no line")")
  }

  /// A member of every identity document, each over 63 on the start date: all certified.
  @Test("every identity document prints, masked or whole as the layout says")
  func everyIdentityDocument() throws {
    let foreign17 = "911840" + "19580504" + "012"
    let members: [(String, String, String?, String?)] = [
      ("居民身份证", Self.makeID("410105", "19580504", 11), nil, nil),
      ("港澳台居民居住证", Self.makeID("810000", "19580504", 13), nil, nil),
      ("外国人永久居留身份证", foreign17 + String(ResidentID.checkCharacter(for: foreign17)!), nil, "男"),
      ("外国人永久居留身份证", "USA110358050412", "1958-05-04", "女"),
      ("港澳居民来往内地通行证", "H12345678", "1958-05-04", "男"),
      ("台湾居民来往大陆通行证", "01234567", "1958-05-04", "女"),
      ("护照", "E12345678", "1958-05-04", "男"),
    ]
    let list = DataValue.array(
      members.enumerated().map { i, m in
        var o = DataObject()
        o["name"] = .string("会员\(i)")
        o["idType"] = .string(m.0)
        o["idNumber"] = .string(m.1)
        if let b = m.2 { o["birthDate"] = .string(b) }
        if let s = m.3 { o["sex"] = .string(s) }
        return .object(o)
      })
    let data = try Self.sample("overage-certificate", "henan", [("members", list)])
    #expect(try Self.problems("overage-certificate", data).map(\.description) == [])
    // Lines wrap anywhere in Chinese text: compare without line breaks and spaces.
    let text = try Self.text("overage-certificate", data).replacingOccurrences(of: "\n", with: "").replacingOccurrences(
      of: " ", with: "")
    for (type, number, _, _) in members {
      let label = type == "居民身份证" ? "公民身份号码" : type + "号码"
      #expect(text.contains("\(label)：\(number)"), "\(label) \(number) missing")
    }
    #expect(text.contains("现年66岁"))
  }

  /// The district total is checked only against prices the office states: for a year its
  /// profile has none, the letter prints what the data says.
  @Test("no stated price, no total check")
  func districtWithoutPrices() throws {
    let data = try Self.sample(
      "notification", "shanghai-district", [("year", .number("2024")), ("total", .string("201500"))])
    #expect(try Self.problems("notification", data).isEmpty)
  }

  /// A Vietnamese name typed decomposed and 辻 with an ideographic variation selector.
  @Test("names as people type them are drawn")
  func typedNames() throws {
    let decomposed = "Nguye\u{302}\u{323}n Va\u{306}n An"
    let variant = "辻\u{E0100}希美"
    let data = try Self.sample(
      "confirmation", "henan-12", [("members.0.name", .string(decomposed)), ("members.1.name", .string(variant))])
    #expect(try Self.problems("confirmation", data).map(\.description) == [])
    let text = try Self.text("confirmation", data)
    // Composed before the fonts were asked: ệ (U+1EC7) drawn, no lone combining mark.
    #expect(text.unicodeScalars.contains("\u{1EC7}"))
    #expect(!text.unicodeScalars.contains("\u{302}") && !text.unicodeScalars.contains("\u{323}"))
    #expect(text.contains("辻"))
  }

  static func makeID(_ region: String, _ birth: String, _ sequence: Int) -> String {
    let seq = String(sequence)
    let first17 = region + birth + String(repeating: "0", count: 3 - seq.count) + seq
    return first17 + String(ResidentID.checkCharacter(for: first17)!)
  }
}
