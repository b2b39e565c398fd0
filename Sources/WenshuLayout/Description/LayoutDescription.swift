import Graphics

/// A document's layout, read from a file in `Layouts/`: page set-up, styles, running
/// header and footer, and the blocks of the body, bound to the data by path.
public struct LayoutDescription: Sendable {
  /// The file it was read from, for messages.
  public var file: String
  public var document: String
  /// What the document is, for `--help` and `wenshu documents`.
  public var summary: String
  /// The caller's selector keys (`SelectorKey`) by name, each with its names or its default:
  /// which data the layout is for, in the caller's terms.
  public var selectors: [String: [String]]
  public var metadata: Metadata
  public var page: PageSetup
  public var styles: [String: TextStyle]
  public var header: [Block]
  public var footer: [Block]
  /// The first page's running header and footer when they differ from the others' (nil: the same).
  public var firstPageHeader: [Block]?
  public var firstPageFooter: [Block]?
  public var body: [Block]
  public var checks: [Check]
  /// The shape of the data (`data:`); nil when the layout does not declare it.
  public var schema: DataSchema?
  public var watermark: Watermark?
  /// The most pages the document may take (`pages: 1` for a form): more is refused, naming
  /// the block that spills and by how much, never printed on another page. nil: any number.
  public var maxPages: Int? = nil

  public struct Metadata: Sendable {
    public var title: Template
    public var author: Template
    public var subject: Template
    /// Where the creation date comes from (a data path); the same data gives the same bytes.
    public var created: Template
    /// The file name a download gets, without `.pdf`: `确认书-{confirmationNumber}`.
    public var filename: Template
    /// The document's own number (`{confirmationNumber}`), for the record a service keeps of
    /// what it printed; nil when the document has none. Never a person's name or ID number.
    public var reference: Template?
  }
}

public struct PageSetup: Sendable {
  public var size: Size
  /// Top, right, bottom, left, in points.
  public var margins: (top: Double, right: Double, bottom: Double, left: Double)
  /// Space between the running header or footer and the body.
  public var headerGap: Double
}

/// One element of a layout, with the line of the layout file it came from.
public struct Block: Sendable {
  public var kind: Kind
  public var line: Int
  public var spaceBefore: Double
  public var spaceAfter: Double
  /// Shown only when this holds (`when:`); nil: always.
  public var when: Condition? = nil
  /// The name an `extends:` layout replaces or removes it by (`id:`).
  public var id: String? = nil
  /// Never starts a page: kept on the page of what comes before it (a signature block under
  /// the form it signs).
  public var keepWithPrevious = false
  /// The file it was written in, when not the layout's own (inherited through `extends:`):
  /// a problem in it is blamed on that file and line.
  public var file: String? = nil

  public indirect enum Kind: Sendable {
    case text(TextElement)
    case fields(FieldGrid)
    case table(Table)
    case list(BulletList)
    case signatures(SignatureBlock)
    case spacer(Double)
    case pageBreak
    /// Kept on one page when it fits on one.
    case group([Block])
    /// The blocks once per item of an array (one certificate per member), optionally only
    /// for items whose `when` template is not empty.
    case each(Each)
    case image(ImageBlock)
    case qr(QRBlock)
    /// A boxed form: label and value cells on one grid, choices, signature boxes.
    case form(FormGrid)
  }
}

/// Title, heading, paragraph or a plain line of text.
public struct TextElement: Sendable {
  public var template: Template
  public var style: String
  /// First-line indent in points (Chinese paragraphs indent two characters).
  public var firstLineIndent: Double
  /// Keeps this text on the same page as the block after it (headings).
  public var keepWithNext: Bool
}

/// Label–value pairs in N columns.
public struct FieldGrid: Sendable {
  public var columns: Int
  public var items: [(label: Template, value: Template, when: Condition?)]
  public var style: String
  public var labelStyle: String
}

public struct Table: Sendable {
  public struct Column: Sendable {
    public var header: Template
    public var value: Template
    /// Relative width (the columns share the width in proportion).
    public var width: Double
    public var alignment: TextStyle.Alignment
    public var verticalAlignment: VerticalAlignment = .middle
    /// The cells' style when not the table's (a bold label column).
    public var style: String?
    /// A shade under the column's cells.
    public var fill: Color?
    /// Text that must not break — codes, amounts, dates: set on one line, shrunk to fit
    /// down to `minSize`, refused below that.
    public var noBreak = false
    public var minSize: Double = 6
    /// Shown when this holds, decided once per table from the data around the table (not
    /// per row); the shown columns share the width.
    public var when: Condition? = nil
    /// What its printed text is in a spreadsheet (`sheetType:`): text unless declared.
    public var sheetType: SheetType = .text
  }
  /// How a column's printed text goes into a spreadsheet cell: as text, or read back as the
  /// number, amount (two decimals) or date it prints, so a sheet sorts and sums as it reads.
  public enum SheetType: String, Sendable, CaseIterable { case text, number, amount, date }
  public enum VerticalAlignment: String, Sendable { case top, middle, bottom }
  /// A cell of a header or footer row, spanning columns and rows.
  public struct Cell: Sendable {
    public var text: Template
    public var span: Int = 1
    public var rowSpan: Int = 1
    public var alignment: TextStyle.Alignment?
    public var style: String?
  }
  public enum Border: String, Sendable { case grid, rows, none }
  /// The array the rows are bound to; `nil` for a table of fixed rows.
  public var rows: DataPath?
  public var columns: [Column]
  /// Header rows, repeated on every page the table continues on; empty: one row of the
  /// columns' headers (none when they are all empty).
  public var head: [[Cell]] = []
  /// Footer rows (合计), kept on the page of at least the table's last row.
  public var foot: [[Cell]] = []
  /// Rows at the foot of every page the table has rows on (本页小计), rows added there when
  /// the table goes on past the page (过次页), and rows under the repeated header on the
  /// pages it continues on (承前页): see `BlockLayout.ledger`.
  public var pageFoot: [[Cell]] = []
  public var carryFoot: [[Cell]] = []
  public var carryHead: [[Cell]] = []
  public var border: Border
  public var headerStyle: String
  public var cellStyle: String
  public var footerStyle: String = "tableCell"
  /// Printed above the repeated header on later pages, e.g. `续表`.
  public var continuation: Template?
  public var padding: Double
  public var minRowHeight: Double
  /// The sheet's name when the table is exported as a spreadsheet (`sheet:`); nil: not exported.
  public var sheet: String? = nil
  /// Rows in groups of one field's value, with group header and footer rows (`groupBy:`).
  public var grouping: Grouping? = nil
}

public struct BulletList: Sendable {
  public enum Source: Sendable {
    case fixed([Template])
    case bound(DataPath, item: Template)
  }
  public var source: Source
  /// `•`, or a template such as `{@index}.` for numbered lists.
  public var marker: Template
  public var style: String
  /// Per fixed item, when it is shown (nil: always).
  public var itemConditions: [Condition?] = []
  /// For a bound list: which items are shown, judged in each item's scope.
  public var itemWhen: Condition? = nil
}

/// Places to sign or stamp: labels laid out in columns, each with room below it.
public struct SignatureBlock: Sendable {
  public var columns: Int
  public var items: [Template]
  public var height: Double
  public var style: String
}

/// A consistency rule on the data, e.g. a total must equal the sum of its rows, a discharge
/// date is not before the admission date, a member's activity is one of the document's.
public struct Check: Sendable {
  public var value: Template
  /// The other side (for `in:`, unused).
  public var equals: Template
  /// How `value` must stand to the other side.
  public var relation: Relation = .equal
  /// For `in: activities[].name`: the list and the field of its rows `value` must be one of.
  public var oneOf: (list: DataPath, field: String)? = nil
  /// A named rule of the caller's (`rule: overAgeMembers`): the engine only checks its paths.
  public var rule: RuleUse? = nil
  /// When set, the check runs once per item of this array, blaming `array[i].path`.
  public var each: DataPath?
  /// When set, the check applies only where it holds (judged in each item with `each:`):
  /// a rule for a group's application only.
  public var when: Condition? = nil
  /// The data path blamed when the check fails.
  public var path: String
  public var message: String
  public var line: Int
  /// The file it was written in, when inherited through `extends:`.
  public var file: String? = nil
}

extension Check {
  /// A check's comparison, by its key in the layout: numbers (amounts, counts) compare by
  /// value, dates (YYYY-MM-DD) by the calendar, other text only for (in)equality.
  public enum Relation: String, Sendable, CaseIterable {
    case equal = "equals"
    case notEqual = "notEquals"
    case less = "lessThan"
    case lessOrEqual = "atMost"
    case greater = "greaterThan"
    case greaterOrEqual = "atLeast"
    case member = "in"

    /// The sign a failed check prints between the two sides: what holds instead.
    public var failedSign: String {
      switch self {
      case .equal: "≠"
      case .notEqual: "="
      case .less: "≥"
      case .lessOrEqual: ">"
      case .greater: "≤"
      case .greaterOrEqual: "<"
      case .member: "∉"
      }
    }
  }
}

public struct Each: Sendable {
  public var from: DataPath
  /// Which items are used, judged in each item's scope.
  public var when: Condition?
  /// Each item starts on a new page.
  public var pageBreak: Bool
  public var blocks: [Block]
}

/// A picture from the caller's `PictureSource`: a seal over a signature line, a logo.
public struct ImageBlock: Sendable {
  /// nil for a picture named by a field, found when the document is laid out.
  public var picture: Picture?
  public var width: Double
  public var height: Double
  /// For a picture named by a field of a caller-supplied object (`file: "{issuer.sealImage}"`):
  /// the name's template and where to find it; `height` then follows its proportions unless
  /// `fixedHeight`.
  public var named: (template: Template, source: any PictureSource)? = nil
  public var fixedHeight = false
  public var alignment: TextStyle.Alignment
  /// Takes no room in the flow: drawn at `offset` from where the next block starts
  /// (a seal overlapping the signature above it).
  public var float: Bool
  public var offset: Point
}

public struct QRBlock: Sendable {
  /// The text the code holds; empty for a verification code, which the caller signs.
  public var value: Template
  public var size: Double
  public var alignment: TextStyle.Alignment
  public var caption: Template?
  /// A signed verification code instead of `value`: the facts the layout names.
  public var verification: VerificationFields?

  /// Every template the block fills.
  public var templates: [Template] {
    [value] + (caption.map { [$0] } ?? [])
      + (verification.map { [$0.number, $0.unit] + $0.amounts + ($0.account.map { [$0] } ?? []) } ?? [])
  }
}

/// The data a verification code states, as the layout names it (`qr: { verification: … }`):
/// the document's number, the unit it is issued to, the amounts printed and, on a document that
/// asks for a payment, the account it is to be paid into (so a copied code cannot vouch for
/// a page whose account was changed). The caller adds
/// what it knows itself (document, office, date, digest) and signs; without a signer the
/// block is left out.
public struct VerificationFields: Sendable {
  public var number: Template
  public var unit: Template
  public var amounts: [Template]
  public var account: Template?
}

/// Text drawn across every page, e.g. 预览 on a preview, so it can never pass for the original.
public struct Watermark: Sendable {
  public var text: Template
  public var size: Double
  public var color: Color
  public var angle: Double
  public var opacity: Double
  /// The caller's serif (set in bold): a face the pages already embed, so the mark adds no
  /// font to the PDF.
  public var family: String
}

extension Table {
  /// The table with only the columns whose `when:` holds.
  public func showingColumns(where holds: (Condition) -> Bool) -> Table {
    guard columns.contains(where: { $0.when != nil }) else { return self }
    var copy = self
    copy.columns = columns.filter { $0.when.map(holds) ?? true }
    return copy
  }
}

extension LayoutDescription {
  /// Whether any block prints a signed verification code (`qr: { verification: … }`).
  public var printsVerificationCode: Bool {
    func prints(_ blocks: [Block]) -> Bool {
      blocks.contains { block in
        switch block.kind {
        case .qr(let q): return q.verification != nil
        case .group(let inner): return prints(inner)
        case .each(let e): return prints(e.blocks)
        default: return false
        }
      }
    }
    return prints(body + header + footer + (firstPageHeader ?? []) + (firstPageFooter ?? []))
  }
}
