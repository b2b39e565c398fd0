import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import Yams
import ZIPFoundation

@Suite("HTTP routes")
struct RouteTests {
  @Test("health, readiness, metrics and OpenAPI answer")
  func probes() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
      try await client.execute(uri: "/readyz", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("10 documents"))
      }
      try await client.postJSON("/v1/documents/confirmation", try ServerFixtures.sample("confirmation", "henan-12")) {
        _ in
      }
      try await client.execute(uri: "/metrics", method: .get) { response in
        let text = String(buffer: response.body)
        #expect(text.contains("wenshu_requests_total{document=\"confirmation\",status=\"200\"} 1"))
        #expect(text.contains("wenshu_pages_rendered_total 2"))
        #expect(text.contains("wenshu_render_duration_seconds_bucket"))
        #expect(text.contains("wenshu_renders_in_flight"))
        #expect(text.contains("wenshu_renders_queued"))
      }
      try await client.execute(uri: "/openapi.yaml", method: .get) { response in
        #expect(String(buffer: response.body).hasPrefix("openapi: \"3.1.0\""))
      }
    }
  }

  @Test("the catalogue holds only the product's documents: no bench variant listed or accepted")
  func noBenchVariant() async throws {
    let sample = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
    let body = sample.replacingOccurrences(
      of: "{", with: "{\"variant\": \"bench\", ", options: [], range: sample.range(of: "{"))
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/v1/documents", method: .get) { response in
        let text = String(buffer: response.body)
        #expect(text.contains("\"document\":\"invoice-preview\""), "\(text)")
        #expect(!text.contains("bench"), "\(text)")
      }
      try await client.postJSON("/v1/documents/confirmation", ByteBuffer(string: body)) { response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("and variant bench;"), "\(String(buffer: response.body))")
      }
    }
  }

  @Test("/openapi.yaml is YAML, written from the catalogue, and docs/openapi.yaml is a copy of it")
  func openAPIServedAndCommitted() async throws {
    let committed = try String(
      contentsOf: ServerFixtures.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/openapi.yaml", method: .get) { response in
        #expect(response.headers[.contentType] == "application/yaml")
        let served = String(buffer: response.body)
        #expect(served == committed, "docs/openapi.yaml is stale: run `wenshu openapi > docs/openapi.yaml`")
        let parsed = try Yams.load(yaml: served)
        #expect(parsed is [String: Any])
      }
    }
  }

  @Test("docs/openapi.yaml describes exactly the routes the server has, once per document")
  func openAPIInStep() throws {
    let text = try String(contentsOf: ServerFixtures.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    guard let spec = try Yams.load(yaml: text) as? [String: Any], let paths = spec["paths"] as? [String: Any] else {
      Issue.record("no paths"); return
    }
    var described: Set<String> = []
    for (path, value) in paths {
      for method in (value as? [String: Any] ?? [:]).keys { described.insert("\(method.uppercased()) \(path)") }
    }
    let documents = [
      "application", "claim", "confirmation", "enrolment-statistics", "invoice-preview", "member-list",
      "notification", "overage-certificate", "payment-notice", "policy",
    ]
    let served = Set(
      WenshuService.routes.flatMap { route in
        (route.path.contains("{document}") ? documents : [""]).flatMap { document in
          // Every GET route answers HEAD too (HeadResponder), and is described so.
          (route.method == "GET" ? ["GET", "HEAD"] : [route.method]).map {
            "\($0) \(route.path.replacingOccurrences(of: "{document}", with: document))"
          }
        }
      })
    #expect(described == served)
    // Each document's body is its schema, and each status the issue lists is there.
    let render = (paths["/v1/documents/payment-notice"] as? [String: Any])?["post"] as? [String: Any]
    let body =
      ((render?["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any]
    #expect((body?["schema"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/PaymentNotice")
    #expect((body?["examples"] as? [String: Any])?.keys.sorted() == ["guangdong", "qingdao"])
    let statuses = Set((render?["responses"] as? [String: Any] ?? [:]).keys)
    #expect(statuses == ["200", "400", "401", "403", "404", "405", "408", "413", "415", "422", "429", "503"])
  }

  @Test("every route of the table is served under its method, and 405 names exactly the table's methods")
  func tableServed() async throws {
    let sample = try ServerFixtures.sample("payment-notice", "qingdao")
    let job = ByteBuffer(string: #"{"document": "payment-notice", "items": [\#(String(buffer: sample))]}"#)
    try await ServerFixtures.app().test(.router) { client in
      // A job to read, fetch and (last) delete through the jobs routes.
      let id = try await JobTests.submit(client, job)
      _ = try await JobTests.finished(client, id)
      for route in ServiceRoute.allCases.filter({ $0 != .cancelJob }) + [.cancelJob] {
        let path = route.path.replacingOccurrences(of: "{document}", with: "payment-notice")
          .replacingOccurrences(of: "{id}", with: id)
        // /v1/verify requires its code (an invalid one is still an answer: 200, valid: false).
        let query = route == .verify ? "?c=WS1%3A" : ""
        let body: ByteBuffer? =
          switch route {
          case .batch: ByteBuffer(string: "[\(String(buffer: sample))]")
          case .submitJob: job
          default: route.method == .post ? sample : nil
          }
        let expected: HTTPResponse.Status =
          switch route {
          case .submitJob: .accepted
          case .cancelJob: .noContent
          default: .ok
          }
        try await client.execute(uri: path + query, method: route.method, headers: ServerFixtures.json, body: body) {
          response in
          #expect(response.status == expected, "\(route.method) \(path)")
        }
        let methods = ServiceRoute.allCases.filter { $0.path == route.path }.flatMap {
          $0.method == .get ? ["GET", "HEAD"] : [$0.method.rawValue]
        }
        try await client.execute(uri: path, method: .put) { response in
          #expect(response.status == .methodNotAllowed)
          #expect(response.headers[.allow] == methods.joined(separator: ", "), "\(path)")
        }
      }
    }
  }

  @Test("a document renders to PDF with its name in Content-Disposition")
  func renderPDF() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/confirmation", try ServerFixtures.sample("confirmation", "henan-12")) {
        response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/pdf")
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "2")
        let disposition = response.headers[.contentDisposition] ?? ""
        #expect(
          disposition.contains("filename*=UTF-8''%E7%A1%AE%E8%AE%A4%E4%B9%A6-G16002025022510000694.pdf"),
          "\(disposition)")
        #expect(disposition.contains("filename=\"confirmation-G16002025022510000694.pdf\""), "\(disposition)")
        #expect(String(buffer: response.body).hasPrefix("%PDF-"))
      }
    }
  }

  @Test("one page as PNG for a web preview")
  func renderPNG() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/invoice-preview?format=png&page=1&dpi=72",
        try ServerFixtures.sample("invoice-preview", "qingdao-union")
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "image/png")
        #expect(Array(response.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
      }
      try await client.postJSON(
        "/v1/documents/invoice-preview?format=png&page=9", try ServerFixtures.sample("invoice-preview", "qingdao-union")
      ) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test("batch: one PDF with every document, or a ZIP of one PDF each")
  func batch() async throws {
    let union = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-union"))
    let members = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-members"))
    let body = ByteBuffer(string: "[\(union),\(members)]")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/invoice-preview/batch", body) { response in
        #expect(response.status == .ok)
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "2")
      }
      try await client.postJSON("/v1/documents/invoice-preview/batch?format=zip", body) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/zip")
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        let names = archive.map(\.path).sorted()
        #expect(names == ["001-电子票据预览-37060125-0000815201.pdf", "002-电子票据预览-37060125-0000815202.pdf"])
      }
      let broken = members.replacingOccurrences(of: "\"total\": \"320.00\"", with: "\"total\": \"321.00\"")
      try await client.postJSON("/v1/documents/invoice-preview/batch", ByteBuffer(string: "[\(union),\(broken)]")) {
        response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("\"path\":\"[1].total\""))
      }
    }
  }

  @Test("lists documents with their layouts and offices, and serves each layout's schema")
  func listAndSchema() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/v1/documents", method: .get) { response in
        let text = String(buffer: response.body)
        for d in ["confirmation", "payment-notice", "notification", "overage-certificate", "invoice-preview"] {
          #expect(text.contains("\"document\":\"\(d)\""))
        }
        // Guangdong's 缴款单 is its own layout; Henan's profile has no receiving account.
        #expect(
          text.contains(
            #"{"offices":["guangdong"],"schema":"/v1/documents/payment-notice/schema?variant=default&office=guangdong","title":"缴款单"#
          ), "\(text)")
        #expect(
          text.contains(
            #"{"offices":["qingdao","shanghai"],"schema":"/v1/documents/payment-notice/schema?variant=default","title":"缴费通知单"#
          ))
      }
      try await client.execute(uri: "/v1/documents/payment-notice/schema?office=guangdong", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/schema+json")
        let text = String(buffer: response.body)
        #expect(text.contains("\"slipNumber\"") && !text.contains("\"applicationNumber\""))
        #expect(text.contains("\"enum\": [\n        \"guangdong\"\n      ]"), "\(text)")
      }
      try await client.execute(uri: "/v1/documents/notification/schema?variant=district", method: .get) { response in
        #expect(String(buffer: response.body).contains("\"const\": \"district\""))
      }
      try await client.execute(uri: "/v1/documents/payment-notice/schema", method: .get) { response in
        #expect(String(buffer: response.body).contains("\"oneOf\""))
      }
      try await client.execute(uri: "/v1/documents/nonesuch/schema", method: .get) { #expect($0.status == .notFound) }
      try await client.execute(uri: "/v1/documents/notification/schema?variant=nonesuch", method: .get) {
        #expect($0.status == .notFound)
      }
      try await client.execute(uri: "/v1/documents/payment-notice/schema?office=henan", method: .get) {
        #expect($0.status == .notFound)
      }
    }
  }
}
