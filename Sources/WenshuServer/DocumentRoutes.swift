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
    router.get("v1/documents") { _, _ in list() }
    router.get("v1/documents/:document/schema") { _, context in
      try schema(document: context.parameters.get("document") ?? "")
    }
    router.post("v1/documents/:document") { request, context in
      await render.respond(document: context.parameters.get("document") ?? "", request: request, context: context, kind: .document)
    }
    router.post("v1/documents/:document/batch") { request, context in
      await render.respond(document: context.parameters.get("document") ?? "", request: request, context: context, kind: .batch)
    }
    router.post("v1/documents/:document/validate") { request, context in
      await render.respond(document: context.parameters.get("document") ?? "", request: request, context: context, kind: .validate)
    }
  }

  struct Listing: Codable {
    struct Entry: Codable {
      var document: String
      var variant: String
      var title: String
      var offices: [String]
    }
    var documents: [Entry]
  }

  func list() -> Response {
    let entries = catalog.documents.flatMap { name in
      catalog.layouts[name]!.map { Listing.Entry(document: name, variant: $0.variant, title: $0.summary, offices: $0.offices) }
    }
    return Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(bytes: encodeJSON(Listing(documents: entries)))))
  }

  func schema(document: String) throws(Problem) -> Response {
    guard let layout = catalog.layout(document: document, office: nil, variant: "default") ?? catalog.layouts[document]?.first else {
      throw Problem.from(.unknownDocument(document, known: catalog.documents))
    }
    return Response(
      status: .ok, headers: [.contentType: "application/schema+json"],
      body: .init(byteBuffer: ByteBuffer(string: JSONSchemaWriter.schema(for: layout, types: DomainTypes.all))))
  }
}
