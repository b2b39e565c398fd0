import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

/// The published schemas are the contract: for every sample and a few hundred mutations of
/// each, a real JSON Schema validator (python-jsonschema, scripts/schema-verdicts) and Wenshu
/// must give the same verdict — schema-valid data is laid out, schema-invalid data refused.
@Suite("The contract: schemas say what Wenshu accepts")
struct ContractTests {
  /// One piece of data to judge, and what was done to the sample to get it.
  struct Case {
    var document: String
    var mutation: String
    var json: String
  }

  @Test("every sample passes its document's and its layout's published schema, and renders")
  func samplesPassTheirSchemas() throws {
    var cases: [Case] = []
    var schemas: [String: DataValue] = [:]
    for (document, name) in Fixtures.samples {
      let data = try JSONReader.parse(try Fixtures.sample(document, name))
      let catalog = try Fixtures.withRenderer { $0.catalog }
      schemas[document] = catalog.documentSchema(document)
      let layoutName = "\(document)/\(name)"
      schemas[layoutName] = try catalog.schema(
        document: document, variant: data["variant"]?.text ?? "default", office: data["office"]?.text)
      let json = WenshuLayout.JSONWriter.write(data, pretty: false)
      cases.append(Case(document: document, mutation: "\(name) as it is", json: json))
      cases.append(Case(document: layoutName, mutation: "\(name) against its layout's schema", json: json))
      let pdf = try Fixtures.withRenderer { try $0.renderPDF(document: document, json: Array(json.utf8)) }
      #expect(pdf.starts(with: Array("%PDF-".utf8)), "\(name)")
    }
    #expect(cases.count == 42, "21 samples, each against two schemas")
    for (c, verdict) in zip(cases, try Self.verdicts(cases, schemas: schemas)) {
      #expect(verdict.valid, "\(c.mutation) fails its published schema: \(verdict.message)")
    }
  }

  /// Refusals of the documents' cross-checks (issue 14), which relate fields to each other.
  static let crossChecks = ["不在本确认书的保障活动明细中", "参保人数与会员名单不符"]

  @Test("schema-valid mutations of every sample are laid out, schema-invalid ones refused: the verdicts agree")
  func mutationsAgree() throws {
    var cases: [Case] = []
    var schemas: [String: DataValue] = [:]
    let catalog = try Fixtures.withRenderer { $0.catalog }
    for (document, name) in Fixtures.samples {
      schemas[document] = catalog.documentSchema(document)
      let data = try JSONReader.parse(try Fixtures.sample(document, name))
      let variants = Set((catalog.layouts[document] ?? []).map(\.variant)).sorted()
      for (mutation, value) in Mutations.of(data, offices: catalog.offices.keys.sorted(), variants: variants) {
        cases.append(
          Case(
            document: document, mutation: "\(name): \(mutation)",
            json: WenshuLayout.JSONWriter.write(value, pretty: false)))
      }
    }
    let verdicts = try Self.verdicts(cases, schemas: schemas)
    var disagreements: [String] = []
    var accepted = 0
    for (c, schema) in zip(cases, verdicts) {
      let wenshu = try Fixtures.withRenderer { renderer -> Result<Void, RenderFailure> in
        Result { () throws(RenderFailure) in
          _ = try renderer.prepare(
            document: c.document, data: try renderer.parse(document: c.document, json: Array(c.json.utf8)))
        }
      }
      if case .success = wenshu { accepted += 1 }
      switch (schema.valid, wenshu) {
      case (true, .failure(.data(let problems)))
      // (The line saying how many more were not listed has no path.)
      where problems.allSatisfy({ p in p.path.isEmpty || Self.crossChecks.contains { p.message.contains($0) } }):
        break  // a figure that must agree with another: what a schema cannot say
      case (true, .failure(let failure)): disagreements.append("\(c.mutation): schema-valid, refused: \(failure)")
      case (false, .success): disagreements.append("\(c.mutation): schema-invalid (\(schema.message)), accepted")
      default: break
      }
    }
    // Both kinds must be well represented, or the comparison proves little.
    #expect(
      cases.count > 1_000 && accepted > 100 && cases.count - accepted > 500,
      "\(cases.count) cases, \(accepted) accepted")
    #expect(
      disagreements.isEmpty,
      "\(disagreements.count) of \(cases.count) disagree:\n\(disagreements.prefix(40).joined(separator: "\n"))")
  }

  @Test(
    "a date with text after it is refused by the schema's pattern too, for validators that take format as a note only")
  func datePatternAnchored() throws {
    let catalog = try Fixtures.withRenderer { $0.catalog }
    let schema = try catalog.schema(document: "payment-notice", variant: nil, office: "qingdao")
    let sample = try JSONReader.parse(try Fixtures.sample("payment-notice", "qingdao"))
    let cases = ["2025-02-25abc", "2025-02-25T10:00:00+08:00", "x2025-02-25"].map { date in
      Case(
        document: "notice", mutation: date,
        json: WenshuLayout.JSONWriter.write(Mutations.set(sample, [.key("printedAt")], .string(date)), pretty: false))
    }
    for (c, verdict) in zip(cases, try Self.verdicts(cases, schemas: ["notice": schema], formats: false)) {
      #expect(!verdict.valid, "\(c.mutation) passes the pattern")
    }
  }

  @Test("a whole number written 36.0 or 3.6e1 is the number 36: accepted, checked and printed as 36")
  func wholeNumbersPrintAsDigits() throws {
    let json = String(decoding: try Fixtures.sample("payment-notice", "qingdao"), as: UTF8.self)
      .replacingOccurrences(of: "\"members\": 36, \"shares\": 1", with: "\"members\": 36.0, \"shares\": 1.0")
      .replacingOccurrences(of: "\"members\": 36, \"shares\": 2", with: "\"members\": 3.6e1, \"shares\": 2")
    let pdf = try Fixtures.withRenderer { try $0.renderPDF(document: "payment-notice", json: Array(json.utf8)) }
    let text = String(decoding: try run("pdftotext", ["-raw", "-", "-"], stdin: pdf).stdout, as: UTF8.self)
    #expect(text.contains("36 1 3,060.00") && text.contains("36 2 2,592.00"), "\(text)")
    #expect(!text.contains("36.0 1.0") && !text.contains("3.6e1"))
  }

  /// python-jsonschema's verdict on each case.
  static func verdicts(_ cases: [Case], schemas: [String: DataValue], formats: Bool = true) throws -> [(
    valid: Bool, message: String
  )] {
    let python = Fixtures.root.appendingPathComponent(".build/contract-venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw ContractToolsMissing(description: "no \(python): run scripts/contract-tools (scripts/test does)")
    }
    let request = DataValue.object([
      "schemas": .object(DataObject(uniqueKeysWithValues: schemas.sorted { $0.key < $1.key })),
      "cases": .array(cases.map { .array([.string($0.document), .string($0.json)]) }),
      "formats": .bool(formats),
    ])
    let input = Array(WenshuLayout.JSONWriter.write(request, pretty: false).utf8)
    let result = try run(python, [Fixtures.root.appendingPathComponent("scripts/schema-verdicts").path], stdin: input)
    guard result.status == 0, case .array(let list) = try JSONReader.parse(result.stdout), list.count == cases.count
    else {
      // Kept to run again by hand: .build/contract-venv/bin/python scripts/schema-verdicts < …
      let kept = Fixtures.root.appendingPathComponent(".build/schema-verdicts-input.json")
      try Data(input).write(to: kept)
      throw ContractToolsMissing(
        description: "scripts/schema-verdicts failed (\(result.status)) on \(kept.path): \(result.stderr)")
    }
    return list.map { item in
      guard case .array(let pair) = item, pair.count == 2, case .bool(let valid) = pair[0] else {
        return (false, "unreadable verdict")
      }
      return (valid, pair[1].text ?? "")
    }
  }

  struct ContractToolsMissing: Error, CustomStringConvertible { var description: String }
}

extension DataObject {
  init(uniqueKeysWithValues pairs: [(key: String, value: DataValue)]) {
    self.init()
    for (key, value) in pairs { self[key] = value }
  }
}
