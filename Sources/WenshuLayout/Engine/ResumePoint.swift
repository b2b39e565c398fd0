/// Where the body's slices go on, as WeasyPrint's `resume_at`: the body's block, and in it
/// the unit (a table's row: 0 is its header, the rows follow, then what closes it; an `each:`
/// block's item, by its index in the array; for other blocks 0) and the slice in that unit.
/// A value, so a page can be laid out again from where it starts without laying out the
/// pages before it.
public struct ResumePoint: Hashable, Sendable {
  var block: Int
  /// -1: the space before the block; `Int.max`: the space after it.
  var unit: Int
  var part: Int
  /// Inside a block that holds blocks (an `each:` item, a group): where among those blocks, as
  /// a point in a body of them (its `block` -1: the page break before an item). Empty
  /// elsewhere. At most one element: an array, because a struct cannot hold itself.
  var inner: [ResumePoint] = []

  static let start = ResumePoint(block: 0, unit: -1, part: 0)
  static let spaceBefore = -1
  static let spaceAfter = Int.max
  static let breakBefore = -1
}

/// What a page starts from, recorded by the first pass: where the body resumes and the
/// running values carried over from the pages before it. Enough to lay the page out alone.
public struct PageRecord: Hashable, Sendable {
  /// Nil on a page the body has no slice on (an empty document's one page).
  var start: ResumePoint?
  /// The rows of the current per-page-rows table placed on earlier pages (`@rowsBefore`).
  var ledgerRowsBefore: Int
}

/// Counts the slices made only to be skipped when a block resumes inside itself, and those a
/// block printing its page number makes again for the page: what laying out a page costs
/// beyond the page's own slices (a test reads it).
final class SkippedSlices {
  var count = 0
}

extension Slice {
  /// The slice saying it is at `point` among the blocks of the `unit` of a block that holds
  /// blocks (a group, an `each:` item).
  func nested(in unit: Int, at point: ResumePoint) -> Slice {
    var slice = self
    slice.at = ResumePoint(block: 0, unit: unit, part: 0, inner: [point])
    return slice
  }
}
