import Foundation
import Hummingbird
import NIOCore
import WenshuDocuments
import WenshuLayout

/// `/v1/documents…`: the list, schemas, and the render routes (`RenderRoute`).
struct DocumentRoutes {
  let pool: RenderPool
  let metrics: ServiceMetrics
  let configuration: ServerConfiguration

  var catalog: DocumentCatalog { pool.catalog }

  func add(to router: Router<ServiceContext>) {
    let render = RenderRoute(pool: pool, metrics: metrics, configuration: configuration)
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
      await render.respond(
        document: context.parameters.get("document") ?? "", request: request, context: context, kind: .document)
    }
    router.post("v1/documents/:document/batch") { request, context in
      await render.respond(
        document: context.parameters.get("document") ?? "", request: request, context: context, kind: .batch)
    }
    router.post("v1/documents/:document/validate") { request, context in
      await render.respond(
        document: context.parameters.get("document") ?? "", request: request, context: context, kind: .validate)
    }
  }

  /// Every document with its variants, offices and titles, and where each layout's schema is.
  func list() throws -> Response {
    struct Listing: Encodable { var documents: [DocumentSummary] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try encoder.encode(Listing(documents: catalog.summaries))
    return Response(
      status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }
}
