import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WenshuDocuments
import WenshuLayout
import WenshuRender
import ZIPFoundation

/// `/v1/documents…`: render one document (PDF, or one page as PNG), a batch, the list, schemas.
struct DocumentRoutes {
  let pool: RenderPool
  let metrics: ServiceMetrics
  let configuration: ServerConfiguration

  var catalog: DocumentCatalog { pool.catalog }

  func add(to router: Router<BasicRequestContext>) {
    router.get("v1/documents") { _, _ in try list() }
    router.get("v1/documents/:document/schema") { request, context in
      let document = context.parameters.get("document") ?? ""
      let query = request.uri.queryParameters
      do {
        let schema = try catalog.schema(document: document, variant: query.get("variant"), office: query.get("office"))
        return Response(
          status: .ok, headers: [.contentType: "application/schema+json"],
          body: .init(byteBuffer: ByteBuffer(string: JSONWriter.write(schema))))
      } catch let error as NoSuchLayout {
        return Problem(status: .notFound, title: "No such layout", detail: error.description).response()
      }
    }
    router.post("v1/documents/:document") { request, context in
      await respond(document: context.parameters.get("document") ?? "", request: request, context: context, batch: false)
    }
    router.post("v1/documents/:document/batch") { request, context in
      await respond(document: context.parameters.get("document") ?? "", request: request, context: context, batch: true)
    }
  }

  func list() throws -> Response {
    struct Listing: Encodable { var documents: [DocumentSummary] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try encoder.encode(Listing(documents: catalog.summaries))
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }

  /// What a render request asks for, read from the query.
  struct Output {
    enum Format { case pdf, png, zip }
    var format: Format
    var page: Int
    var dpi: Double
  }

  func output(_ request: Request, batch: Bool) throws(Problem) -> Output {
    let query = request.uri.queryParameters
    let format: Output.Format
    switch query.get("format") ?? "pdf" {
    case "pdf": format = .pdf
    case "png" where !batch: format = .png
    case "zip" where batch: format = .zip
    case let other:
      throw Problem(status: .badRequest, title: "Bad format", detail: "format '\(other)' is not offered here (pdf\(batch ? ", zip" : ", png"))")
    }
    guard let page = Int(query.get("page") ?? "1"), page >= 1 else {
      throw Problem(status: .badRequest, title: "Bad page", detail: "page is a number from 1")
    }
    guard let dpi = Double(query.get("dpi") ?? "96"), (24...300).contains(dpi) else {
      throw Problem(status: .badRequest, title: "Bad resolution", detail: "dpi is a number from 24 to 300")
    }
    return Output(format: format, page: page, dpi: dpi)
  }

  func respond(document: String, request: Request, context: BasicRequestContext, batch: Bool) async -> Response {
    let started = ContinuousClock.now
    var status = 500
    defer {
      metrics.request(document: catalog.layouts[document] == nil ? "unknown" : document, status: status)
      metrics.renderDuration.record(ContinuousClock.now - started)
    }
    do {
      guard catalog.layouts[document] != nil else { throw Problem.from(.unknownDocument(document, known: catalog.documents)) }
      let contentType = request.headers[.contentType] ?? ""
      guard contentType.lowercased().hasPrefix("application/json") else {
        throw Problem(status: .unsupportedMediaType, title: "Unsupported media type", detail: "send the data as application/json (got '\(contentType)')")
      }
      let output = try output(request, batch: batch)
      let body = try await readBody(request)
      let bytes = [UInt8](buffer: body)
      let response = try await render(document: document, bytes: bytes, output: output, batch: batch)
      status = Int(response.status.code)
      return response
    } catch let problem as Problem {
      status = Int(problem.status.code)
      return problem.response()
    } catch is RenderPool.Busy {
      status = 503
      return Problem(status: .serviceUnavailable, title: "Busy", detail: "all workers are busy and the queue is full; try again shortly", retryAfter: 1).response()
    } catch is RenderTimeout {
      status = 503
      return Problem(status: .serviceUnavailable, title: "Render took too long", detail: "the render exceeded its time budget of \(configuration.renderTimeout)", retryAfter: 5).response()
    } catch {
      context.logger.error("render failed", metadata: ["document": .string(document), "error": .string("\(type(of: error))")])
      return Problem(status: .internalServerError, title: "Internal error", detail: "the render failed unexpectedly").response()
    }
  }

  /// Reads the body in the handler's own task (the server drains what is left on the same
  /// stream afterwards, so it must not be read from elsewhere), up to the size limit and
  /// within the body timeout: a client trickling bytes gets 408 and never holds a worker.
  /// One that sends nothing at all is closed by the connection's idle timeout.
  func readBody(_ request: Request) async throws -> ByteBuffer {
    let deadline = ContinuousClock.now + configuration.bodyTimeout
    var body = ByteBuffer()
    for try await chunk in request.body {
      guard body.readableBytes + chunk.readableBytes <= configuration.bodyLimit else {
        throw Problem(status: .contentTooLarge, title: "Request too large", detail: "the body is over the limit of \(configuration.bodyLimit) bytes")
      }
      body.writeImmutableBuffer(chunk)
      guard ContinuousClock.now < deadline else {
        throw Problem(status: .requestTimeout, title: "Request body too slow", detail: "the body did not arrive within \(configuration.bodyTimeout)")
      }
    }
    return body
  }

  func render(document: String, bytes: [UInt8], output: Output, batch: Bool) async throws -> Response {
    // When the budget runs out the caller is answered at once, and the render stops at its
    // next row, freeing the worker.
    let cancellation = RenderCancellation()
    // swift-format-ignore: OnlyOneTrailingClosureArgument
    let result = try await withTimeout(configuration.renderTimeout, onTimeout: { cancellation.cancel() }) {
      try await pool.run { renderer throws -> Rendered in
        do {
          return try Self.render(
            renderer: renderer, document: document, bytes: bytes, output: output, batch: batch, cancellation: cancellation)
        } catch let failure as RenderFailure { throw Problem.from(failure) }
      }
    }
    metrics.pages.increment(by: Int64(result.pages))
    var headers = HTTPFields()
    headers[.contentType] = result.contentType
    headers[.contentDisposition] = contentDisposition(filename: result.filename, extension: result.fileExtension)
    headers[HTTPField.Name("X-Wenshu-Pages")!] = String(result.pages)
    if !result.warnings.isEmpty {
      headers[HTTPField.Name("X-Wenshu-Warnings")!] = result.warnings.map { $0.description.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "" }.joined(separator: ",")
    }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: result.bytes)))
  }

  struct Rendered: Sendable {
    var bytes: [UInt8]
    var contentType: String
    var fileExtension: String
    var filename: String
    var pages: Int
    var warnings: [DataProblem]
  }

  /// Runs on a render thread.
  static func render(
    renderer: DocumentRenderer, document: String, bytes: [UInt8], output: Output, batch: Bool,
    cancellation: RenderCancellation
  ) throws -> Rendered {
    if !batch && output.format == .pdf {
      let prepared = try renderer.prepare(document: document, data: try renderer.parse(document: document, json: bytes), cancellation: cancellation)
      let pdf = try PDFRenderer.render(prepared)
      return Rendered(
        bytes: pdf, contentType: "application/pdf", fileExtension: "pdf", filename: prepared.filename,
        pages: prepared.pageCount, warnings: prepared.warnings)
    }
    guard batch else {
      let laidOut = try renderer.layOut(document: document, json: bytes)
      if output.format == .png {
        guard output.page <= laidOut.pages.count else {
          throw Problem(status: .badRequest, title: "No such page", detail: "the document has \(laidOut.pages.count) page(s)")
        }
        let png = try PNGRenderer.render(laidOut.pages[output.page - 1], dpi: output.dpi)
        return Rendered(bytes: png, contentType: "image/png", fileExtension: "png", filename: "\(laidOut.filename)-\(output.page)", pages: 1, warnings: laidOut.warnings)
      }
      let pdf = try PDFRenderer.render(laidOut)
      return Rendered(bytes: pdf, contentType: "application/pdf", fileExtension: "pdf", filename: laidOut.filename, pages: laidOut.pages.count, warnings: laidOut.warnings)
    }
    let items: [DataValue]
    do {
      guard case .array(let array) = try JSONReader.parse(bytes) else {
        throw Problem(status: .unprocessableContent, title: "Expected an array", detail: "a batch is a JSON array of documents' data")
      }
      items = array
    } catch let error as JSONReader.SyntaxError {
      throw Problem.from(.malformed(error.description))
    }
    guard !items.isEmpty else { throw Problem(status: .unprocessableContent, title: "Empty batch", detail: "the array has no documents") }
    var documents: [LaidOutDocument] = []
    var problems: [DataProblem] = []
    for (i, item) in items.enumerated() {
      if cancellation.isCancelled { throw RenderFailure.cancelled }
      do { documents.append(try renderer.layOut(document: document, data: item)) } catch {
        guard case .data(let list) = error else { throw Problem.from(error) }
        problems += list.map { DataProblem(path: "[\(i)]" + ($0.path.isEmpty || $0.path.hasPrefix("[") ? $0.path : "." + $0.path), message: $0.message) }
      }
    }
    if !problems.isEmpty { throw Problem.from(.data(problems)) }
    let warnings = documents.enumerated().flatMap { i, d in d.warnings.map { DataProblem(path: "[\(i)].\($0.path)", message: $0.message) } }
    let pageCount = documents.reduce(0) { $0 + $1.pages.count }
    if output.format == .zip {
      let archive = try Archive(accessMode: .create)
      for (i, laidOut) in documents.enumerated() {
        let pdf = try PDFRenderer.render(laidOut)
        let name = String(format: "%03d-", i + 1) + laidOut.filename.replacingOccurrences(of: "/", with: "_") + ".pdf"
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(pdf.count), compressionMethod: .none) { position, size in
          Data(pdf[Int(position)..<Int(position) + size])
        }
      }
      return Rendered(
        bytes: [UInt8](archive.data ?? Data()), contentType: "application/zip", fileExtension: "zip",
        filename: "\(document)-batch", pages: pageCount, warnings: warnings)
    }
    var combined = documents[0]
    combined.pages = documents.flatMap(\.pages)
    let pdf = try PDFRenderer.render(combined)
    return Rendered(bytes: pdf, contentType: "application/pdf", fileExtension: "pdf", filename: "\(document)-batch", pages: pageCount, warnings: warnings)
  }
}

struct RenderTimeout: Error {}

/// Runs `body`, giving up after `limit`: the caller gets its answer at once; the render
/// thread finishes the render it is on and then serves the next one. The clock is a
/// Dispatch timer source (it fires on time even while every task-pool thread is busy),
/// cancelled as soon as the work ends. A source, not `asyncAfter`: a cancelled work item
/// stays in Dispatch's timer list until its deadline, so under load every answered request
/// would hold its closure for the whole budget.
func withTimeout<T: Sendable>(
  _ limit: Duration, onTimeout: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
  let first = FirstResult<T>()
  let c = limit.components
  let nanoseconds = Int(c.seconds) * 1_000_000_000 + Int(c.attoseconds / 1_000_000_000)
  return try await withCheckedThrowingContinuation { continuation in
    first.continuation = continuation
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + .nanoseconds(nanoseconds))
    timer.setEventHandler { [weak first] in
      onTimeout()
      first?.resume(.failure(RenderTimeout()))
    }
    first.timer = timer
    timer.resume()
    Task {
      do { first.resume(.success(try await body())) } catch { first.resume(.failure(error)) }
    }
  }
}

/// Resumes a continuation once, with whichever result comes first, and stops the clock.
final class FirstResult<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  var continuation: CheckedContinuation<T, any Error>?
  var timer: (any DispatchSourceTimer)?

  func resume(_ result: Result<T, any Error>) {
    lock.lock()
    let c = continuation
    continuation = nil
    let t = timer
    timer = nil
    lock.unlock()
    t?.cancel()
    c?.resume(with: result)
  }
}
