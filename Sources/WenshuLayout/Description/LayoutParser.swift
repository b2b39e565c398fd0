import Graphics
import Yams

/// Reads a layout file (YAML) into a `LayoutDescription`, rejecting mistakes with the file,
/// line and what is wrong: an unknown element or key, a bad length, a template that does
/// not parse, or a formatter that does not exist.
public struct LayoutParser: Sendable {
  public internal(set) var file: String
  public let formatters: FormatterSet
  public let types: [String: ValueType]
  /// Where `image:` pictures are found; `NoPictures` refuses every one.
  public let pictures: any PictureSource
  /// What `font: serif` and `font: sans` mean, and the built-in styles' family.
  public let fontFamilies: FontFamilies
  /// The caller's top-level keys saying which data a layout is for (see `SelectorKey`).
  public let selectorKeys: [SelectorKey]
  /// Finds the layout an `extends:` names: its file (for messages) and text; nil when
  /// there is none. Without it, `extends:` is refused.
  public var bases: (@Sendable (String) -> (file: String, text: String)?)?
  /// The named rules a layout may declare in `checks:` (the caller's; none by default).
  public var rules: [RuleSignature] = []
  /// The files being extended, outermost first, to refuse a cycle.
  var extending: [String] = []

  public init(
    file: String, formatters: FormatterSet, types: [ValueType] = ValueType.generic,
    pictures: any PictureSource = NoPictures(), fontFamilies: FontFamilies = .generic,
    selectorKeys: [SelectorKey] = [], bases: (@Sendable (String) -> (file: String, text: String)?)? = nil
  ) {
    self.bases = bases
    self.pictures = pictures
    self.fontFamilies = fontFamilies
    self.selectorKeys = selectorKeys
    self.file = file
    self.formatters = formatters
    self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public func parse(_ yaml: String) throws(LayoutError) -> LayoutDescription {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml, Resolver.basic) else {
        throw LayoutError(file: file, line: 1, message: "the layout file is empty")
      }
      root = node
    } catch let error as LayoutError {
      throw error
    } catch let error as YamlError {
      throw LayoutError(file: file, line: Self.line(of: error), message: "YAML syntax error: \(error)")
    } catch {
      throw LayoutError(file: file, line: 1, message: "YAML syntax error: \(error)")
    }
    var top = try YAMLFields(root, what: "the layout", file: file)
    // `extends:` starts from another layout: each key given here replaces the base's (styles
    // are merged by name), then `replace:`, `remove:` and `insertAfter:` edit its blocks by id.
    let base = try top.take("extends").map { n throws(LayoutError) in try baseLayout(n) }
    guard
      let document = try top.take("document").map({ n throws(LayoutError) in try string(n, in: top, key: "document") })
        ?? base?.document
    else { throw top.error("the layout needs 'document'\(top.misspelling(of: "document"))") }
    let summary =
      try top.take("summary").map { n throws(LayoutError) in
        guard let s = n.string else { throw top.error("summary is text", at: n) }
        return s
      } ?? base?.summary ?? ""
    var selectors: [String: [String]] = [:]
    for key in selectorKeys {
      selectors[key.name] =
        try top.take(key.name).map { n throws(LayoutError) -> [String] in
          if key.isList {
            guard case .sequence(let seq) = n else { throw top.error("\(key.name) is a list of names", at: n) }
            return seq.compactMap(\.string)
          }
          guard let s = n.string else { throw top.error("\(key.name) is a name", at: n) }
          return [s]
        } ?? base?.selectors[key.name] ?? key.defaultValue
    }
    let styles = try parseStyles(top.take("styles"), base: base?.styles ?? Self.defaultStyles(fontFamilies))
    guard
      let metadata = try top.take("metadata").map({ n throws(LayoutError) in try parseMetadata(n, document: document) })
        ?? base?.metadata
    else { throw top.error("the layout needs 'metadata'\(top.misspelling(of: "metadata"))") }
    let defaultPage = try parsePage(nil)
    let page = try top.take("page").map(parsePage) ?? base?.page ?? defaultPage
    func blockList(_ key: String) throws(LayoutError) -> [Block]? {
      try top.take(key).map { n throws(LayoutError) in try blocks(n, styles: styles) }
    }
    guard let body = try blockList("body") ?? base?.body else {
      throw top.error("the layout needs 'body'\(top.misspelling(of: "body"))")
    }
    let dataNode = top.take("data")
    var layout = LayoutDescription(
      file: file, document: document, summary: summary, selectors: selectors, metadata: metadata,
      page: page, styles: styles,
      header: try blockList("header") ?? base?.header ?? [],
      footer: try blockList("footer") ?? base?.footer ?? [],
      firstPageHeader: try blockList("firstPageHeader") ?? base?.firstPageHeader,
      firstPageFooter: try blockList("firstPageFooter") ?? base?.firstPageFooter,
      body: body,
      checks: try top.take("checks").map(parseChecks) ?? base?.checks ?? [],
      schema: try dataNode.map { n throws(LayoutError) in try dataSchema(n, optional: false) } ?? base?.schema,
      watermark: try top.take("watermark").map(parseWatermark) ?? base?.watermark)
    layout.maxPages = try top.take("pages").map(maxPages) ?? base?.maxPages
    try resolveChoices(&layout)
    try editBlocks(&layout, &top, styles: styles, extending: base != nil)
    try top.finish()
    try VariableCheck(file: file).check(layout)
    if let schema = layout.schema {
      try SchemaPathCheck(file: file, root: schema, types: types, formatters: formatters, rules: rules).check(layout)
      try checkNeeds(layout, dataLine: dataNode?.line ?? 1)
    } else if let line = Self.namedPictureLine(layout.header + layout.footer + layout.body) {
      throw LayoutError(
        file: file, line: line,
        message:
          "a picture named by a field needs data: declaring the field in an object the server supplies (\(SchemaPathCheck.suppliedTypes(types)))"
      )
    }
    return layout
  }

  /// The line of a picture named by a field, when there is one.
  static func namedPictureLine(_ blocks: [Block]) -> Int? {
    for b in blocks {
      switch b.kind {
      case .image(let i) where i.named != nil: return b.line
      case .group(let inner): if let l = namedPictureLine(inner) { return l }
      case .each(let e): if let l = namedPictureLine(e.blocks) { return l }
      default: break
      }
    }
    return nil
  }

  func parseMetadata(_ node: Node, document: String) throws(LayoutError) -> LayoutDescription.Metadata {
    var f = try YAMLFields(node, what: "metadata", file: file)
    let keys = ["title", "author", "subject", "created", "filename", "reference"]
    var metadata = LayoutDescription.Metadata(
      title: try template(required(f.take("title"), in: f, key: "title")),
      author: try f.take("author").map(template) ?? Template(literal: "Wenshu"),
      subject: try f.take("subject").map(template) ?? Template(literal: ""),
      created: try template(required(f.take("created"), in: f, key: "created")),
      filename: try f.take("filename").map(template) ?? Template(literal: document),
      reference: try f.take("reference").map(template))
    try f.finish()
    for key in keys { if let value = node[key] { metadata.lines[key] = value.line } }
    return metadata
  }

  static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default: return 1
    }
  }
}
