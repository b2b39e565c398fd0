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
  /// Must end up on the page of the content slice before it (a block's `keepWithPrevious`):
  /// `KeptWithPrevious` turns it into that slice's `keepWithNext`.
  var keepWithPrevious = false
  /// Printed first when this slice starts a page (a table's caption and header rows).
  var repeatHeader: [Slice] = []
  /// Where it comes from, for the error when it cannot be placed on any page.
  var origin: SliceOrigin?
  /// Made anew where it lands, from the page and the ledger rows there (`{@page}` in the
  /// body, a table's 本页小计 / 过次页 / 承前页); `height` is what was measured and reserved.
  var remake: ((Placement) -> Slice)?
  /// A row (or a band of a row) of a table that prints per-page rows, and whether this
  /// slice starts the row (a row split across pages counts on the page where it starts).
  var ledgerRow: (ledger: Ledger, row: Int, starts: Bool)?
  /// The end of a ledger table's rows: made as the last page's per-page rows.
  var endsLedger: Ledger?
  /// Where the body's slices resume at this one (set by the block it comes from).
  var at = ResumePoint(block: 0, unit: 0, part: 0)

  static var pageBreak: Slice { Slice(height: 0, kind: .pageBreak) }
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
    if slices.contains(where: { $0.remake != nil || $0.endsLedger != nil }) {
      result.remake = { placement in remade(slices, placement) }
    }
    return result
  }

  /// A stack made where it lands: parts made when placed are made for that page, and a
  /// ledger table held in the stack has all its rows on it.
  private static func remade(_ slices: [Slice], _ placement: Placement) -> Slice {
    var parts: [Slice] = []
    var rows: [ObjectIdentifier: Range<Int>] = [:]
    for s in slices {
      if let (ledger, row, _) = s.ledgerRow {
        let id = ObjectIdentifier(ledger)
        rows[id] = (rows[id]?.lowerBound ?? row)..<(row + 1)
      }
      if let ledger = s.endsLedger {
        parts.append(ledger.foot(Placement(page: placement.page, rowsOnPage: rows[ObjectIdentifier(ledger)] ?? 0..<0)))
      } else {
        parts.append(s.remake?(placement) ?? s)
      }
    }
    var stacked = Slice(height: 0)
    for s in parts {
      stacked.items += s.items.map { $0.offset(dx: 0, dy: stacked.height) }
      stacked.height += s.height
    }
    return stacked
  }
}

/// Where a slice lands: what a slice made when placed needs to know.
struct Placement {
  /// 0-based page index.
  var page: Int
  /// The rows of the slice's ledger table on this page, and how many came on earlier pages.
  var rowsOnPage: Range<Int> = 0..<0
  var rowsBefore = 0
  /// Whether the table goes on after this page (过次页 is printed only then).
  var continues = false
}

/// A table with rows printed per page (本页小计, 过次页, 承前页): the paginator tells it
/// which rows landed on each page and reserves room for its rows at every page foot.
final class Ledger {
  /// The rows printed at the foot of each page the table has rows on (and 过次页 where it
  /// goes on), made for the page's rows.
  let foot: (Placement) -> Slice
  /// The rows printed under the repeated header on the pages it continues on (承前页).
  let head: (Placement) -> Slice
  /// What a page foot needs when the table goes on: page rows plus carry rows, measured.
  let reserve: Double
  /// The carry rows' height under the repeated header.
  let headHeight: Double

  init(
    reserve: Double, headHeight: Double, foot: @escaping (Placement) -> Slice, head: @escaping (Placement) -> Slice
  ) {
    self.reserve = reserve
    self.headHeight = headHeight
    self.foot = foot
    self.head = head
  }
}

/// The layout line and data path a slice was made from.
struct SliceOrigin {
  let file: String
  let line: Int
  /// The table row it comes from; its path is spelled out only for a problem.
  var row: Scope.Frame? = nil
  /// The data the text is filled from (its template's fields), so a problem names the value
  /// as well as the layout line: `members[3].name`, not only `confirmation.yaml:140`.
  var reads: [DataPath] = []

  var problem: (String) -> DataProblem {
    { message in
      var path = row.map(\.path.description) ?? "\(file):\(line)"
      if let read = reads.first(where: { $0.variable == nil }) {
        path = row.map { "\($0.path).\(read)" } ?? read.description
      }
      return DataProblem(path: path, message: "\(message) (\(file):\(line))")
    }
  }
}
