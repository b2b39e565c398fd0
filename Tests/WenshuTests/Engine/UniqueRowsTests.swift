import Testing
import WenshuLayout

/// A list's `unique` field keeps a text of digits and `X` (an identity number) packed into
/// two words; every other text as it is. Either way a repeat is found exactly and named
/// with both rows, and texts that only look alike when packed are not repeats.
@Suite("Engine: a list's unique values")
struct UniqueRowsTests {
  static let schema = DataSchema.object(
    fields: [
      (
        "rows",
        .array(
          items: .object(fields: [("code", .value(type: "text", optional: false))], optional: false),
          optional: false, unique: ["code"])
      )
    ], optional: false)

  static func problems(_ codes: [String]) -> [DataProblem] {
    let rows = DataValue.array(codes.map { .object(["code": .string($0)]) })
    let validator = SchemaValidator(types: Dictionary(uniqueKeysWithValues: ValueType.generic.map { ($0.name, $0) }))
    return validator.validate(.object(["rows": rows]), schema).problems
  }

  @Test("texts alike but for their length or trailing zeros are different values")
  func lengthsAndZerosDiffer() {
    let thirtyTwo = String(repeating: "9", count: 31) + "0"
    let codes = [
      "1", "10", "100", "0", "00", "X", "X0", "1000000000000000", "10000000000000000",
      "410105197009233420", "41010519700923342", thirtyTwo, thirtyTwo + "0", thirtyTwo + "00", "１０", "1x",
    ]
    #expect(Self.problems(codes) == [])
  }

  @Test("a repeat is named with both rows, whether its text packs or not")
  func repeatsNamed() {
    let number = "11010519491231002X"
    let long = String(repeating: "7", count: 40)
    let problems = Self.problems([number, "甲-1", long, "41010519700923342", number, long, "甲-1", "0", "0"])
    #expect(
      problems.map { "\($0.path): \($0.message)" } == [
        "rows[4].code: 与 rows[0] 重复，同一值在一份文书中只能出现一次 (the same code as rows[0])",
        "rows[5].code: 与 rows[2] 重复，同一值在一份文书中只能出现一次 (the same code as rows[2])",
        "rows[6].code: 与 rows[1] 重复，同一值在一份文书中只能出现一次 (the same code as rows[1])",
        "rows[8].code: 与 rows[7] 重复，同一值在一份文书中只能出现一次 (the same code as rows[7])",
      ])
  }
}
