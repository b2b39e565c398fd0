import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

/// The date ages are counted on is the layout's to name (`- rule: agesOn`), whatever the
/// field is called; a layout that counts ages without naming one is refused at load. And one
/// identity number is one, however its check character is typed.
@Suite("Types: the date ages are counted on, and one number once", .serialized)
struct IdentityDateTests {
  static let person = "{ name: personName, idNumber: idNumber, age: age? }"

  @Test("ages are counted on the date the layout's agesOn names, a field of any name")
  func agesOnTheDeclaredDate() throws {
    let layout = TypedLayouts.form(
      "ages",
      data: "  reckonedOn: date\n  printedAt: date\n  people: [ \(Self.person) ]",
      checks: "  - rule: agesOn\n    date: reckonedOn", body: "{people[0].age}")
    let renderer = try TypedLayouts.renderer(["ages.yaml": layout])
    let id = TypeRuleTests.residentID("41010519700923342")  // born 1970-09-23
    func data(_ age: Int) -> DataValue {
      .object([
        "reckonedOn": .string("2025-09-24"), "printedAt": .string("2025-09-23"),
        "people": .array([.object(["name": .string("张三"), "idNumber": .string(id), "age": .number(String(age))])]),
      ])
    }
    // 55 周岁 from the day after the birthday: on reckonedOn, not on printedAt (the name the
    // code once looked for).
    let right = try TypedLayouts.problems(renderer, "ages", data(55))
    #expect(right == [], "\(right)")
    let wrong = try TypedLayouts.problems(renderer, "ages", data(54))
    #expect(wrong.contains { $0.path == "people[0].age" && $0.message.contains("2025-09-24 时应为 55 周岁") }, "\(wrong)")
  }

  @Test("an age beside an idNumber without agesOn, or the over-age rule without it, is a load error with the line")
  func agesNeedADeclaredDate() {
    let people = "  printedAt: date\n  people: [ \(Self.person) ]"
    // data:, checks:, a fragment of the message, the line blamed.
    let refused: [(String, String, String, Int)] = [
      (people, "", "people[].age is counted from an idNumber on a date the layout names", 4),
      (people, "", "under checks:\n  - rule: agesOn\n    date: …", 4),
      ("  printedAt: date\n  applicant: { holder: { idNumber: idNumber, age: age } }", "", "applicant.holder.age", 4),
      (
        "  printedAt: date\n  people: [ { name: personName, idNumber: idNumber } ]",
        "  - rule: overAgeMembers\n    list: people", "rule overAgeMembers needs rule agesOn", 7
      ),
      (
        "  printedAt: text\n  people: [ \(Self.person) ]", "  - rule: agesOn\n    date: printedAt",
        "rule agesOn: date: 'printedAt' is text in data:, not a date", 7
      ),
    ]
    for (data, checks, fragment, line) in refused {
      let error = DefectTests.loadError(data: data, body: "x", checks: checks)
      #expect(error?.message.contains(fragment) == true && error?.line == line, "\(String(describing: error))")
    }
    #expect(DefectTests.loadError(data: people, body: "x", checks: "  - rule: agesOn\n    date: printedAt") == nil)
  }

  @Test("…X and …x are one identity number: a repeat in a list, in nested lists and across lists")
  func checkCharacterCase() throws {
    let layout = TypedLayouts.form(
      "roll",
      data: """
          members (unique idNumber): [ { name: personName, idNumber: idNumber } ]
          unions:
            - { name: text, members (unique idNumber): [ { name: personName, idNumber: idNumber } ] }
        """, body: "x")
    let renderer = try TypedLayouts.renderer(["roll.yaml": layout])
    let upper = TypeRuleTests.residentID("11010519491231002")
    try #require(upper.hasSuffix("X"))
    let lower = String(upper.dropLast()) + "x"
    let other = TypeRuleTests.residentID("41010519700923342")
    func people(_ numbers: [String]) -> DataValue {
      .array(numbers.map { .object(["name": .string("张三"), "idNumber": .string($0)]) })
    }
    func data(_ top: [String], _ unions: [[String]]) -> DataValue {
      .object([
        "members": people(top),
        "unions": .array(unions.map { .object(["name": .string("一会"), "members": people($0)]) }),
      ])
    }
    #expect(try TypedLayouts.problems(renderer, "roll", data([upper, other], [[other], [upper]])) == [])
    let top = try TypedLayouts.problems(renderer, "roll", data([upper, lower], []))
    #expect(top.contains { $0.path == "members[1].idNumber" && $0.message.contains("members[0]") }, "\(top)")
    let nested = try TypedLayouts.problems(renderer, "roll", data([], [[lower, upper]]))
    #expect(
      nested.contains { $0.path == "unions[0].members[1].idNumber" && $0.message.contains("unions[0].members[0]") },
      "\(nested)")
    let across = try TypedLayouts.problems(renderer, "roll", data([], [[upper], [other, lower]]))
    #expect(
      across.contains { $0.path == "unions[1].members[1].idNumber" && $0.message.contains("unions[0].members[0]") },
      "\(across)")
  }
}
