import WenshuLayout

/// What a caller asks for: the PDF, one page as PNG (a web preview), the row tables as a
/// workbook (for a batch, a ZIP of one workbook per document), for a batch one ZIP holding a
/// PDF per document, or the OFD (GB/T 33190; for a batch a ZIP of one OFD each).
public enum OutputFormat: Sendable, Equatable {
  case pdf
  case png(page: Int, dpi: Double)
  case zip
  case xlsx
  case ofd
}

extension OutputFormat {
  /// OFD's media type, as GB/T 33190 registers it.
  public static let ofdMediaType = "application/ofd"
}

/// A finished file, ready to hand to a client: its bytes, media type, a safe download name
/// (with extension), the document's page count and what the data raised without failing.
public struct RenderedFile: Sendable {
  public var bytes: [UInt8]
  public var mediaType: String
  public var fileName: FileName
  /// Pages of the whole document (or batch), also for a one-page PNG preview.
  public var pages: Int
  /// The first `ProblemList.limit` warnings, and how many there were in all.
  public var warnings: ProblemList
  /// One record per document printed (a batch has one per item), for the service's log.
  public var records: [PrintRecord] = []
}

/// Problems or warnings as a client is shown them: the first `limit` and the total, so
/// 300,000 unknown keys make a short answer that still says how many there were.
public struct ProblemList: Sendable, Equatable {
  public static let limit = 100
  public private(set) var first: [DataProblem] = []
  public private(set) var total = 0

  public init(_ problems: [DataProblem] = []) { append(problems) }

  public mutating func append(_ problems: [DataProblem], under prefix: String? = nil) {
    for p in problems {
      total += 1
      guard first.count < Self.limit else { continue }
      first.append(prefix.map { DataProblem(path: Self.join($0, p.path), message: p.message) } ?? p)
    }
  }

  public var isEmpty: Bool { total == 0 }

  /// `[3]` + `members[0].name` → `[3].members[0].name`.
  static func join(_ prefix: String, _ path: String) -> String {
    path.isEmpty || path.hasPrefix("[") ? prefix + path : prefix + "." + path
  }
}

/// Why a request for output cannot be met: the data's own problems, or what was asked of it.
public enum OutputFailure: Error, Sendable {
  case render(RenderFailure)
  /// A batch's documents' problems, each path under its item (`[3].members[0].name`).
  case data(ProblemList)
  /// A preview of a page the document does not have.
  case noSuchPage(Int, pages: Int)
  /// A batch that is not a JSON array, or an empty one.
  case notABatch(String)
  /// A workbook asked of a document whose layout exports no table (`sheet:`); `offered`: the
  /// documents that have one.
  case noSheet(document: String, layout: String, offered: [String])
}

extension OutputFailure {
  /// Why a workbook cannot be had, in words for the clerk and the integrator.
  public static func noSheetMessage(document: String, layout: String, offered: [String]) -> String {
    "\(document) 没有可导出为表格的名单 (\(layout) exports no table as a spreadsheet: no table has sheet:)"
      + (offered.isEmpty ? "" : "; xlsx is offered for \(offered.joined(separator: ", "))")
  }
}
