/// The unit the paginator places: a strip of the body's width that is never split across
/// pages (a table row, a line of a paragraph, a signature block). Items are relative to
/// the strip's top-left corner.
struct Slice {
  var height: Double
  var items: [PageItem] = []
  /// Must start on the same page as the slice after it (headings, table headers).
  var keepWithNext = false
  /// Printed first when this slice starts a page (a table's caption and header row).
  var repeatHeader: [Slice] = []
  var pageBreak = false
  /// Dropped at the top of a page (space that only separates).
  var collapsesAtTop = false

  // swift-format-ignore: DontRepeatTypeInStaticProperties
  // (`pageBreak` is already the instance property that marks a break.)
  static let pageBreakSlice = Slice(height: 0, pageBreak: true)

  /// Stacks slices into one, for groups that are kept together.
  static func stack(_ slices: [Slice]) -> Slice {
    var result = Slice(height: 0)
    for s in slices {
      result.items += s.items.map { $0.offset(dx: 0, dy: result.height) }
      result.height += s.height
    }
    result.keepWithNext = slices.last?.keepWithNext ?? false
    return result
  }
}
