import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WenshuLayout
import Yams

@testable import WenshuServer

/// What a client generated from `docs/openapi.yaml` with no configuration needs of it
/// (`scripts/client-test` generates one and renders every sample through it).
@Suite("OpenAPI for generated clients")
struct OpenAPIClientTests {
  static func spec() throws -> [String: Any] {
    let text = try String(contentsOf: ServerFixtures.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    return try #require(try Yams.load(yaml: text) as? [String: Any])
  }

  @Test("the title is ASCII, and every schema is titled by its own name, an identifier, each once")
  func schemaNames() throws {
    let spec = try Self.spec()
    let title = try #require((spec["info"] as? [String: Any])?["title"] as? String)
    #expect(title.allSatisfy { $0.isASCII })
    let schemas = try #require((spec["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
    for (name, schema) in schemas {
      #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(name)")
      #expect(schema["title"] as? String == name, "\(name) is titled \(schema["title"] ?? "nothing")")
    }
    #expect(schemas["PaymentNotice"] != nil && schemas["PaymentNoticeDefaultGuangdong"] != nil)
  }

  @Test("keys that differ only in punctuation (A, A+) are a map of exactly those keys")
  func punctuatedKeys() throws {
    let integer = DataValue.object(["type": .string("integer"), "minimum": .integer(0)])
    let counts = DataValue.object([
      "type": .string("object"), "additionalProperties": .bool(false), "required": .strings(["A", "A+"]),
      "properties": .object(["A": integer, "A+": integer]),
    ])
    let mapped = OpenAPIDocument.SchemaKeys.mapped(.object(["properties": .object(["counts": counts])]))
    let expected = DataValue.object([
      "type": .string("object"), "additionalProperties": integer, "required": .strings(["A", "A+"]),
      "propertyNames": .object(["enum": .strings(["A", "A+"])]),
    ])
    #expect(mapped == .object(["properties": .object(["counts": expected])]))
    // Distinct identifiers, or properties of different schemas, stay as they are.
    let distinct = DataValue.object([
      "additionalProperties": .bool(false), "properties": .object(["A": integer, "B": integer]),
    ])
    #expect(OpenAPIDocument.SchemaKeys.mapped(distinct) == distinct)
    let different = DataValue.object([
      "additionalProperties": .bool(false),
      "properties": .object(["A": integer, "A+": .object(["type": .string("string")])]),
    ])
    #expect(OpenAPIDocument.SchemaKeys.mapped(different) == different)
    // The 告知书's district form, as served.
    let schemas = try #require((try Self.spec()["components"] as? [String: Any])?["schemas"] as? [String: Any])
    let district = try #require(schemas["NotificationDistrict"] as? [String: Any])
    let served = try #require((district["properties"] as? [String: Any])?["counts"] as? [String: Any])
    #expect((served["propertyNames"] as? [String: Any])?["enum"] as? [String] == ["A", "B", "A+", "B+"])
    #expect(
      served["properties"] == nil && (served["additionalProperties"] as? [String: Any])?["type"] as? String == "integer"
    )
  }

  @Test("enum values that differ only in punctuation are named apart (x-enum-varnames); others are left alone")
  func punctuatedValues() {
    let categories = DataValue.object(["enum": .strings(["A", "B", "A+", "B+"])])
    #expect(
      OpenAPIDocument.SchemaKeys.mapped(categories)
        == .object([
          "enum": .strings(["A", "B", "A+", "B+"]),
          "x-enum-varnames": .strings(["A", "B", "A_PLUS_SIGN", "B_PLUS_SIGN"]),
        ]))
    let idTypes = DataValue.object(["enum": .strings(["居民身份证", "护照", "pdf"])])
    #expect(OpenAPIDocument.SchemaKeys.mapped(idTypes) == idTypes)
  }

  @Test("files are described as application/octet-stream too, and sent so to a client that asks")
  func octetStream() async throws {
    let spec = try Self.spec()
    let render =
      (((spec["paths"] as? [String: Any])?["/v1/documents/confirmation"] as? [String: Any])?["post"]
        as? [String: Any])
    let ok = ((render?["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any]
    // The 确认书 exports its 会员名单 as a workbook (`sheet:`), so xlsx is among its files.
    #expect(
      ok?.keys.sorted() == [
        "application/octet-stream", "application/ofd", "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "image/png",
      ])
    let form = ((render?["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["multipart/form-data"]
    #expect(form != nil)
    try await ServerFixtures.app().test(.router) { client in
      for (accept, type) in [
        ("application/octet-stream", "application/octet-stream"), ("*/*", "application/pdf"),
        ("application/pdf, application/octet-stream", "application/pdf"),
      ] {
        var headers = ServerFixtures.json
        headers[.accept] = accept
        try await client.execute(
          uri: "/v1/documents/confirmation", method: .post, headers: headers,
          body: try ServerFixtures.sample("confirmation", "henan-12")
        ) { response in
          #expect(response.status == .ok)
          #expect(response.headers[.contentType] == type, "Accept: \(accept)")
          #expect(String(buffer: response.body).hasPrefix("%PDF-"))
        }
      }
    }
  }
}
