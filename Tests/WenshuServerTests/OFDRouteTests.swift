import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import ZIPFoundation

/// `?format=ofd`: a render as OFD (GB/T 33190), a batch as a ZIP of one OFD each.
@Suite("OFD over HTTP")
struct OFDRouteTests {
  @Test("a render with format=ofd answers application/ofd, an OFD package named .ofd")
  func render() async throws {
    let union = try ServerFixtures.sample("invoice-preview", "qingdao-union")
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON("/v1/documents/invoice-preview?format=ofd", union) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/ofd")
        #expect(response.headers[.contentDisposition]?.contains(".ofd\"") == true)
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        #expect(archive["OFD.xml"] != nil && archive["Doc_0/Document.xml"] != nil)
      }
    }
  }

  @Test("a batch with format=ofd is a ZIP of one OFD per document")
  func batch() async throws {
    let union = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-union"))
    let members = String(buffer: try ServerFixtures.sample("invoice-preview", "qingdao-members"))
    try await ServerFixtures.app().test(.router) { client in
      try await client.postJSON(
        "/v1/documents/invoice-preview/batch?format=ofd", ByteBuffer(string: "[\(union),\(members)]")
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/zip")
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == ["001-电子票据预览-37060125-0000815201.ofd", "002-电子票据预览-37060125-0000815202.ofd"])
        var ofd = Data()
        _ = try archive.extract(Array(archive)[0]) { ofd.append($0) }
        let inner = try Archive(data: ofd, accessMode: .read)
        #expect(inner["OFD.xml"] != nil)
      }
    }
  }
}
