import Testing

@testable import WenshuLayout

/// Every place an author can write a field is seen by all three readers of the one layout
/// walk (`LayoutWalk`): the field list (`print --help`) lists it, the variable check refuses
/// a variable that has no value there, and the schema-path check refuses a path `data:` does
/// not declare — written at the top level, in an object, in an array and nested.
@Suite("Format: a field anywhere in a layout is listed and checked")
struct TemplatePlaceTests {
  /// A place a template is written: the layout's keys (`table.foot`), and one line of YAML
  /// with `T` where the template goes. Each line is one block (or check), so the line a
  /// problem names is the line holding `T`.
  struct Place: CustomTestStringConvertible, Sendable {
    var location: String
    var line: String
    /// Where the line goes: `body`, `header`, `checks`, … (`metadata` and `watermark`
    /// replace the section).
    var section = "body"
    /// A path (`choices:`) rather than a template: written without braces.
    var isPath = false
    var testDescription: String { "\(location) in \(section)" }
  }

  static let places: [Place] = [
    Place(location: "when", line: #"- { text: 固定, when: "T" }"#),
    Place(location: "text", line: #"- text: "T""#),
    Place(location: "fields.label", line: #"- fields: { items: [{ label: "T", value: 值 }] }"#),
    Place(location: "fields.value", line: #"- fields: { items: [{ label: 名, value: "T" }] }"#),
    Place(location: "fields.when", line: #"- fields: { items: [{ label: 名, value: 值, when: "T" }] }"#),
    Place(location: "table.header", line: #"- table: { columns: [{ header: "T", value: 值, width: 1 }] }"#),
    Place(
      location: "table.columns.when",
      line: #"- table: { columns: [{ header: 名, value: 值, width: 1, when: "T" }, { header: 名, value: 值, width: 1 }] }"#
    ),
    Place(location: "table.value", line: #"- table: { rows: rows, columns: [{ header: 名, value: "T", width: 1 }] }"#),
    Place(
      location: "table.continuation",
      line: #"- table: { rows: rows, continuation: "T", columns: [{ header: 名, value: 值, width: 1 }] }"#),
    Place(location: "table.head", line: #"- table: { columns: [{ header: 名, value: 值, width: 1 }], head: [["T"]] }"#),
    Place(location: "table.foot", line: #"- table: { columns: [{ header: 名, value: 值, width: 1 }], foot: [["T"]] }"#),
    Place(
      location: "table.pageFoot",
      line: #"- table: { rows: rows, columns: [{ header: 名, value: 值, width: 1 }], pageFoot: [["T"]] }"#),
    Place(
      location: "table.carryFoot",
      line: #"- table: { rows: rows, columns: [{ header: 名, value: 值, width: 1 }], carryFoot: [["T"]] }"#),
    Place(
      location: "table.carryHead",
      line: #"- table: { rows: rows, columns: [{ header: 名, value: 值, width: 1 }], carryHead: [["T"]] }"#),
    Place(
      location: "table.groupHead",
      line: #"- table: { rows: rows, groupBy: name, columns: [{ header: 名, value: 值, width: 1 }], groupHead: [["T"]] }"#
    ),
    Place(
      location: "table.groupCarryHead",
      line:
        #"- table: { rows: rows, groupBy: name, columns: [{ header: 名, value: 值, width: 1 }], groupCarryHead: [["T"]] }"#
    ),
    Place(
      location: "table.groupFoot",
      line: #"- table: { rows: rows, groupBy: name, columns: [{ header: 名, value: 值, width: 1 }], groupFoot: [["T"]] }"#
    ),
    Place(location: "list.items", line: #"- list: { items: ["T"] }"#),
    Place(location: "list.items.when", line: #"- list: { items: [{ text: 一, when: "T" }] }"#),
    Place(location: "list.marker", line: #"- list: { items: [一], marker: "T" }"#),
    Place(location: "list.item", line: #"- list: { from: rows, item: "T" }"#),
    Place(location: "list.when", line: #"- list: { from: rows, item: "{name}", when: "T" }"#),
    Place(location: "signatures.items", line: #"- signatures: { items: ["T"] }"#),
    Place(location: "each.when", line: #"- each: { from: rows, when: "T", blocks: [{ text: 一 }] }"#),
    Place(location: "qr.value", line: #"- qr: { value: "T", size: 20mm }"#),
    Place(location: "qr.caption", line: #"- qr: { value: 码, caption: "T" }"#),
    Place(location: "qr.verification.number", line: #"- qr: { verification: { number: "T", unit: 单位 } }"#),
    Place(location: "qr.verification.unit", line: #"- qr: { verification: { number: 号, unit: "T" } }"#),
    Place(
      location: "qr.verification.amounts", line: #"- qr: { verification: { number: 号, unit: 单位, amounts: ["T"] } }"#
    ),
    Place(
      location: "qr.verification.account", line: #"- qr: { verification: { number: 号, unit: 单位, account: "T" } }"#),
    Place(location: "form.label", line: #"- form: { columns: [1, 1], rows: [[{ label: "T" }, 值]] }"#),
    Place(location: "form.value", line: #"- form: { columns: [1, 1], rows: [[名, "T"]] }"#),
    Place(location: "form.choices", line: #"- form: { columns: [1], rows: [[{ choices: "T" }]] }"#, isPath: true),
    Place(location: "form.sign", line: #"- form: { columns: [1], rows: [[{ sign: "T" }]] }"#),
    Place(location: "form.sign.date", line: #"- form: { columns: [1], rows: [[{ sign: 签字, date: "T" }]] }"#),
    // The same places inside containers and the running header and footer.
    Place(location: "text", line: #"- group: [{ text: "T" }]"#),
    Place(location: "text", line: #"- each: { from: rows, blocks: [{ text: "T" }] }"#),
    Place(
      location: "table.foot",
      line:
        #"- each: { from: rows, blocks: [{ table: { columns: [{ header: 名, value: 值, width: 1 }], foot: [["T"]] } }] }"#
    ),
    Place(location: "text", line: #"- text: "T""#, section: "header"),
    Place(location: "text", line: #"- text: "T""#, section: "footer"),
    Place(location: "text", line: #"- text: "T""#, section: "firstPageHeader"),
    Place(location: "text", line: #"- text: "T""#, section: "firstPageFooter"),
    Place(
      location: "form.choices", line: #"- form: { columns: [1], rows: [[{ choices: "T" }]] }"#,
      section: "firstPageHeader", isPath: true),
    Place(location: "metadata.title", line: #"metadata: { title: "T", created: "2025-01-01" }"#, section: "metadata"),
    Place(location: "metadata.created", line: #"metadata: { title: 标题, created: "T" }"#, section: "metadata"),
    Place(
      location: "metadata.filename", line: #"metadata: { title: 标题, created: "2025-01-01", filename: "T" }"#,
      section: "metadata"),
    Place(
      location: "metadata.reference", line: #"metadata: { title: 标题, created: "2025-01-01", reference: "T" }"#,
      section: "metadata"),
    Place(location: "watermark.text", line: #"watermark: { text: "T" }"#, section: "watermark"),
    Place(location: "checks.value", line: #"- { value: "T", equals: 甲, path: probe, message: 不符 }"#, section: "checks"),
    Place(
      location: "checks.equals", line: #"- { value: 甲, equals: "T", path: probe, message: 不符 }"#, section: "checks"),
    Place(
      location: "checks.when", line: #"- { value: 甲, equals: 甲, when: "T", path: probe, message: 不符 }"#,
      section: "checks"),
    Place(
      location: "checks.value", line: #"- { each: rows, value: "T", equals: 甲, path: name, message: 不符 }"#,
      section: "checks"),
  ]

  /// The same field written four ways: (the path, the top-level key the field list names).
  static let shapes: [(path: String, key: String)] = [
    ("probe", "probe"), ("probeUnit.name", "probeUnit"), ("probeLines[0].name", "probeLines"),
    ("probeNest.lines[0].detail.name", "probeNest"),
  ]

  /// A layout with `place` holding `template`; every probe declared at the top level only
  /// (a row's item declares `name`), as choices so a form's `choices:` takes them too.
  static func layout(_ place: Place, _ template: String) -> String {
    let line = place.line.replacingOccurrences(of: "T", with: template)
    let choices = "{ enum: [甲, 乙] }"
    let metadata = place.section == "metadata" ? line : #"metadata: { title: 标题, created: "2025-01-01" }"#
    var body = "body:\n  - text: 正文"
    var other = ""
    switch place.section {
    case "metadata": break
    case "watermark": other = line
    case "body": body += "\n  \(line)"
    default: other = "\(place.section):\n  \(line)"
    }
    return """
      document: test
      \(metadata)
      page: { size: A4 }
      data:
        probe: \(choices)
        probeUnit: { name: \(choices) }
        probeLines: [{ name: \(choices) }]
        probeNest: { lines: [{ detail: { name: \(choices) } }] }
        rows: [{ name: text }]
      \(other)
      \(body)
      """
  }

  static func written(_ place: Place, _ path: String) -> String { place.isPath ? path : "{\(path)}" }

  /// The line of the layout holding the place with `template`.
  static func line(of place: Place, _ template: String, in yaml: String) -> Int {
    let written = place.line.replacingOccurrences(of: "T", with: template)
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    return 1 + (lines.firstIndex { $0.hasSuffix(written) } ?? -2)
  }

  /// What parsing the layout throws, or nil when it loads.
  static func refusal(_ yaml: String) -> LayoutError? {
    do {
      _ = try Engine.parse(yaml)
      return nil
    } catch let error as LayoutError {
      return error
    } catch {
      return LayoutError(file: "?", line: 0, message: "\(error)")
    }
  }

  @Test("a field read only there is listed by print --help, and the layout loads", arguments: places)
  func listed(_ place: Place) throws {
    for shape in Self.shapes {
      let layout = try Engine.parse(Self.layout(place, Self.written(place, shape.path)))
      let fields = LayoutFields.topLevel(layout)
      #expect(fields.contains(shape.key), "\(shape.path) at \(place.location): not in \(fields)")
    }
  }

  @Test("a path data: does not declare is refused, naming its line", arguments: places)
  func wrongPathRefused(_ place: Place) throws {
    for shape in Self.shapes {
      let wrong = shape.path == "probe" ? "probx" : shape.path.replacingOccurrences(of: "name", with: "nmae")
      let yaml = Self.layout(place, Self.written(place, wrong))
      let refused = try #require(Self.refusal(yaml), "\(wrong) at \(place.location) was accepted")
      #expect(refused.message.contains("'\(wrong)'"), "\(place.location): \(refused.message)")
      #expect(
        refused.line == Self.line(of: place, Self.written(place, wrong), in: yaml),
        "\(place.location): line \(refused.line)")
    }
  }

  @Test("a variable with no value there is refused, and an unknown one", arguments: places.filter { !$0.isPath })
  func variableRefused(_ place: Place) throws {
    let absent = place.location.hasPrefix("table.group") ? "pageRows" : "groupRows"
    for variable in [absent, "probe"] {
      let yaml = Self.layout(place, "{@\(variable)}")
      let refused = try #require(Self.refusal(yaml), "{@\(variable)} at \(place.location) was accepted")
      #expect(refused.message.contains("@\(variable)"), "\(place.location): \(refused.message)")
      #expect(
        refused.line == Self.line(of: place, "{@\(variable)}", in: yaml), "\(place.location): line \(refused.line)")
    }
  }

  /// A picture's name: only a field of an object the server supplies (`office: profile`).
  static let picture = Place(location: "image.file", line: #"- image: { file: "T", width: 20mm }"#)

  @Test("a picture's name is listed, and a request's field or a variable there is refused")
  func pictureName() throws {
    let place = Self.picture
    func yaml(_ t: String) -> String {
      Self.layout(place, t).replacingOccurrences(of: "data:\n", with: "data:\n  office: profile\n")
    }
    let layout = try Engine.parse(yaml("{office.sealImage}"))
    #expect(LayoutFields.topLevel(layout).contains("office"))
    for refused in ["{probe}", "{probeUnit.name}", "{@probe}", "{@groupRows}"] {
      let error = try #require(Self.refusal(yaml(refused)), "\(refused) accepted as a picture's name")
      #expect(error.line == Self.line(of: place, refused, in: yaml(refused)), "\(refused): \(error)")
    }
  }

  @Test("every block kind's template locations are covered here, and every kind the parser reads says where it reads")
  func everyLocationCovered() {
    let covered = Set((Self.places + [Self.picture]).map(\.location))
    let kinds = Set(LayoutParser.blockKinds).subtracting(["title", "heading", "paragraph"])
    #expect(Set(Block.templateLocations.keys) == kinds, "a block kind without its template locations")
    for location in Block.templateLocations.values.joined() where !covered.contains(location) {
      Issue.record("no test writes a field at \(location)")
    }
  }

  @Test("the walk visits the location each case names", arguments: places)
  func walkVisits(_ place: Place) throws {
    let layout = try Engine.parse(Self.layout(place, Self.written(place, "probe")))
    var found: [String] = []
    let walk = LayoutWalk<Int>(
      root: { _ in 0 }, enter: { _, s, _, _ in s },
      visit: { site, _ in
        if site.use.template.fields.contains(where: { $0.path.description == "probe" }) {
          found.append(site.use.location)
        }
      })
    try walk.walk(layout)
    #expect(found.contains(place.location), "\(place.location) not visited: \(found)")
  }
}
