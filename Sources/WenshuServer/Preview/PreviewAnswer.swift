import Foundation
import WenshuDocuments
import WenshuLayout

/// Where a layout file is broken, as the page shows it instead of the pages.
struct LayoutErrorBody: Codable, Equatable {
  var file: String
  var line: Int
  var message: String

  init(_ error: LayoutError) {
    file = error.file
    line = error.line
    message = error.message
  }
}

/// `GET /api/layouts`: which reload the layouts are at, and whether they are broken.
struct LayoutsBody: Codable {
  var generation: Int
  var layoutError: LayoutErrorBody?
}

/// `GET /api/documents`: what the pickers offer — documents with their variants, the offices
/// that have a layout of them, and their samples.
struct PreviewCatalogBody: Codable {
  struct Document: Codable {
    var document: String
    var title: String
    var variants: [String]
    var offices: [String]
    var samples: [String]
  }

  struct Office: Codable {
    var id: String
    var name: String
  }

  var generation: Int
  var layoutError: LayoutErrorBody?
  var documents: [Document]
  var offices: [Office]
}

/// `POST /api/render/{document}`: one page as a PNG (base64) with the page count, or why
/// there is none — the data's problems with their paths, a JSON syntax error with its line
/// and column, or a broken layout. Answered with 200 whenever the check itself worked, so
/// the page handles one shape.
struct PreviewAnswer: Codable {
  struct SyntaxErrorBody: Codable {
    var line: Int
    var column: Int
    var message: String
  }

  var generation: Int
  var pages = 0
  var page = 0
  var png: String?
  var problems: [ProblemItem] = []
  var problemCount = 0
  var warnings: [ProblemItem] = []
  var warningCount = 0
  var syntaxError: SyntaxErrorBody?
  var layoutError: LayoutErrorBody?
  /// Anything else that stopped the render (an unknown document, a failed output).
  var detail: String?
}
