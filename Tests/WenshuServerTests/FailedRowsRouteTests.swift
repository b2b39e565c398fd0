import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import WenshuSheets

/// The failed rows over HTTP: asked for with `Accept`, a 422 carrying the workbook (or CSV).
@Suite("Failed rows over HTTP")
struct FailedRowsRouteTests {
  static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  static func send(
    _ path: String, accept: String?, check: @escaping @Sendable (TestResponse) throws -> Void
  ) async throws {
    let (form, body) = try MemberSheetRouteTests.form(data: "henan-unit.json", sheet: "openpyxl-problems.xlsx")
    var asked = form
    if let accept { asked[.accept] = accept }
    let headers = asked
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: path, method: .post, headers: headers, body: body) { try check($0) }
    }
  }

  /// The failed rows' sheet numbers (原行号) in the answer's workbook or CSV.
  static func rowNumbers(_ sheet: Sheet) -> [String] {
    guard let header = sheet.rows.first, let column = header.cells.first(where: { $0.value.text == "原行号" })?.key
    else { return [] }
    return sheet.rows.dropFirst().map { $0.cells[column]?.text ?? "" }
  }

  @Test("a render asking for a workbook gets 422 with the failed rows as .xlsx, an attachment, not cached")
  func renderAnswersWorkbook() async throws {
    try await Self.send("/v1/documents/overage-certificate", accept: "\(Self.xlsx), application/problem+json;q=0.5") {
      response in
      #expect(response.status == .unprocessableContent)
      #expect(response.headers[.contentType] == Self.xlsx)
      #expect(response.headers[.cacheControl] == "no-store")
      #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"failed-rows") == true)
      let sheet = try XLSXReader.read([UInt8](buffer: response.body))
      #expect(sheet.name == "失败人员")
      #expect(Self.rowNumbers(sheet) == ["3", "4", "5", "6", "7", "8"])
    }
  }

  @Test("validate asking for CSV gets 422 with the failed rows as CSV; without Accept, 422 problem+json at the cells")
  func validateAnswers() async throws {
    try await Self.send("/v1/documents/overage-certificate/validate", accept: "text/csv") { response in
      #expect(response.status == .unprocessableContent)
      #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
      let sheet = try CSVReader.read([UInt8](buffer: response.body), name: "failed")
      #expect(Self.rowNumbers(sheet) == ["3", "4", "5", "6", "7", "8"])
    }
    try await Self.send("/v1/documents/overage-certificate/validate", accept: nil) { response in
      #expect(response.status == .unprocessableContent)
      #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
      let report = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
      let paths = (report["problems"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
      #expect(paths == ["Sheet1!C3", "Sheet1!C4", "Sheet1!E6", "Sheet1!E7", "Sheet1!C5", "Sheet1!C8"])
    }
  }

  @Test("a list with no failed rows renders as before, whatever Accept says")
  func goodListRenders() async throws {
    let (form, body) = try MemberSheetRouteTests.form(data: "henan-unit.json", sheet: "openpyxl-members.xlsx")
    var asked = form
    asked[.accept] = Self.xlsx
    let headers = asked
    try await ServerFixtures.app().test(.router) { client in
      try await client.execute(uri: "/v1/documents/overage-certificate", method: .post, headers: headers, body: body) {
        response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/pdf")
      }
    }
  }
}
