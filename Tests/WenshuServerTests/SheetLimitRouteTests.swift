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
    let configuration = ServerConfiguration(workers: 1, bodyLimit: 16 << 20)
    // What reading the whole sheet takes on this machine now (CI shares its cores): the yardstick.
    let started = ContinuousClock.now
    try await ServerFixtures.app(configuration).test(.router) { client in
      try await client.execute(uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body) {
        #expect($0.status != .serviceUnavailable)
      }
    }
    let whole = ContinuousClock.now - started
    var budgeted = configuration
    budgeted.renderTimeout = .milliseconds(200)
    try await ServerFixtures.app(budgeted).test(.router) { client in
      try await client.execute(uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body) {
        #expect($0.status == .serviceUnavailable)
      }
      let answered = ContinuousClock.now
      var freed: Duration?
      while ContinuousClock.now - answered < whole {
        let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
        if metrics.contains("wenshu_renders_in_flight 0") { freed = ContinuousClock.now - answered; break }
        try await Task.sleep(for: .milliseconds(20))
      }
      #expect(
        freed != nil && freed! < whole / 4,
        "worker freed \(freed.map { "\($0)" } ?? "never") after the 503; the whole read takes \(whole)")
    }
  }
}
