import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WenshuDocuments
import WenshuLayout

/// The preview's routes: the page and its assets, the pickers' catalogue, the samples, a page
/// rendered from posted data, and a long poll that answers when the layouts were reloaded.
struct PreviewRoutes {
  let live: LiveLayouts
  /// `samples/`, one folder per document.
  let samples: URL
  /// How long `GET /api/layouts` waits for a reload before answering anyway.
  var longPoll: Duration = .seconds(15)

  func add(to router: Router<ServiceContext>) {
    router.get("/") { _, _ in Self.asset(PreviewAssets.html, type: "text/html; charset=utf-8") }
    router.get("preview.css") { _, _ in Self.asset(PreviewAssets.css, type: "text/css; charset=utf-8") }
    router.get("preview.js") { _, _ in Self.asset(PreviewAssets.javaScript, type: "text/javascript; charset=utf-8") }
    router.get("api/documents") { _, _ in Self.json(catalog()) }
    router.get("api/samples/:document/:sample") { _, context in
      let document = context.parameters.get("document") ?? ""
      let name = context.parameters.get("sample") ?? ""
      // Only a name the folder lists: never a path a client made up.
      guard sampleNames(document).contains(name),
        let data = FileManager.default.contents(atPath: samples.appendingPathComponent("\(document)/\(name).json").path)
      else {
        return Problem(status: .notFound, title: "No such sample", detail: "no sample '\(name)' of '\(document)'")
          .response()
      }
      return Response(
        status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
    router.post("api/render/:document") { request, context in
      let document = context.parameters.get("document") ?? ""
      let query = request.uri.queryParameters
      let page = max(1, Int(query.get("page") ?? "1") ?? 1)
      let dpi = min(300, max(24, Double(query.get("dpi") ?? "96") ?? 96))
      let json = Array((try await request.body.collect(upTo: 64 << 20)).readableBytesView)
      // Stopped when the page drops this request for a newer one, so renders do not pile up
      // behind each other while someone types into a 2,000-member list.
      let stop = StopSignal()
      let hangUp = try? await context.channel.pipeline.handler(type: HangUpHandler.self).get()
      hangUp?.watch(stop)
      defer { hangUp?.watch(nil) }
      let cancellation = stop.cancellation
      let answer = await live.withState { generation, state, kept in
        PagePreview.answer(
          document: document, json: json, page: page, dpi: dpi, generation: generation, state: state, kept: &kept,
          cancellation: cancellation)
      }
      var response = Self.json(answer)
      response.headers[.wenshuPages] = String(answer.pages)  // for the request's log line
      return response
    }
    router.get("api/layouts") { request, context in
      let since = Int(request.uri.queryParameters.get("since") ?? "") ?? -1
      let deadline = ContinuousClock.now + longPoll
      // Polled rather than signalled: a page has at most one waiting, and it stops with its client.
      while live.generation == since, ContinuousClock.now < deadline, context.channel.isActive {
        try await Task.sleep(for: .milliseconds(100))
      }
      let (generation, state, _) = live.snapshot
      return Self.json(LayoutsBody(generation: generation, layoutError: state.layoutError.map(LayoutErrorBody.init)))
    }
  }

  func catalog() -> PreviewCatalogBody {
    let (generation, state, catalog) = live.snapshot
    let documents = (catalog?.summaries ?? []).map { summary in
      PreviewCatalogBody.Document(
        document: summary.document, title: summary.title, variants: summary.variants, offices: summary.offices,
        samples: sampleNames(summary.document))
    }
    let offices = (catalog?.offices ?? [:]).keys.sorted().map { id in
      PreviewCatalogBody.Office(id: id, name: catalog?.offices[id]?["name"]?.text ?? id)
    }
    return PreviewCatalogBody(
      generation: generation, layoutError: state.layoutError.map(LayoutErrorBody.init), documents: documents,
      offices: offices)
  }

  /// The sample files of a document, without `.json`, sorted.
  func sampleNames(_ document: String) -> [String] {
    let folder = samples.appendingPathComponent(document).path
    guard !document.contains("/"), !document.hasPrefix("."),
      let files = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  static func asset(_ text: String, type: String) -> Response {
    Response(
      status: .ok,
      headers: [
        .contentType: type, .cacheControl: "no-cache",
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
      ],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func json(_ value: some Encodable) -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(bytes: encodeJSON(value))))
  }
}

extension LiveLayouts.State {
  var layoutError: LayoutError? {
    if case .broken(let error) = self { return error }
    return nil
  }
}
