import Testing
import WenshuRules

/// Table tests name the fragment each error message must contain, so a message cannot
/// silently degrade into "invalid input".
func expectMessage<E: RuleError>(
  _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws(E) -> Void
) {
  do {
    try body()
    Issue.record(
      "accepted; expected an error containing “\(fragment)”", sourceLocation: sourceLocation)
  } catch {
    #expect(
      error.message.contains(fragment), "“\(error.message)” lacks “\(fragment)”",
      sourceLocation: sourceLocation)
    #expect(error.description == error.message, sourceLocation: sourceLocation)
  }
}

func date(_ text: String) -> CivilDate {
  do { return try CivilDate(parsing: text) } catch { fatalError("bad test date \(text): \(error)") }
}

/// A fixed "today" for validation, so tests do not depend on the clock.
let fixedToday = CivilDate(year: 2025, month: 2, day: 25)!

/// A valid ID number built from its parts.
func residentID(region: String, birth: CivilDate, sequence: Int) -> String {
  let first17 = region + birth.iso.filter { $0 != "-" } + String(sequence).leftPadded(3)
  return first17 + String(ResidentID.checkCharacter(for: first17)!)
}

extension String {
  func leftPadded(_ n: Int) -> String {
    String(repeating: "0", count: Swift.max(0, n - count)) + self
  }
}
