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
    /// The layout line of each key written (`title`, `filename`, …), so a problem in one
    /// names its line; a default names line 1.
    public var lines: [String: Int] = [:]

    public func line(_ key: String) -> Int { lines[key] ?? 1 }
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
