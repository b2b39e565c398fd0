import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WenshuServer
import WenshuSigning

/// `serve --signing-keys`: every PDF of an office with a key comes back signed, the others not.
@Suite("signed documents from the service")
struct SigningRouteTests {
  @Test("a PDF of an office with a key is signed (pdfsig: valid); an office without one gets it unsigned")
  func signsWhenTheOfficeHasAKey() async throws {
    let pki = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-pki-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: pki) }
    let made = try runTool(ServerFixtures.root.appendingPathComponent("scripts/make-signing-keys").path, [pki.path])
    try #require(made == 0)
    // Only Qingdao's key: Guangdong's documents stay unsigned.
    let keys = pki.appendingPathComponent("keys")
    for office in ["guangdong", "henan", "shanghai"] {
      try FileManager.default.removeItem(at: keys.appendingPathComponent("\(office).pem"))
      try FileManager.default.removeItem(at: keys.appendingPathComponent("\(office).key"))
    }
    var configuration = ServerConfiguration(workers: 1)
    configuration.signingKeys = try SigningKeys(folder: keys)
    try await ServerFixtures.app(configuration).test(.router) { client in
      try await client.postJSON("/v1/documents/payment-notice", try ServerFixtures.sample("payment-notice", "qingdao"))
      { response in
        #expect(response.status == .ok)
        let pdf = Array(buffer: response.body)
        let file = pki.appendingPathComponent("qingdao.pdf")
        try Data(pdf).write(to: file)
        let report = try output("pdfsig", [file.path])
        #expect(report.contains("Signature Validation: Signature is Valid"), "\(report)")
        #expect(report.contains("Total document signed"), "\(report)")
      }
      try await client.postJSON(
        "/v1/documents/payment-notice", try ServerFixtures.sample("payment-notice", "guangdong")
      ) { response in
        #expect(response.status == .ok)
        #expect(!String(decoding: Array(buffer: response.body), as: UTF8.self).contains("/ETSI.CAdES.detached"))
      }
    }
  }

  func runTool(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  func output(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
