import Foundation
import Testing

/// The e-bill preview: its QR code must read back, and it must never pass for the bill.
@Suite("电子票据预览")
struct InvoicePreviewTests {
  func render(_ sample: String) throws -> [UInt8] {
    try Fixtures.withRenderer {
      try $0.renderPDF(document: "invoice-preview", json: try Fixtures.sample("invoice-preview", sample))
    }
  }

  @Test("the QR code carries the bill's identifying fields and a reference decoder reads it")
  func qrDecodes() throws {
    let pdf = try render("qingdao-union")
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    try Data(pdf).write(to: work.appendingPathComponent("bill.pdf"))
    _ = try run(
      "pdftoppm",
      [
        "-r", "200", "-png", "-singlefile", work.appendingPathComponent("bill.pdf").path,
        work.appendingPathComponent("bill").path,
      ])
    let decoded = try run("zbarimg", ["--quiet", "--raw", work.appendingPathComponent("bill.png").path])
    #expect(
      String(decoding: decoded.stdout, as: UTF8.self) == "37060125|0000815201|8a3f2c|80.00|2025-10-30\n",
      "\(decoded.stderr)")
  }

  @Test("预览 is written on every page, and the amounts agree in words and figures")
  func watermarkAndAmounts() throws {
    for (sample, words, figures) in [("qingdao-union", "捌拾元整", "80.00"), ("qingdao-members", "叁佰贰拾元整", "320.00")] {
      let text = String(
        decoding: try run("pdftotext", ["-raw", "-", "-"], stdin: try render(sample)).stdout, as: UTF8.self)
      let pages = text.components(separatedBy: "\u{0C}").filter {
        !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      }
      #expect(!pages.isEmpty)
      for page in pages { #expect(page.contains("预览")) }
      #expect(text.contains("金额合计（大写）\(words)"))
      #expect(text.contains("（小写）\(figures)"))
    }
  }
}
