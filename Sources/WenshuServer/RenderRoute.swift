import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WenshuDocuments
import WenshuLayout

/// `POST /v1/documents/{document}`, `…/batch` and `…/validate`: checks the request, reads the
/// body, renders (or checks) on a worker within the time budget and answers with the file,
/// the report, or a problem.
struct RenderRoute {
  enum Kind { case document, batch, validate }

  let pool: RenderPool
  let metrics: ServiceMetrics
  let configuration: ServerConfiguration

  var catalog: DocumentCatalog { pool.catalog }

  func respond(document: String, request: Request, context: ServiceContext, kind: Kind) async -> Response {
    let started = ContinuousClock.now
    var status = 500
    defer {
      metrics.request(document: catalog.layouts[document] == nil ? "unknown" : document, status: status)
      metrics.renderDuration.record(ContinuousClock.now - started)
    }
    do {
      guard catalog.layouts[document] != nil else {
        throw Problem.from(.unknownDocument(document, known: catalog.documents))
      }
      let key = context.apiKey
      if let key, let documents = key.documents, !documents.contains(document) {
        throw Problem(
          status: .forbidden, title: "Outside the API key's scope",
          detail: "\(key.holder) may print \(documents.sorted().joined(separator: ", ")) only, not '\(document)'")
      }
      let scope = key.flatMap { key in key.offices.map { OfficeScope(holder: key.holder, offices: $0) } }
      let boundary = kind != .batch ? Self.formBoundary(request) : nil
      if boundary == nil { try Self.requireJSON(request, formAllowed: kind != .batch) }
      let format = kind == .validate ? .pdf : try OutputQuery.format(request, batch: kind == .batch)
      guard pool.admission.enter() else {
        // Its body is not read: the client is answered and the connection closed.
        context.channel.close(mode: .input, promise: nil)
        throw RenderPool.Busy()
      }
      defer { pool.admission.leave() }
      let bytes = try await RequestBody(limit: configuration.bodyLimit, timeout: configuration.bodyTimeout).read(
        request, context: context)
      let response: Response
      if let boundary {
        response = try await renderWithMembers(
          document: document, body: bytes, boundary: boundary, format: format, validateOnly: kind == .validate,
          accept: request.headers[.accept] ?? "", scope: scope, context: context)
      } else if kind == .validate {
        response = ValidationAnswer.response(
          try await onWorker(context) { renderer, cancellation in
            do {
              return try renderer.validate(document: document, json: bytes, cancellation: cancellation, scope: scope)
            } catch let
              failure as RenderFailure
            {
              throw Problem.from(failure)
            }
          })
      } else {
        let file = try await onWorker(context) { renderer, cancellation in
          do {
            return kind == .batch
              ? try renderer.renderBatch(
                document: document, json: bytes, format: format, cancellation: cancellation, scope: scope)
              : try renderer.renderFile(
                document: document, json: bytes, format: format, cancellation: cancellation, scope: scope)
          } catch let failure as OutputFailure { throw Problem.from(failure) }
        }
        metrics.pages.increment(by: Int64(file.pages))
        RenderRecordLog.write(file, document: document, key: key, logger: context.logger)
        response = Self.response(file, inline: format != .pdf && format != .zip)
      }
      status = Int(response.status.code)
      return response
    } catch {
      let response = await failure(error, document: document, context: context)
      status = Int(response.status.code)
      return response
    }
  }

  /// The answer to a request that failed: a problem, or for a client that has hung up a 499
  /// (as nginx counts it) that nobody reads, so a hang-up is not counted as the server's 503.
  func failure(_ error: any Error, document: String, context: ServiceContext) async -> Response {
    // Only a request that was stopped, or failed for no reason of its own, may be a hang-up:
    // a 408 or 413 closes the connection's input itself.
    let stopped =
      switch error {
      case let problem as Problem: problem.kind == "time-budget"
      case is RenderPool.Busy: false
      default: true
      }
    if stopped, await HangUpHandler.hungUp(context) {
      return Response(status: .init(code: 499, reasonPhrase: "Client Closed Request"))
    }
    switch error {
    case let problem as Problem: return problem.response()
    case is RenderPool.LeftQueue:
      return Problem.busy(
        queueFull: false,
        detail: "the request waited longer than its time budget of \(configuration.renderTimeout) for a worker"
      ).response()
    case is RenderPool.Busy:
      return Problem.busy(queueFull: true, detail: "all workers are busy and the queue is full; try again shortly")
        .response()
    case is RenderTimeout:
      return Problem.timeBudget("the render exceeded its time budget of \(configuration.renderTimeout)").response()
    default:
      context.logger.error(
        "render failed", metadata: ["document": .string(document), "error": .string("\(type(of: error))")])
      return Problem(status: .internalServerError, title: "Internal error", detail: "the render failed unexpectedly")
        .response()
    }
  }

  /// `formAllowed`: the route also takes the data with a member sheet as a form.
  static func requireJSON(_ request: Request, formAllowed: Bool = false) throws(Problem) {
    let contentType = request.headers[.contentType] ?? ""
    guard contentType.lowercased().hasPrefix("application/json") else {
      throw Problem(
        status: .unsupportedMediaType, title: "Unsupported media type",
        detail:
          "send the data as application/json\(formAllowed ? ", or as multipart/form-data with a 'data' and a 'members' part" : "") (got '\(contentType)')"
      )
    }
  }

  /// The boundary of a `multipart/form-data` request (data + member sheet), else nil.
  static func formBoundary(_ request: Request) -> String? {
    MultipartForm.boundary(contentType: request.headers[.contentType] ?? "")
  }

  /// Runs `work` on a worker. When the budget runs out the caller is answered at once, and
  /// the render stops at its next row, freeing the worker; a client that hangs up stops its
  /// render the same way (`HangUpHandler`), and a request stopped while it waits leaves the queue.
  func onWorker<T: Sendable>(
    _ context: ServiceContext, _ work: @escaping @Sendable (DocumentRenderer, RenderCancellation) throws -> T
  ) async throws -> T {
    let stop = StopSignal()
    let hangUp = try? await context.channel.pipeline.handler(type: HangUpHandler.self).get()
    hangUp?.watch(stop)
    defer { hangUp?.watch(nil) }
    let cancellation = stop.cancellation
    // swift-format-ignore: OnlyOneTrailingClosureArgument
    return try await withTimeout(configuration.renderTimeout, onTimeout: { stop.stop() }) {
      try await pool.run(stop: stop) { renderer in try work(renderer, cancellation) }
    }
  }

  static func response(_ file: RenderedFile, inline: Bool) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = file.mediaType
    headers[.contentDisposition] = contentDisposition(file.fileName, inline: inline)
    headers[.cacheControl] = "no-store"
    headers[.wenshuPages] = String(file.pages)
    if !file.warnings.isEmpty { headers[.wenshuWarnings] = String(file.warnings.total) }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
  }
}

extension HTTPField.Name {
  /// Pages of the whole document (also on a one-page PNG preview).
  static let wenshuPages = HTTPField.Name("X-Wenshu-Pages")!
  /// How many warnings the data raised; `…/validate` lists them.
  static let wenshuWarnings = HTTPField.Name("X-Wenshu-Warnings")!
}
