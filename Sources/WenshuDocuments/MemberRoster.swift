import WenshuLayout
import WenshuRules

/// The rules of a member list (`members` whose rows declare `idNumber`), applied before the
/// layout engine sees the data: each number checked by its document type (`idType`, default
/// 居民身份证) against the document's own date, never the clock; 性别, 出生日期 and 年龄 that
/// the number states filled in where the data leaves them out (the Guangdong manual allows
/// it for a 居民身份证) and checked where it gives them; a number that states no birth date
/// needs `birthDate` and `sex`; and one number appears once per document.
struct MemberRoster {
  /// The fields a member row of this layout declares.
  let fields: Set<String>
  /// The date ages are counted on and birth dates are bounded by.
  let referenceDate: CivilDate?

  /// nil when the layout has no member list with ID numbers.
  init?(schema: DataSchema?, data: DataValue) {
    guard case .array(let items, _)? = schema?.field("members"), case .object(let rows, _) = items,
      rows.contains(where: { $0.name == "idNumber" })
    else { return nil }
    fields = Set(rows.map(\.name))
    referenceDate = Self.documentDate(data)
  }

  /// The date the document speaks for: printed, else signed, else its activity's start.
  /// Ages are counted on it (see docs/rules.md, “the date ages are counted on”).
  static func documentDate(_ data: DataValue) -> CivilDate? {
    for key in ["printedAt", "signedAt", "startDate"] {
      if case .string(let s)? = data[key], let d = try? CivilDate(parsing: s) { return d }
    }
    return nil
  }

  /// A member's identity as the rules read it.
  struct Identity {
    let document: IdentityDocument
    let birthDate: CivilDate
    let sex: Sex
  }

  /// The data with derived fields filled in, each member's identity (nil where it has a
  /// problem) and the problems.
  /// Stops early, with what it has, once `cancellation` is cancelled: a list runs to 200,000 rows.
  func apply(_ data: DataValue, cancellation: RenderCancellation? = nil) -> (DataValue, [Identity?], [DataProblem]) {
    guard case .object(var root) = data, case .array(var members)? = root["members"] else { return (data, [], []) }
    root["members"] = .null  // the list is held once while rows are filled in, not copied
    var problems: [DataProblem] = []
    var identities: [Identity?] = []
    var firstRow: [String: Int] = [:]
    for i in members.indices {
      if i % 64 == 63, cancellation?.isCancelled == true { break }
      guard case .object(var member) = members[i] else {
        identities.append(nil)
        continue
      }
      let original = member.count  // fields are only ever added
      let identity = check(&member, at: "members[\(i)]", into: &problems)
      identities.append(identity)
      if let identity {
        let key = identity.document.type.rawValue + identity.document.number
        if let first = firstRow[key] {
          problems.append(
            DataProblem(
              path: "members[\(i)].idNumber",
              message: "证件号码与 members[\(first)] 重复，同一人在一份文书中只能出现一次 (the same number as members[\(first)])"))
        } else {
          firstRow[key] = i
        }
      }
      if member.count != original { members[i] = .object(member) }
    }
    root["members"] = .array(members)
    return (.object(root), identities, problems)
  }

  private func check(_ member: inout DataObject, at path: String, into problems: inout [DataProblem]) -> Identity? {
    let type: IDType
    switch member["idType"] {
    case nil, .null?: type = .default
    case .string(let s)? where IDType(rawValue: s) != nil: type = IDType(rawValue: s)!
    default: return nil  // the schema names the bad type
    }
    guard case .string(let number)? = member["idNumber"] else { return nil }
    let document: IdentityDocument
    do { document = try IdentityDocument(validating: number, type: type, today: referenceDate) } catch {
      problems.append(DataProblem(path: path + ".idNumber", message: error.message))
      return nil
    }
    let givenBirth: CivilDate? = member["birthDate"]?.text.flatMap { try? CivilDate(parsing: $0) }
    let givenSex: Sex? = member["sex"]?.text.flatMap { Sex(rawValue: $0) }
    var ok = true
    if let stated = document.birthDate, let givenBirth, givenBirth != stated {
      problems.append(
        DataProblem(
          path: path + ".birthDate", message: "出生日期与证件号码不符：号码中为 \(stated.iso) (the number states \(stated.iso))"))
      ok = false
    }
    if let stated = document.sex, let givenSex, givenSex != stated {
      problems.append(
        DataProblem(
          path: path + ".sex", message: "性别与证件号码不符：号码中为\(stated.rawValue) (the number states \(stated.rawValue))"))
      ok = false
    }
    guard let birth = document.birthDate ?? givenBirth, let sex = document.sex ?? givenSex else {
      for (field, missing) in [
        ("birthDate", document.birthDate == nil && givenBirth == nil), ("sex", document.sex == nil && givenSex == nil),
      ]
      where missing && member[field] == nil {
        problems.append(
          DataProblem(
            path: "\(path).\(field)",
            message:
              "\(type.rawValue)号码不含\(field == "sex" ? "性别" : "出生日期")，须填写 \(field) (\(type.rawValue) numbers state no \(field == "sex" ? "sex" : "birth date"))"
          ))
      }
      return nil
    }
    if let referenceDate, birth > referenceDate {
      problems.append(
        DataProblem(
          path: path + ".birthDate", message: "出生日期 \(birth.chinese) 晚于文书日期 (birth date after the document's date)"))
      ok = false
    }
    if let referenceDate, fields.contains("age") {
      let age = birth.age(on: referenceDate)
      if let given = member["age"] {
        // A JSON number: 43, 43.0 and 4.3e1 are the same whole number.
        if case .number(let n) = given, Double(n) != Double(age) {
          problems.append(
            DataProblem(
              path: path + ".age",
              message: "年龄与出生日期不符：\(referenceDate.iso) 时应为 \(age) 周岁 (the age on \(referenceDate.iso) is \(age))"))
          ok = false
        }
      } else {
        member["age"] = .number(String(age))
      }
    }
    if fields.contains("sex"), member["sex"] == nil { member["sex"] = .string(sex.rawValue) }
    if fields.contains("birthDate"), member["birthDate"] == nil { member["birthDate"] = .string(birth.iso) }
    if fields.contains("idType"), member["idType"] == nil { member["idType"] = .string(type.rawValue) }
    return ok ? Identity(document: document, birthDate: birth, sex: sex) : nil
  }
}
