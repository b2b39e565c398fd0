import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import ZIPFoundation

/// Batches stream: each document is checked, laid out and written before the next.
@Suite("Batches")
struct BatchTests {
  @Test("a ZIP's entries are deflated, named and in order; a combined PDF has every page")
  func zipDeflated() async throws {
    let long = String(buffer: try ServerFixtures.sample("confirmation", "henan-12"))
    let short = String(buffer: try ServerFixtures.sample("confirmation", "qingdao-8"))
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/confirmation/batch?format=zip", ByteBuffer(string: "[\(long),\(short),\(long)]")
      ) { response in
        #expect(response.status == .ok)
        #expect(
          response.headers[.contentDisposition]?.contains("filename=\"confirmation-confirmation-batch.zip\"") == true,
          "\(response.headers[.contentDisposition] ?? "")")
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path).map { String($0.prefix(4)) } == ["001-", "002-", "003-"])
        #expect(entries.allSatisfy { $0.isCompressed })
        var pdf = Data()
        _ = try archive.extract(entries[0]) { pdf.append($0) }
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
      }
      try await client.postJSON("/v1/documents/confirmation/batch", ByteBuffer(string: "[\(long),\(short)]")) {
        response in
        #expect(response.status == .ok)
        #expect(response.headers[HTTPField.Name("X-Wenshu-Pages")!] == "4")  // 2 + 2
      }
    }
  }

  @Test("problems anywhere in a batch: every item's, under its index, and no file")
  func problemsAcrossItems() async throws {
    let good = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-union"))
    let bad = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-members"))
      .replacingOccurrences(of: "\"total\": \"320.00\"", with: "\"total\": \"321.00\"")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/invoice-preview/batch", ByteBuffer(string: "[\(bad),\(good),\(bad)]")) {
        response in
        #expect(response.status == .unprocessableContent)
        let text = String(buffer: response.body)
        #expect(text.contains("\"path\":\"[0].total\"") && text.contains("\"path\":\"[2].total\""), "\(text)")
        #expect(text.contains("\"item\":3"))
      }
      try await client.postJSON("/v1/documents/invoice-preview/batch", ByteBuffer(string: "[\(good), {\"a\": }]")) {
        response in
        #expect(response.status == .badRequest)
        // Where it is in the whole body: the line after the first bill's last.
        let line = good.filter { $0 == "\n" }.count + 1
        #expect(String(buffer: response.body).contains("at line \(line), column"), "\(String(buffer: response.body))")
      }
      for body in ["[]", "{}", "  [ ] "] {
        try await client.postJSON("/v1/documents/invoice-preview/batch", ByteBuffer(string: body)) {
          #expect($0.status == .unprocessableContent, "\(body)")
        }
      }
    }
  }
}
