import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import WenshuTestSupport

/// The member-sheet route's limits: what a workbook inflates to, and a read that stops with
/// its request.
@Suite("Member sheet limits over HTTP", .serialized)
struct SheetLimitRouteTests {
  static let unit = MemberSheetRouteTests.fixtures.appendingPathComponent("henan-unit.json")

  /// A form with the unit's data and `sheet` as the members part.
  static func form(sheet: [UInt8], name: String) throws -> (HTTPFields, ByteBuffer) {
    let boundary = MemberSheetRouteTests.boundary
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"data\"; filename=\"unit.json\"\r\n")
    body.writeString("Content-Type: application/json\r\n\r\n")
    body.writeBytes(try Data(contentsOf: unit))
    body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"\(name)\"\r\n")
    body.writeString("Content-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(sheet)
    body.writeString("\r\n--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
  }

  @Test("a zip bomb in the members part is refused at twice the body limit of inflated XML: 422")
  func zipBomb() async throws {
    let (headers, body) = try Self.form(sheet: try WenshuTestSupport.zipBomb(inflatedMiB: 80), name: "bomb.xlsx")
    try await ServerFixtures.app(.init(workers: 1, bodyLimit: 4 << 20)).test(.router) { client in
      try await client.execute(
        uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(String(buffer: response.body).contains("inflates to over 8 MiB"), "\(String(buffer: response.body))")
      }
    }
  }

  @Test("a long one-line CSV read past its time budget lets go of its worker soon after the 503")
  func csvStopsAtBudget() async throws {
    let csv = Array(("姓名,证件号码," + String(repeating: "x", count: 6 << 20)).utf8)
    let (headers, body) = try Self.form(sheet: csv, name: "members.csv")
    try await BudgetYardstick(
      uri: "/v1/documents/overage-certificate", headers: headers, body: body,
      configuration: ServerConfiguration(workers: 1, bodyLimit: 16 << 20)
    ).expectWorkerFreed(budget: .milliseconds(200))
  }

  @Test("a workbook of 1.5 million shared strings read past its time budget lets go of its worker soon after the 503")
  func sharedStringsStopAtBudget() async throws {
    // ~25 MiB of XML, under the 32 MiB a 16 MiB body may inflate to; it inflates in a moment,
    // and parsing it takes seconds.
    let (headers, body) = try Self.form(sheet: try workbook(sharedStrings: 1_500_000), name: "members.xlsx")
    try await BudgetYardstick(
      uri: "/v1/documents/overage-certificate", headers: headers, body: body,
      configuration: ServerConfiguration(workers: 1, bodyLimit: 16 << 20)
    ).expectWorkerFreed(budget: .milliseconds(1000))
  }
}
