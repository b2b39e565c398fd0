import Hummingbird
import WenshuDocuments

/// What a render request asks for, read from its query: `format` (pdf, png, ofd; a batch's pdf,
/// zip, ofd), and for a PNG `page` and `dpi`.
enum OutputQuery {
  static func format(_ request: Request, batch: Bool) throws(Problem) -> OutputFormat {
    let query = request.uri.queryParameters
    // Checked whatever the format, as the OpenAPI description states them.
    guard let page = Int(query.get("page") ?? "1"), page >= 1 else {
      throw Problem(status: .badRequest, title: "Bad page", detail: "page is a number from 1")
    }
    guard let dpi = Double(query.get("dpi") ?? "96"), (24...300).contains(dpi) else {
      throw Problem(status: .badRequest, title: "Bad resolution", detail: "dpi is a number from 24 to 300")
    }
    switch query.get("format") ?? "pdf" {
    case "pdf": return .pdf
    case "ofd": return .ofd
    case "zip" where batch: return .zip
    case "xlsx": return .xlsx
    case "png" where !batch: return .png(page: page, dpi: dpi)
    case let other:
      throw Problem(
        status: .badRequest, title: "Bad format",
        detail: "format '\(other)' is not offered here (pdf\(batch ? ", zip" : ", png"), xlsx, ofd)")
    }
  }
}

extension OutputFormat {
  /// A page shown in the browser (PNG), not a file to save.
  var isPreview: Bool { if case .png = self { true } else { false } }
}
