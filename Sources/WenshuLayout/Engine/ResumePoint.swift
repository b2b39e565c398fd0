/// Where the body's slices go on, as WeasyPrint's `resume_at`: the body's block, and in it
/// the unit (a table's row: 0 is its header, the rows follow, then what closes it; for other
/// blocks 0) and the slice in that unit. A value, so a page can be laid out again from where it
/// starts without laying out the pages before it.
public struct ResumePoint: Hashable, Sendable {
  var block: Int
  /// -1: the space before the block; `Int.max`: the space after it.
  var unit: Int
  var part: Int

  static let start = ResumePoint(block: 0, unit: -1, part: 0)
  static let spaceBefore = -1
  static let spaceAfter = Int.max
}

/// What a page starts from, recorded by the first pass: where the body resumes and the
/// running values carried over from the pages before it. Enough to lay the page out alone.
public struct PageRecord: Hashable, Sendable {
  /// Nil on a page the body has no slice on (an empty document's one page).
  var start: ResumePoint?
  /// The rows of the current per-page-rows table placed on earlier pages (`@rowsBefore`).
  var ledgerRowsBefore: Int
}
