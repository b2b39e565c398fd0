import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WenshuDocuments
import WenshuLayout

/// `/v1/jobs…`: batch jobs that outlive their request. A job belongs to the key that made it:
/// another key (even one for every office) gets 404 for it, as if it did not exist.
struct JobRoutes: Sendable {
  let store: any JobStore
  let catalog: DocumentCatalog
  let settings: JobSettings
  let configuration: ServerConfiguration
  let admission: Admission
  let target: WebhookTarget
  let secrets: @Sendable (String) -> [UInt8]?

  static func owner(_ context: ServiceContext) -> String { context.apiKey?.id ?? "" }

  /// `POST /v1/jobs`: stores the job and answers 202 with its status and `Location`. The body is
  /// JSON, or a form whose items may bring their member spreadsheets (`JobForm`).
  func submit(request: Request, context: ServiceContext) async throws -> Response {
    let boundary = RenderRoute.formBoundary(request)
    if boundary == nil { try RenderRoute.requireJSON(request, formAllowed: true) }
    guard admission.enter() else {
      context.channel.close(mode: .input, promise: nil)
      throw Problem.busy(queueFull: true, detail: "all workers are busy and the queue is full; try again shortly")
    }
    defer { admission.leave() }
    let body = try await RequestBody(limit: configuration.bodyLimit, timeout: configuration.bodyTimeout).read(
      request, context: context)
    let idempotencyKey = request.headers[.idempotencyKey]
    if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.utf8.count > 255 {
      throw Problem(status: .badRequest, title: "Bad Idempotency-Key", detail: "Idempotency-Key: 1 to 255 characters")
    }
    let submission: JobSubmission
    let digest: String
    if let boundary {
      let form: MultipartForm
      do { form = try MultipartForm(body, boundary: boundary) } catch {
        throw JobForm.malformed("the form data has \(error.reason)")
      }
      let (root, items) = try JobForm.read(form)
      submission = try JobSubmission(
        root: root, items: items, catalog: catalog, itemLimit: settings.itemLimit, key: context.apiKey,
        target: target)
      digest = JobForm.digest(form)
    } else {
      submission = try JobSubmission(
        body, catalog: catalog, itemLimit: settings.itemLimit, key: context.apiKey, target: target)
      digest = SHA256.hex(body)
    }
    let owner = Self.owner(context)
    if submission.webhook != nil, secrets(owner) == nil {
      throw Problem(
        status: .badRequest, title: "No webhook secret",
        detail:
          "webhook: \(context.apiKey?.holder ?? "this server") has no webhook secret to sign with (webhookSecret in the API keys file, or WENSHU_WEBHOOK_SECRET)"
      )
    }
    let job = NewJob(
      owner: owner, offices: context.apiKey?.offices, holder: context.apiKey?.holder, document: submission.document,
      format: submission.format, webhook: submission.webhook, idempotencyKey: idempotencyKey,
      bodyDigest: digest, items: submission.items, queueLimit: settings.queueLimit)
    switch try await store.create(job, now: Date()) {
    case .created(let id), .repeated(let id):
      guard let status = try await store.status(id: id, owner: owner, now: Date()) else { throw notFound(id) }
      var headers = HTTPFields()
      headers[.location] = "/v1/jobs/\(id)"
      return Self.json(status, status: .accepted, headers: headers)
    case .conflict:
      throw Problem(
        status: .unprocessableContent, title: "Idempotency-Key reused",
        detail: "this Idempotency-Key was used for a different request body; use a new key for a new job",
        kind: "idempotency-key-reused")
    case .full:
      throw Problem(
        status: .tooManyRequests, title: "Job queue full",
        detail: "\(settings.queueLimit) jobs are waiting or printing; try again later", retryAfter: 30, kind: "busy")
    }
  }

  /// `GET /v1/jobs/{id}`.
  func status(request: Request, context: ServiceContext) async throws -> Response {
    let id = context.parameters.get("id") ?? ""
    guard let status = try await store.status(id: id, owner: Self.owner(context), now: Date()) else {
      throw notFound(id)
    }
    return Self.json(status, status: .ok)
  }

  /// `DELETE /v1/jobs/{id}`: cancels an unfinished job (what is printed so far is dropped, its
  /// status kept until retention), or removes a finished one and its result at once.
  func cancel(request: Request, context: ServiceContext) async throws -> Response {
    let id = context.parameters.get("id") ?? ""
    switch try await store.cancel(id: id, owner: Self.owner(context), now: Date()) {
    case .notFound: throw notFound(id)
    case .cancelled, .removed: return Response(status: .noContent)
    }
  }

  /// `GET /v1/jobs/{id}/result`: a ZIP of one PDF per printed item, or (`format: "pdf"`) one PDF
  /// of every printed item's pages in order, streamed from the store one item at a time. Its
  /// headers count the items printed and failed (the failed ones' problems are in the status).
  func result(request: Request, context: ServiceContext) async throws -> Response {
    let id = context.parameters.get("id") ?? ""
    guard let status = try await store.status(id: id, owner: Self.owner(context), now: Date()) else {
      throw notFound(id)
    }
    guard status.state == .completed else {
      throw Problem(
        status: .conflict, title: "No result yet",
        detail: status.state == .cancelled
          ? "the job was cancelled"
          : "the job is \(status.state.rawValue): \(status.remaining) of \(status.items) items to go",
        retryAfter: status.state == .cancelled ? nil : 5, kind: "job-\(status.state.rawValue)")
    }
    guard status.printed > 0 else {
      throw Problem(
        status: .conflict, title: "Nothing printed", detail: "every item of the job failed; see its problems",
        kind: "job-nothing-printed")
    }
    let files = try await store.resultFiles(id: id)
    let store = store
    let pdf = status.format == .pdf
    let mediaType = pdf ? "application/pdf" : "application/zip"
    var headers = HTTPFields()
    headers[.contentType] =
      RenderRoute.octetStreamAsked(request.headers[.accept], over: mediaType) ? "application/octet-stream" : mediaType
    let name = FileName(
      document: status.document, name: "\(status.document)-job-\(id.prefix(8))", extension: pdf ? "pdf" : "zip")
    headers[.contentDisposition] = contentDisposition(name, inline: false)
    headers[.cacheControl] = "no-store"
    headers[.wenshuPages] = String(status.pages)
    headers[.wenshuItemsPrinted] = String(status.printed)
    headers[.wenshuItemsFailed] = String(status.failed)
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        var zip = ZIPStream()
        var book = PDFConcatenation()
        for file in files {
          guard let bytes = try await store.resultBytes(file.key) else {
            throw JobStoreError("job \(id): item \(file.key.position + 1) vanished while its result was sent")
          }
          let chunk = pdf ? try book.append(bytes) : try zip.entry(name: file.name, bytes: bytes)
          try await writer.write(ByteBuffer(bytes: chunk))
        }
        try await writer.write(ByteBuffer(bytes: pdf ? book.finish() : try zip.finish()))
        try await writer.finish(nil)
      })
  }

  func notFound(_ id: String) -> Problem {
    Problem(status: .notFound, title: "No such job", detail: "no job '\(id)' for this key (it may have expired)")
  }

  static func json(_ status: JobStatus, status code: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.contentType] = "application/json"
    headers[.cacheControl] = "no-store"
    return Response(status: code, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encodeJSON(status))))
  }
}

extension HTTPField.Name {
  /// A client's name for one job, so a retried `POST /v1/jobs` makes no second job.
  static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
  /// A job result's items printed, and failed (left out of it).
  static let wenshuItemsPrinted = HTTPField.Name("X-Wenshu-Items-Printed")!
  static let wenshuItemsFailed = HTTPField.Name("X-Wenshu-Items-Failed")!
}
