import Foundation
import Testing
import WenshuDocuments
import WenshuLayout

/// Test layouts that declare one type at the top level, in an object, in a list and in a list
/// in a list — the shapes a new form's author writes — with a renderer that prints them.
enum TypedLayouts {
  /// The four places a declared type can stand, as data paths to the value.
  static let places = ["value", "holder.value", "rows[0].value", "groups[0].rows[0].value"]

  /// A layout declaring `shape` (a type, or an object written as YAML flow) at each place.
  /// Ages are counted on `asOf`, a date of no name the code knows (the layout's `agesOn`).
  static func layout(_ document: String, _ shape: String, extra: String = "", body: String = "{asOf}") -> String {
    """
    document: \(document)
    metadata: { title: T, created: "2025-01-01" }
    checks:
      - rule: agesOn
        date: asOf
    data:
      asOf: date
      value: \(shape)
      holder: { value: \(shape) }
      rows:
        - { value: \(shape) }
      groups:
        - { rows: [ { value: \(shape) } ] }
    \(extra)
    body:
      - text: "\(body)"
    """
  }

  /// A new form as a layout author writes it: its `data:` and `checks:` (YAML indented by two
  /// spaces, as under those keys) and one line of text.
  static func form(_ document: String, data: String, checks: String = "", body: String) -> String {
    """
    document: \(document)
    metadata: { title: T, created: "2025-01-01" }
    data:
    \(data)
    \(checks.isEmpty ? "" : "checks:\n" + checks)
    body:
      - text: "\(body)"
    """
  }

  /// The data with `value` at every place but `place`, which gets `probe`.
  static func data(valid: DataValue, probe: DataValue, at place: String) -> DataValue {
    func at(_ p: String) -> DataValue { p == place ? probe : valid }
    return .object([
      "asOf": .string("2025-03-01"),
      "value": at("value"),
      "holder": .object(["value": at("holder.value")]),
      "rows": .array([.object(["value": at("rows[0].value")])]),
      "groups": .array([.object(["rows": .array([.object(["value": at("groups[0].rows[0].value")])])])]),
    ])
  }

  /// One renderer over a folder of these layouts (fonts are loaded once).
  static func renderer(_ files: [String: String]) throws -> DocumentRenderer {
    let fm = FileManager.default
    let folder = fm.temporaryDirectory.appendingPathComponent("wenshu-typed-\(UUID().uuidString)")
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: folder) }
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return try DocumentRenderer(home: Fixtures.home, extraLayouts: folder)
  }

  /// One table of values judged at all four places: each value at each place must get the
  /// table's verdict, and a refusal must name that place. The other places hold `valid`.
  static func expectSameVerdictEverywhere(
    _ renderer: DocumentRenderer, _ document: String, valid: DataValue, cases: [(name: String, DataValue, Bool)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for (name, probe, accepted) in cases {
      for place in places {
        let found = try problems(renderer, document, data(valid: valid, probe: probe, at: place))
        #expect(found.isEmpty == accepted, "\(name) at \(place): \(found)", sourceLocation: sourceLocation)
        if !accepted {
          #expect(
            found.contains { $0.path.hasPrefix(place) }, "\(name) blamed at \(place): \(found)",
            sourceLocation: sourceLocation)
        }
      }
    }
  }

  /// The problems a render of `data` reports, through JSON as a client sends it.
  static func problems(_ renderer: DocumentRenderer, _ document: String, _ data: DataValue) throws -> [DataProblem] {
    do {
      let json = Array(WenshuLayout.JSONWriter.write(data, pretty: false).utf8)
      _ = try renderer.prepare(document: document, data: try renderer.parse(document: document, json: json))
      return []
    } catch let failure {
      guard case .data(let problems) = failure else { throw failure }
      return problems
    }
  }
}
