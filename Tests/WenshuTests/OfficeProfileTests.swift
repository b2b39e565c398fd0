import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

@Suite("Office profiles, variants and warnings")
struct OfficeProfileTests {
  func text(_ document: String, _ json: String) throws -> String {
    let pdf = try Fixtures.withRenderer { try $0.renderPDF(document: document, json: Array(json.utf8)) }
    return String(decoding: try run("pdftotext", ["-raw", "-", "-"], stdin: pdf).stdout, as: UTF8.self)
  }

  func sample(_ document: String, _ name: String) throws -> String {
    String(decoding: try Fixtures.sample(document, name), as: UTF8.self)
  }

  @Test("the profile fills in the office; overriding its fields is refused unless the renderer allows it")
  func profileAndOverride() throws {
    let plain = try text("payment-notice", try sample("payment-notice", "qingdao"))
    #expect(plain.contains("232554192616"))
    #expect(plain.contains("中国银行青岛市南支行"))
    let overridden = try sample("payment-notice", "qingdao").replacingOccurrences(
      of: "\"office\": \"qingdao\"",
      with: "\"office\": {\"id\": \"qingdao\", \"account\": {\"number\": \"6222000011112222\"}, \"shortName\": \"青岛办\"}"
    )
    do {
      _ = try Fixtures.withRenderer { try $0.renderPDF(document: "payment-notice", json: Array(overridden.utf8)) }
      Issue.record("an override of the office's account was printed")
    } catch let failure as RenderFailure {
      #expect(failure.description.contains("office: 办事处信息以服务器的档案为准"), "\(failure)")
    }
    // Under the shared renderer's lock: Pango is used by one thread at a time.
    let shortName = try sample("payment-notice", "qingdao").replacingOccurrences(
      of: "\"office\": \"qingdao\"", with: "\"office\": {\"id\": \"qingdao\", \"shortName\": \"青岛办\"}")
    let pdf = try Fixtures.withRenderer { _ in
      try DocumentRenderer(home: Fixtures.home, document: "payment-notice", allowingOfficeOverrides: true)
        .renderPDF(document: "payment-notice", json: Array(shortName.utf8))
    }
    let printed = String(decoding: try run("pdftotext", ["-raw", "-", "-"], stdin: pdf).stdout, as: UTF8.self)
    #expect(printed.contains("青岛办将在次月初"))
  }

  @Test("an unknown office is rejected, naming the profiles")
  func unknownOffice() throws {
    let json = try sample("payment-notice", "qingdao").replacingOccurrences(of: "\"qingdao\"", with: "\"atlantis\"")
    do {
      _ = try Fixtures.withRenderer { try $0.renderPDF(document: "payment-notice", json: Array(json.utf8)) }
      Issue.record("accepted")
    } catch let failure as RenderFailure {
      #expect(failure.description.contains("office: 未知的办事处 'atlantis'"))
    }
  }

  @Test("an office's own layout is chosen for it")
  func officeLayout() throws {
    #expect(try text("payment-notice", try sample("payment-notice", "guangdong")).contains("汇款填写示例"))
    #expect(!(try text("payment-notice", try sample("payment-notice", "qingdao")).contains("汇款填写示例")))
  }

  @Test("a tax number that fails its check is a warning on the e-bill, and the bill still prints")
  func creditCodeWarning() throws {
    let result = try Fixtures.withRenderer {
      try $0.render(document: "invoice-preview", json: try Fixtures.sample("invoice-preview", "qingdao-union"))
    }
    #expect(result.pdf.starts(with: Array("%PDF".utf8)))
    #expect(result.warnings.map(\.path) == ["payer.creditCode"])
  }

  @Test("certificates go to over-age members only, one page each")
  func certificatesForOverAgeOnly() throws {
    let text = try text("overage-certificate", try sample("overage-certificate", "henan"))
    let pages = text.components(separatedBy: "\u{0C}").filter { $0.contains("超龄人员在职证明") }
    #expect(pages.count == 2)
    #expect(text.contains("返聘担任教研指导"))
    #expect(text.contains("__________"))  // the second certificate's missing reason is a fill-in line
  }
}
