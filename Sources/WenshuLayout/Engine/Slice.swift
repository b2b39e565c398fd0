/// The unit the paginator places: a strip of the body's width that is never split across
/// pages (a table row, a line of a paragraph, a signature block). Items are relative to
/// the strip's top-left corner. A block is a lazy sequence of slices: where a page ends,
/// the rest of the sequence is where the block resumes on the next.
struct Slice {
  enum Kind {
    case content
    /// Space that only separates: dropped at the top or the foot of a page.
    case space
    /// Ends the page here.
    case pageBreak
  }
  var height: Double
  var items: [PageItem] = []
  var kind = Kind.content
  /// Must start on the same page as the next content slice (headings, table headers, the
  /// last row before a table's footer). The paginator looks past spacing for it.
  var keepWithNext = false
  /// Printed first when this slice starts a page (a table's caption and header rows).
  var repeatHeader: [Slice] = []
  /// Where it comes from, for the error when it cannot be placed on any page.
  var origin: SliceOrigin?

  static let pageBreak = Slice(height: 0, kind: .pageBreak)
  static func space(_ height: Double) -> Slice { Slice(height: height, kind: .space) }

  /// Stacks slices into one, for a group that is kept together.
  static func stack(_ slices: [Slice]) -> Slice {
    var result = Slice(height: 0)
    for s in slices {
      result.items += s.items.map { $0.offset(dx: 0, dy: result.height) }
      result.height += s.height
    }
    result.keepWithNext = slices.last { $0.kind == .content }?.keepWithNext ?? false
    result.origin = slices.first { $0.origin != nil }?.origin
    return result
  }
}

/// The layout line and data path a slice was made from.
struct SliceOrigin {
  let file: String
  let line: Int
  let path: String?

  var problem: (String) -> DataProblem {
    { message in DataProblem(path: path ?? "\(file):\(line)", message: "\(message) (\(file):\(line))") }
  }
}
