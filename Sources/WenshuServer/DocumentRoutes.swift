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

  /// `GET /v1/documents/{document}/schema?variant=&office=`: the document's JSON Schema, or one layout's.
  func schema(request: Request, context: ServiceContext) -> Response {
    let document = context.parameters.get("document") ?? ""
    let query = request.uri.queryParameters
    do {
      let schema = try catalog.schema(document: document, variant: query.get("variant"), office: query.get("office"))
      return Response(
        status: .ok, headers: [.contentType: "application/schema+json"],
        body: .init(byteBuffer: ByteBuffer(string: JSONWriter.write(schema))))
    } catch {
      return Problem(status: .notFound, title: "No such layout", detail: error.description).response()
    }
  }

  /// `POST /v1/documents/{document}`, `…/batch`, `…/validate` (`RenderRoute`).
  func render(_ kind: RenderRoute.Kind, request: Request, context: ServiceContext) async -> Response {
    await RenderRoute(pool: pool, metrics: metrics, configuration: configuration).respond(
      document: context.parameters.get("document") ?? "", request: request, context: context, kind: kind)
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
