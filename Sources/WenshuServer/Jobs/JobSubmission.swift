import Foundation
import WenshuDocuments
import WenshuLayout
import WenshuSheets

/// A `POST /v1/jobs` body, checked before anything is stored: `{"document", "items": [data, …],
/// "format": "zip" | "pdf", "webhook": "https://…"}`. The items' data is checked when each is printed
/// (a bad item fails alone); here only what makes the job as a whole impossible is refused:
/// an unknown document, no items or too many, an item outside the key's offices (403, as a
/// batch), a webhook the server will not call, a member sheet for a document without a list.
struct JobSubmission {
  var document: String
  var format: JobFormat
  var webhook: String?
  /// Each item's data, as compact JSON, and its member spreadsheet from a form.
  var items: [JobItem]

  /// A JSON body.
  init(_ body: [UInt8], catalog: DocumentCatalog, itemLimit: Int, key: APIKey?, target: WebhookTarget) throws {
    let value: DataValue
    do { value = try JSONReader.parse(body) } catch {
      throw Problem(status: .badRequest, title: "Malformed JSON", detail: error.description)
    }
    guard case .object(let root) = value else { throw Self.invalid("", "a job is a JSON object") }
    if let unknown = root.keys.first(where: { !["document", "items", "format", "webhook"].contains($0) }) {
      throw Self.invalid(unknown, "unknown field (a job has document, items, format and webhook)")
    }
    guard case .array(let items)? = root["items"], !items.isEmpty else {
      throw Self.invalid("items", "required: a non-empty array of the document's data")
    }
    try self.init(
      root: root, items: items.map { ($0, nil) }, catalog: catalog, itemLimit: itemLimit, key: key, target: target)
  }

  /// What both bodies share: everything but how the items arrived.
  init(
    root: DataObject, items: [(DataValue, JobSheet?)], catalog: DocumentCatalog, itemLimit: Int,
    key: APIKey?, target: WebhookTarget
  ) throws {
    guard case .string(let document)? = root["document"] else {
      throw Self.invalid("document", "required: the document to print, as GET /v1/documents names it")
    }
    guard catalog.layouts[document] != nil else {
      throw Problem.from(.unknownDocument(document, known: catalog.documents))
    }
    // A sheet for a document with no list to fill could never print: said now, not per item.
    if let i = items.firstIndex(where: { $0.1 != nil }),
      !(catalog.layouts[document] ?? []).contains(where: { MemberImport.memberLists($0).count == 1 })
    {
      throw Self.invalid(
        "items[\(i)].members",
        "文书“\(document)”没有会员名单，不能读取名单表格 (this document has no member list for a spreadsheet to fill)")
    }
    if let key, let documents = key.documents, !documents.contains(document) {
      throw Problem(
        status: .forbidden, title: "Outside the API key's scope",
        detail: "\(key.holder) may print \(documents.sorted().joined(separator: ", ")) only, not '\(document)'")
    }
    switch root["format"] {
    case nil, .null?: format = .zip
    case .string(let name)?:
      guard let known = JobFormat(rawValue: name) else { throw Self.invalid("format", JobFormat.choices(not: name)) }
      format = known
    default: throw Self.invalid("format", JobFormat.choices(not: nil))
    }
    guard !items.isEmpty else {
      throw Self.invalid("items", "required: a non-empty array of the document's data")
    }
    guard items.count <= itemLimit else {
      throw Problem(
        status: .contentTooLarge, title: "Too many items",
        detail: "items: \(items.count) items; a job has at most \(itemLimit)")
    }
    if let key, let offices = key.offices {
      let scope = OfficeScope(holder: key.holder, offices: offices)
      for (i, item) in items.enumerated() {
        guard let found = scope.problem(item.0) else { continue }
        let problem = DataProblem(path: "items[\(i)].\(found.path)", message: found.message)
        throw Problem(
          status: .forbidden, title: "Outside the API key's scope", detail: problem.message,
          problems: ProblemList([problem]))
      }
    }
    switch root["webhook"] {
    case nil, .null?: webhook = nil
    case .string(let url)?:
      do { webhook = try target.check(url).absoluteString } catch { throw Self.invalid("webhook", error.description) }
    default: throw Self.invalid("webhook", "a URL (string)")
    }
    self.document = document
    self.items = items.map { JobItem(data: Array(JSONWriter.write($0.0, pretty: false).utf8), sheet: $0.1) }
  }

  static func invalid(_ path: String, _ message: String) -> Problem {
    Problem(
      status: .unprocessableContent, title: "Not a job", detail: path.isEmpty ? message : "\(path): \(message)",
      problems: ProblemList([DataProblem(path: path, message: message)]))
  }
}

extension JobFormat {
  /// Why `format` is refused, naming the formats a job has (a batch's xlsx and ofd are not yet).
  static func choices(not asked: String?) -> String {
    let wanted = asked.map { "'\($0)' is not a job's format: " } ?? ""
    return wanted
      + "zip (one PDF per printed item, in a ZIP) or pdf (every printed item's pages in one PDF); a job offers no xlsx or ofd yet (the batch route does)"
  }
}
