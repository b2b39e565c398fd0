import WenshuLayout

/// What checking a document's data found, without printing it: the problems that would
/// refuse it and the warnings it would print with (each the first `ProblemList.limit`, and
/// the totals).
public struct ValidationReport: Sendable {
  public var problems: ProblemList
  public var warnings: ProblemList
  /// Pages the document would have (0 when it has problems).
  public var pages: Int
  public var isValid: Bool { problems.isEmpty }

  public init(problems: ProblemList, warnings: ProblemList, pages: Int) {
    self.problems = problems
    self.warnings = warnings
    self.pages = pages
  }
}

extension DocumentRenderer {
  /// Runs every check a render runs (schema, rules, glyphs, pagination) and reports instead
  /// of printing. Malformed JSON and an unknown document are still failures, as for a render.
  public func validate(
    document: String, json: [UInt8], cancellation: RenderCancellation? = nil, scope: OfficeScope? = nil
  ) throws(RenderFailure) -> ValidationReport {
    let data = try parse(document: document, json: json, cancellation: cancellation)
    do {
      let prepared = try prepare(document: document, data: data, cancellation: cancellation, scope: scope)
      return ValidationReport(
        problems: ProblemList(), warnings: ProblemList(prepared.warnings), pages: prepared.pageCount)
    } catch {
      guard case .data(let problems) = error else { throw error }
      return ValidationReport(problems: ProblemList(problems), warnings: ProblemList(), pages: 0)
    }
  }
}
