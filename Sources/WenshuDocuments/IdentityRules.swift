import WenshuLayout
import WenshuRules

/// The rules of an identity number, applied before the layout engine sees the data, to every
/// object that declares a field of type `idNumber` — at the top level, in an object, in a list
/// or a list in a list, whatever the fields are called. Its siblings are found by their types:
/// the number is checked by the document type (`idType`, default 居民身份证) against the
/// document's own date, never the clock; 性别 (`sex`), 出生日期 (`birthDate`) and 年龄 (`age`)
/// that the number states are filled in where the data leaves them out (the Guangdong manual
/// allows it for a 居民身份证) and checked where it gives them; a number that states no birth
/// date needs them given. (That one number appears once is a list's `unique` declaration.)
public struct IdentityRules {
  /// The date ages are counted on and birth dates are bounded by: the layout's `agesOn`
  /// rule says which field of the data holds it (nil: none declared, or none given).
  let referenceDate: CivilDate?
  let cancellation: RenderCancellation?

  init(referenceDate: CivilDate?, cancellation: RenderCancellation? = nil) {
    self.referenceDate = referenceDate
    self.cancellation = cancellation
  }

  /// The declaration of an `age` beside an `idNumber` (`members[].age`), which can only be
  /// counted on a date the layout declares; nil when the schema has none.
  static func ageDeclaration(_ schema: DataSchema, path: String = "") -> String? {
    switch schema {
    case .value: return nil
    case .array(let items, _, _): return ageDeclaration(items, path: path + "[]")
    case .object(let fields, _):
      if let roles = Roles(fields), let age = roles.age { return path.isEmpty ? age : path + "." + age }
      for (name, field) in fields {
        if let found = ageDeclaration(field, path: path.isEmpty ? name : path + "." + name) { return found }
      }
      return nil
    }
  }

  /// The room `apply` needs in an object read with these keys: one value for each field it
  /// may fill in (type, 性别, 出生日期, 年龄) that the schemas declare beside an identity number
  /// and the object leaves out. Given to the reader, so filling them in moves no row's values.
  static func room(in schemas: [DataSchema]) -> ObjectRoom? {
    var people: [Roles] = []
    func collect(_ schema: DataSchema) {
      switch schema {
      case .value: return
      case .array(let items, _, _): collect(items)
      case .object(let fields, _):
        if let roles = Roles(fields) { people.append(roles) }
        for (_, field) in fields { collect(field) }
      }
    }
    schemas.forEach(collect)
    guard !people.isEmpty else { return nil }
    return { [people] keys in
      people.filter { keys.contains($0.number) }.map { roles in
        [roles.type, roles.sex, roles.birthDate, roles.age].count { $0.map { !keys.contains($0) } ?? false }
      }.max() ?? 0
    }
  }

  /// A person's identity as the rules read it.
  struct Identity {
    let document: IdentityDocument
    let birthDate: CivilDate
    let sex: Sex
  }

  /// The fields of an object that hold one identity, found by their declared types.
  struct Roles {
    var number: String
    var type: String?
    var sex: String?
    var birthDate: String?
    var age: String?

    init?(_ fields: [(name: String, schema: DataSchema)]) {
      func field(_ type: IdentityType) -> String? {
        fields.first { if case .value(type.rawValue, _, _, nil) = $0.schema { true } else { false } }?.name
      }
      guard let number = field(.idNumber) else { return nil }
      self.number = number
      type = field(.idType)
      sex = field(.sex)
      birthDate = field(.birthDate)
      age = field(.age)
    }
  }

  /// Fills in the derived fields, in place: the caller hands over the only reference, or every
  /// object filled in is copied (200,000 members' took 66 MiB). Returns the identity of each
  /// object that holds one (by its path, where it has no problem) when `keepingIdentities`
  /// (only a rule that reads them needs them: 200,000 members' took 78 MiB), and the problems.
  /// Stops early, with what it has, once `cancellation` is cancelled: a list runs to 200,000 rows.
  func apply(
    _ data: inout DataValue, schema: DataSchema?, keepingIdentities: Bool
  ) -> ([String: Identity], [DataProblem]) {
    guard let schema, Self.holdsIdentities(schema) else { return ([:], []) }
    var found = Found(keeping: keepingIdentities)
    visit(&data, schema, path: "", into: &found)
    return (found.identities, found.problems)
  }

  struct Found {
    let keeping: Bool
    var identities: [String: Identity] = [:]
    var problems: [DataProblem] = []
  }

  /// Whether rows of this schema are people: an object with a field of type `idNumber` (a
  /// list of them is what a member spreadsheet fills).
  public static func isPerson(_ schema: DataSchema) -> Bool {
    guard case .object(let fields, _) = schema else { return false }
    return fields.contains {
      if case .value(let type, _, _, _) = $0.schema { type == IdentityType.idNumber.rawValue } else { false }
    }
  }

  /// Whether the schema declares an `idNumber` anywhere: only those parts are walked.
  static func holdsIdentities(_ schema: DataSchema) -> Bool {
    switch schema {
    case .value(let type, _, _, nil): type == IdentityType.idNumber.rawValue
    case .value: false
    case .array(let items, _, _): holdsIdentities(items)
    case .object(let fields, _): fields.contains { holdsIdentities($0.schema) }
    }
  }

  private func visit(_ value: inout DataValue, _ schema: DataSchema, path: String, into found: inout Found) {
    switch schema {
    case .object(let fields, _):
      guard case .object(var object) = value else { return }
      value = .null  // the object is held once while it is filled in, not copied
      if let roles = Roles(fields), let identity = check(&object, roles, at: path, into: &found.problems),
        found.keeping
      {
        found.identities[path] = identity
      }
      for (name, field) in fields where Self.holdsIdentities(field) {
        guard var child = object[name] else { continue }
        object[name] = .null
        visit(&child, field, path: path.isEmpty ? name : path + "." + name, into: &found)
        object[name] = child
      }
      value = .object(object)
    case .array(let items, _, _):
      guard case .array(var elements) = value else { return }
      value = .null
      for i in elements.indices {
        if i % 64 == 63, cancellation?.isCancelled == true { break }
        visit(&elements[i], items, path: "\(path)[\(i)]", into: &found)
      }
      value = .array(elements)
    case .value: return
    }
  }

  private func check(
    _ member: inout DataObject, _ roles: Roles, at path: String, into problems: inout [DataProblem]
  ) -> Identity? {
    let at = { (field: String) in path.isEmpty ? field : path + "." + field }
    let type: IDType
    switch roles.type.flatMap({ member[$0] }) {
    case nil, .null?: type = .default
    case .string(let s)? where IDType(rawValue: s) != nil: type = IDType(rawValue: s)!
    default: return nil  // the schema names the bad type
    }
    guard case .string(let number)? = member[roles.number] else { return nil }
    let document: IdentityDocument
    do { document = try IdentityDocument(validating: number, type: type, today: referenceDate) } catch {
      problems.append(DataProblem(path: at(roles.number), message: error.message))
      return nil
    }
    let givenBirth: CivilDate? = roles.birthDate.flatMap { member[$0] }?.text.flatMap { try? CivilDate(parsing: $0) }
    let givenSex: Sex? = roles.sex.flatMap { member[$0] }?.text.flatMap { Sex(rawValue: $0) }
    var ok = true
    if let stated = document.birthDate, let givenBirth, givenBirth != stated {
      problems.append(
        DataProblem(
          path: at(roles.birthDate!), message: "出生日期与证件号码不符：号码中为 \(stated.iso) (the number states \(stated.iso))"))
      ok = false
    }
    if let stated = document.sex, let givenSex, givenSex != stated {
      problems.append(
        DataProblem(
          path: at(roles.sex!), message: "性别与证件号码不符：号码中为\(stated.rawValue) (the number states \(stated.rawValue))"))
      ok = false
    }
    guard let birth = document.birthDate ?? givenBirth, let sex = document.sex ?? givenSex else {
      for (role, field, missing) in [
        (IdentityType.birthDate, roles.birthDate, document.birthDate == nil && givenBirth == nil),
        (IdentityType.sex, roles.sex, document.sex == nil && givenSex == nil),
      ]
      where missing && field.map({ member[$0] == nil }) ?? true {
        let named = field ?? role.rawValue
        let isSex = role == .sex
        problems.append(
          DataProblem(
            path: at(field ?? roles.number),
            message:
              "\(type.rawValue)号码不含\(isSex ? "性别" : "出生日期")，须填写 \(named) (\(type.rawValue) numbers state no \(isSex ? "sex of the holder" : "birth date")\(field == nil ? "; the layout declares no field of type \(role.rawValue) for it" : ""))"
          ))
      }
      return nil
    }
    if let referenceDate, birth > referenceDate {
      problems.append(
        DataProblem(
          path: at(roles.birthDate ?? roles.number),
          message: "出生日期 \(birth.chinese) 晚于文书日期 (birth date after the document's date)"))
      ok = false
    }
    // Room for the fields filled in below, made once: added one by one, a member's values
    // would be reallocated at twice their size.
    let filled = [referenceDate == nil ? nil : roles.age, roles.sex, roles.birthDate, roles.type]
    member.reserveCapacity(member.count + filled.count { $0.map { member[$0] == nil } ?? false })
    if let referenceDate, let ageField = roles.age {
      let age = birth.age(on: referenceDate)
      if let given = member[ageField] {
        // A JSON number: 43, 43.0 and 4.3e1 are the same whole number.
        if case .number(let n) = given, Double(n) != Double(age) {
          problems.append(
            DataProblem(
              path: at(ageField),
              message: "年龄与出生日期不符：\(referenceDate.iso) 时应为 \(age) 周岁 (the age on \(referenceDate.iso) is \(age))"))
          ok = false
        }
      } else {
        member[ageField] = .number(String(age))
      }
    }
    if let field = roles.sex, member[field] == nil { member[field] = .string(sex.rawValue) }
    if let field = roles.birthDate, member[field] == nil { member[field] = .string(birth.iso) }
    if let field = roles.type, member[field] == nil { member[field] = .string(type.rawValue) }
    return ok ? Identity(document: document, birthDate: birth, sex: sex) : nil
  }
}
