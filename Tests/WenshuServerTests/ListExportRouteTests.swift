import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import ZIPFoundation

/// `?format=xlsx`: a document's lists as a workbook over HTTP, and a batch as a ZIP of them.
@Suite("Lists as spreadsheets over HTTP")
struct ListExportRouteTests {
  static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  /// The XML of one part of a workbook.
  static func part(_ bytes: Data, _ path: String) throws -> String {
    let archive = try Archive(data: bytes, accessMode: .read)
    var xml = Data()
    _ = try archive.extract(try #require(archive[path])) { xml.append($0) }
    return String(decoding: xml, as: UTF8.self)
  }

  @Test("?format=xlsx: the member list as a workbook, named for the document, as an attachment")
  func workbook() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/confirmation?format=xlsx", try ServerFixtures.sample("confirmation", "henan-12")
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == Self.workbook)
        let disposition = response.headers[.contentDisposition] ?? ""
        #expect(disposition.hasPrefix("attachment") && disposition.contains(".xlsx"), "\(disposition)")
        let book = try Self.part(Data(buffer: response.body), "xl/workbook.xml")
        #expect(book.contains(#"<sheet name="会员名单""#))
        let sheet = try Self.part(Data(buffer: response.body), "xl/worksheets/sheet1.xml")
        #expect(sheet.components(separatedBy: "<row ").count - 1 == 2 + 12)  // title, header, 12 members (no empty row)
        #expect(!sheet.contains("<f>"))
      }
    }
  }

  @Test("xlsx of a document with no list is 400 problem+json naming it; an unknown format is 400")
  func noList() async throws {
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/payment-notice?format=xlsx", try ServerFixtures.sample("payment-notice", "qingdao")
      ) { response in
        #expect(response.status == .badRequest)
        #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        let text = String(buffer: response.body)
        #expect(text.contains("payment-notice") && text.contains("confirmation"), "\(text)")
      }
      try await client.postJSON(
        "/v1/documents/confirmation?format=ods", try ServerFixtures.sample("confirmation", "henan-12")
      ) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test("a batch with ?format=xlsx is a ZIP of one workbook per document")
  func batchOfWorkbooks() async throws {
    let one = String(buffer: try ServerFixtures.sample("policy", "shenzhen-6"))
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/policy/batch?format=xlsx", ByteBuffer(string: "[\(one),\(one)]")) {
        response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/zip")
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.count == 2 && entries.allSatisfy { $0.path.hasSuffix(".xlsx") }, "\(entries.map(\.path))")
        var inner = Data()
        _ = try archive.extract(entries[0]) { inner.append($0) }
        #expect(try Self.part(inner, "xl/workbook.xml").contains(#"<sheet name="参保人员清单""#))
      }
    }
  }
}
