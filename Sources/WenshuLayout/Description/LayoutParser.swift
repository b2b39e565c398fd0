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
    let metadata = LayoutDescription.Metadata(
      title: try template(required(f.take("title"), in: f, key: "title")),
      author: try f.take("author").map(template) ?? Template(literal: "Wenshu"),
      subject: try f.take("subject").map(template) ?? Template(literal: ""),
      created: try template(required(f.take("created"), in: f, key: "created")),
      filename: try f.take("filename").map(template) ?? Template(literal: document),
      reference: try f.take("reference").map(template))
    try f.finish()
    return metadata
  }

  static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default: return 1
    }
  }

  // MARK: Page and styles

  static let pageSizes: [String: Size] = [
    "A4": Size(width: 595.276, height: 841.89), "A5": Size(width: 419.528, height: 595.276),
    "A3": Size(width: 841.89, height: 1190.551), "B5": Size(width: 498.898, height: 708.661),
  ]

  func parsePage(_ node: Node?) throws(LayoutError) -> PageSetup {
    var setup = PageSetup(
      size: Self.pageSizes["A4"]!, margins: (56.7, 51, 56.7, 51), headerGap: 10)
    guard let node else { return setup }
    var f = try YAMLFields(node, what: "page", file: file)
    if let s = f.take("size") {
      guard let name = s.string, let size = Self.pageSizes[name] else {
        throw f.error("unknown page size (use one of \(Self.pageSizes.keys.sorted().joined(separator: ", ")))", at: s)
      }
      setup.size = size
    }
    if let o = f.take("orientation") {
      switch o.string {
      case "portrait": break
      case "landscape": setup.size = Size(width: setup.size.height, height: setup.size.width)
      default: throw f.error("orientation is portrait or landscape", at: o)
      }
    }
    if let m = f.take("margins") {
      let values: [Double]
      switch m {
      case .sequence(let seq): values = try seq.map { n throws(LayoutError) in try length(n) }
      default: values = [try length(m)]
      }
      switch values.count {
      case 1: setup.margins = (values[0], values[0], values[0], values[0])
      case 2: setup.margins = (values[0], values[1], values[0], values[1])
      case 4: setup.margins = (values[0], values[1], values[2], values[3])
      default: throw f.error("margins take 1, 2 or 4 lengths (top right bottom left)", at: m)
      }
    }
    if let g = f.take("headerGap") { setup.headerGap = try length(g) }
    try f.finish()
    return setup
  }

  /// The styles every layout has, in the caller's serif family; a layout may change them or
  /// add its own.
  public static func defaultStyles(_ fontFamilies: FontFamilies) -> [String: TextStyle] {
    let serif = [fontFamilies.serif]
    return [
      "body": TextStyle(families: serif, size: 10.5, lineSpacing: 0.3),
      "title": TextStyle(families: serif, size: 16, bold: true, alignment: .center),
      "heading": TextStyle(families: serif, size: 11, bold: true),
      "label": TextStyle(families: serif, size: 10.5),
      "tableHeader": TextStyle(families: serif, size: 10, bold: true, alignment: .center),
      "tableCell": TextStyle(families: serif, size: 10),
      "small": TextStyle(families: serif, size: 9),
      "header": TextStyle(families: serif, size: 9, alignment: .center),
      "footer": TextStyle(families: serif, size: 9, alignment: .center),
    ]
  }

  func parseStyles(_ node: Node?, base: [String: TextStyle]) throws(LayoutError) -> [String: TextStyle] {
    var styles = base
    guard let node else { return styles }
    let f = try YAMLFields(node, what: "styles", file: file)
    guard case .mapping(let mapping) = node else { return styles }
    for (k, v) in mapping {
      let name = k.string ?? ""
      var s = try YAMLFields(v, what: "style '\(name)'", file: file)
      var style = styles[name] ?? styles["body"]!
      if let base = s.take("base") {
        guard let b = base.string, let baseStyle = styles[b] else { throw s.error("unknown base style", at: base) }
        style = baseStyle
      }
      if let font = s.take("font") {
        guard let name = font.string else { throw s.error("font is a family name, serif or sans", at: font) }
        style.families = [fontFamilies.family(name)]
      }
      if let size = s.take("size") { style.size = try length(size) }
      if let bold = s.take("bold") {
        guard let b = bold.bool else { throw s.error("bold is true or false", at: bold) }
        style.bold = b
      }
      if let align = s.take("align") { style.alignment = try alignment(align) }
      if let c = s.take("color") {
        guard let text = c.string, let color = Color(hex: text) else { throw s.error("color is #rrggbb", at: c) }
        style.color = color
      }
      if let ls = s.take("lineSpacing") {
        guard let v = ls.float, v >= 0, v <= 3 else { throw s.error("lineSpacing is a number from 0 to 3", at: ls) }
        style.lineSpacing = v
      }
      try s.finish()
      styles[name] = style
    }
    _ = f
    return styles
  }

  // MARK: Blocks

  func blocks(_ node: Node, styles: [String: TextStyle]) throws(LayoutError) -> [Block] {
    guard case .sequence(let seq) = node else {
      throw LayoutError(file: file, line: node.line, message: "expected a list of blocks")
    }
    return try seq.map { n throws(LayoutError) in try block(n, styles: styles) }
  }

  static let blockKinds = [
    "title", "heading", "paragraph", "text", "fields", "table", "list", "signatures", "spacer",
    "pageBreak", "group", "each", "image", "qr", "form",
  ]

  func block(_ node: Node, styles: [String: TextStyle]) throws(LayoutError) -> Block {
    if let name = node.string {
      guard name == "pageBreak" else {
        throw LayoutError(
          file: file, line: node.line,
          message: "unknown element '\(name)'\(Suggestion.didYouMean(name, among: ["pageBreak"]))")
      }
      return Block(kind: .pageBreak, line: node.line, spaceBefore: 0, spaceAfter: 0)
    }
    var f = try YAMLFields(node, what: "a block", file: file)
    guard let kind = f.keys.first(where: Self.blockKinds.contains) else {
      let key = f.keys.first ?? "?"
      throw f.error(
        "unknown element '\(key)'\(Suggestion.didYouMean(key, among: Self.blockKinds)) (elements: \(Self.blockKinds.joined(separator: ", ")))"
      )
    }
    let value = f.take(kind)!
    let when = try f.take("when").map(condition)
    let id = try f.take("id").map { n throws(LayoutError) in
      guard let s = n.string, !s.isEmpty else { throw f.error("id is a name", at: n) }
      return s
    }
    // `style:` is written beside the element for every kind that sets text; fields, lists
    // and tables also take it inside (as they always did), but not both.
    let styleNode = f.take("style")
    if let styleNode, ["spacer", "pageBreak", "group", "each", "image", "qr"].contains(kind) {
      throw f.error("style does not apply to \(kind)", at: styleNode)
    }
    let keepWithPrevious = try f.take("keepWithPrevious").map(bool) ?? false
    let spaceBefore = try f.take("spaceBefore").map(length) ?? 0
    let spaceAfter = try f.take("spaceAfter").map(length) ?? (kind == "spacer" || kind == "pageBreak" ? 0 : 4)
    func styleName(_ key: String, default d: String) throws(LayoutError) -> String {
      guard let n = styleNode else { return d }
      guard let s = n.string, styles[s] != nil else {
        throw f.error(
          "unknown style '\(n.string ?? "")'\(Suggestion.didYouMean(n.string ?? "", among: styles.keys.sorted())) (styles: \(styles.keys.sorted().joined(separator: ", ")))",
          at: n)
      }
      return s
    }
    let result: Block.Kind
    switch kind {
    case "title", "heading", "paragraph", "text":
      let defaultStyle = ["title": "title", "heading": "heading"][kind] ?? "body"
      let style = try styleName("style", default: defaultStyle)
      let indent = try f.take("indent").map(length) ?? (kind == "paragraph" ? 2 * styles[style]!.size : 0)
      let keep = try f.take("keepWithNext").map { n throws(LayoutError) in try bool(n) } ?? (kind == "heading")
      result = .text(
        TextElement(template: try template(value), style: style, firstLineIndent: indent, keepWithNext: keep))
    case "fields":
      result = .fields(try fieldGrid(value, styles: styles, style: styleNode))
    case "form":
      result = .form(try formGrid(value, styles: styles, style: styleNode))
    case "table":
      result = .table(try table(value, styles: styles, style: styleNode))
    case "list":
      var l = try YAMLFields(value, what: "list", file: file)
      let source: BulletList.Source
      var itemConditions: [Condition?] = []
      var itemWhen: Condition?
      if let items = l.take("items") {
        guard case .sequence(let seq) = items else { throw l.error("items is a list of texts", at: items) }
        var texts: [Template] = []
        for n in seq {
          // An item is a text, or { text, when } for one shown only when the data says so.
          guard case .mapping = n else {
            texts.append(try template(n))
            itemConditions.append(nil)
            continue
          }
          var i = try YAMLFields(n, what: "a list item", file: file)
          texts.append(try template(required(i.take("text"), in: i, key: "text")))
          itemConditions.append(try i.take("when").map(condition))
          try i.finish()
        }
        source = .fixed(texts)
      } else if let from = l.take("from") {
        let item = try l.take("item").map(template)
        let itemField = try FieldReference(parsing: "@item", at: from, file: file)
        source = .bound(try path(from), item: item ?? Template(parts: [.field(itemField)]))
        itemWhen = try l.take("when").map(condition)
      } else {
        throw l.error("a list needs items (fixed texts) or from (a path to an array)")
      }
      let marker = try l.take("marker").map(template) ?? Template(literal: "•")
      let style = try innerStyle(l.take("style"), outer: styleNode, in: l, styles: styles) ?? "body"
      try l.finish()
      var list = BulletList(source: source, marker: marker, style: style)
      list.itemConditions = itemConditions
      list.itemWhen = itemWhen
      result = .list(list)
    case "signatures":
      var s = try YAMLFields(value, what: "signatures", file: file)
      guard let itemsNode = s.take("items"), case .sequence(let seq) = itemsNode else {
        throw s.error("signatures need items: a list of labels\(s.misspelling(of: "items"))")
      }
      let columns = try s.take("columns").map { n throws(LayoutError) in try int(n, 1...6) } ?? 2
      let height = try s.take("height").map(length) ?? 42
      try s.finish()
      result = .signatures(
        SignatureBlock(
          columns: columns, items: try seq.map { n throws(LayoutError) in try template(n) }, height: height,
          style: try styleName("style", default: "body")))
    case "spacer":
      result = .spacer(try length(value))
    case "pageBreak":
      result = .pageBreak
    case "group":
      result = .group(try blocks(value, styles: styles))
    case "each":
      var e = try YAMLFields(value, what: "each", file: file)
      let from = try path(required(e.take("from"), in: e, key: "from"))
      let itemWhen = try e.take("when").map(condition)
      let pageBreak = try e.take("pageBreak").map(bool) ?? true
      let inner = try blocks(required(e.take("blocks"), in: e, key: "blocks"), styles: styles)
      try e.finish()
      result = .each(Each(from: from, when: itemWhen, pageBreak: pageBreak, blocks: inner))
    case "image":
      result = .image(try image(value))
    case "qr":
      var q = try YAMLFields(value, what: "qr", file: file)
      let verification = try q.take("verification").map(verificationFields)
      let text =
        verification == nil ? try template(required(q.take("value"), in: q, key: "value")) : Template(parts: [])
      if verification != nil, q.take("value") != nil {
        throw q.error("a qr holds either 'value' or a 'verification' code, not both")
      }
      let qr = QRBlock(
        value: text, size: try q.take("size").map(length) ?? 72,
        alignment: try q.take("align").map(alignment) ?? .left,
        caption: try q.take("caption").map(template), verification: verification)
      try q.finish()
      result = .qr(qr)
    default:
      fatalError("unreachable: \(kind)")
    }
    try f.finish()
    var block = Block(
      kind: result, line: node.line, spaceBefore: spaceBefore, spaceAfter: spaceAfter, when: when, id: id)
    block.keepWithPrevious = keepWithPrevious
    return block
  }

  /// A style given inside a fields, list or table mapping, or beside it: one place only.
  func innerStyle(_ inner: Node?, outer: Node?, in f: YAMLFields, styles: [String: TextStyle]) throws(LayoutError)
    -> String?
  {
    if let inner, outer != nil { throw f.error("style is given twice: beside the element and inside it", at: inner) }
    guard let n = inner ?? outer else { return nil }
    guard let s = n.string, styles[s] != nil else {
      throw f.error(
        "unknown style '\(n.string ?? "")'\(Suggestion.didYouMean(n.string ?? "", among: styles.keys.sorted())) (styles: \(styles.keys.sorted().joined(separator: ", ")))",
        at: n)
    }
    return s
  }

  func fieldGrid(_ node: Node, styles: [String: TextStyle], style outer: Node?) throws(LayoutError) -> FieldGrid {
    var f = try YAMLFields(node, what: "fields", file: file)
    let columns = try f.take("columns").map { n throws(LayoutError) in try int(n, 1...6) } ?? 1
    guard let itemsNode = f.take("items"), case .sequence(let seq) = itemsNode else {
      throw f.error("fields need items: a list of {label, value}\(f.misspelling(of: "items"))")
    }
    var items: [(label: Template, value: Template, when: Condition?)] = []
    for n in seq {
      var i = try YAMLFields(n, what: "a field", file: file)
      let label = try template(required(i.take("label"), in: i, key: "label"))
      let value = try template(required(i.take("value"), in: i, key: "value"))
      let when = try i.take("when").map(condition)
      try i.finish()
      items.append((label, value, when))
    }
    let style = try innerStyle(f.take("style"), outer: outer, in: f, styles: styles) ?? "body"
    try f.finish()
    return FieldGrid(columns: columns, items: items, style: style, labelStyle: "label")
  }

  func parseChecks(_ node: Node) throws(LayoutError) -> [Check] {
    guard case .sequence(let seq) = node else {
      throw LayoutError(file: file, line: node.line, message: "checks is a list")
    }
    return try seq.map { n throws(LayoutError) in
      var c = try YAMLFields(n, what: "a check", file: file)
      if let name = c.take("rule") {
        var check = Check(
          value: Template(literal: ""), equals: Template(literal: ""), each: nil, path: "", message: "", line: n.line)
        check.rule = try ruleUse(&c, name)
        try c.finish()
        return check
      }
      let each = try c.take("each").map(path)
      let value = try template(required(c.take("value"), in: c, key: "value"))
      var sides: [(Check.Relation, Node)] = []
      for relation in Check.Relation.allCases {
        if let node = c.take(relation.rawValue) { sides.append((relation, node)) }
      }
      guard sides.count == 1, let side = sides.first else {
        let keys = Check.Relation.allCases.map(\.rawValue).joined(separator: ", ")
        throw c.error(
          sides.isEmpty
            ? "a check needs one of \(keys)\(c.misspelling(of: "equals"))"
            : "a check compares with one of \(keys), not \(sides.map(\.0.rawValue).joined(separator: " and "))")
      }
      let (relation, other) = side
      var check = Check(
        value: value,
        equals: relation == .member ? value : try template(other),
        each: each,
        path: try string(c.take("path"), in: c, key: "path"),
        message: try string(c.take("message"), in: c, key: "message"),
        line: n.line)
      check.relation = relation
      if relation == .member { check.oneOf = try membership(other) }
      check.when = try c.take("when").map(condition)
      try c.finish()
      return check
    }
  }

  /// `in: activities[].name`: a list of the data and the field of its rows.
  func membership(_ node: Node) throws(LayoutError) -> (list: DataPath, field: String) {
    guard let s = node.string, let split = s.firstRange(of: "[]."), !s[split.upperBound...].isEmpty else {
      throw LayoutError(
        file: file, line: node.line, message: "in: names a list and a field of its rows: in: activities[].name")
    }
    do { return (try DataPath(parsing: String(s[..<split.lowerBound])), String(s[split.upperBound...])) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }

  func image(_ node: Node) throws(LayoutError) -> ImageBlock {
    var f = try YAMLFields(node, what: "image", file: file)
    let fileNode = try required(f.take("file"), in: f, key: "file")
    guard let name = fileNode.string, !name.contains(".."), !name.contains("/") else {
      throw f.error("file is \(pictures.expectedName), not a path", at: fileNode)
    }
    let width = try f.take("width").map(length)
    let height = try f.take("height").map(length)
    if name.contains("{") {
      // The name from a field the server supplies (a seal): checked against data: once loaded.
      var block = ImageBlock(
        picture: nil, width: width ?? 72, height: height ?? 0,
        alignment: try f.take("align").map(alignment) ?? .left,
        float: try f.take("float").map(bool) ?? false, offset: try f.take("offset").map(offset) ?? Point(x: 0, y: 0))
      block.named = (try template(fileNode), pictures)
      block.fixedHeight = height != nil
      try f.finish()
      return block
    }
    let picture: Picture
    do { picture = try pictures.picture(named: name) } catch {
      throw f.error(error.message, at: fileNode)
    }
    let ratio = Double(picture.pixelHeight) / Double(max(picture.pixelWidth, 1))
    let w = width ?? height.map { $0 / ratio } ?? 72
    let h = height ?? w * ratio
    let offset = try f.take("offset").map(offset) ?? Point(x: 0, y: 0)
    let block = ImageBlock(
      picture: picture, width: w, height: h, alignment: try f.take("align").map(alignment) ?? .left,
      float: try f.take("float").map(bool) ?? false, offset: offset)
    try f.finish()
    return block
  }

  func offset(_ node: Node) throws(LayoutError) -> Point {
    guard case .sequence(let seq) = node, seq.count == 2 else {
      throw LayoutError(file: file, line: node.line, message: "offset is [x, y]")
    }
    return Point(x: try signedLength(seq[0]), y: try signedLength(seq[1]))
  }

  func signedLength(_ node: Node) throws(LayoutError) -> Double {
    guard let s = node.string else { throw LayoutError(file: file, line: node.line, message: "expected a length") }
    let negative = s.hasPrefix("-")
    guard let v = Self.length(negative ? String(s.dropFirst()) : s) else {
      throw LayoutError(file: file, line: node.line, message: "expected a length such as -12pt or 20mm")
    }
    return negative ? -v : v
  }

  func parseWatermark(_ node: Node) throws(LayoutError) -> Watermark {
    var f = try YAMLFields(node, what: "watermark", file: file)
    let w = Watermark(
      text: try template(required(f.take("text"), in: f, key: "text")),
      size: try f.take("size").map(length) ?? 110,
      color: try f.take("color").map { n throws(LayoutError) in
        guard let s = n.string, let c = Color(hex: s) else { throw f.error("color is #rrggbb", at: n) }
        return c
      } ?? Color(red: 0.8, green: 0.1, blue: 0.1),
      angle: try f.take("angle").map { n throws(LayoutError) in
        guard let a = n.float, (-180...180).contains(a) else { throw f.error("angle is degrees, -180 to 180", at: n) }
        return a
      } ?? -35,
      opacity: try f.take("opacity").map { n throws(LayoutError) in
        guard let o = n.float, (0...1).contains(o) else { throw f.error("opacity is from 0 to 1", at: n) }
        return o
      } ?? 0.18,
      family: fontFamilies.serif)
    try f.finish()
    return w
  }

  // MARK: Data schema

  func dataSchema(_ node: Node, optional: Bool) throws(LayoutError) -> DataSchema {
    switch node {
    case .scalar:
      guard var name = node.string else {
        throw LayoutError(file: file, line: node.line, message: "expected a type name")
      }
      let warnOnly = name.hasSuffix(" (warning)")
      if warnOnly { name.removeLast(" (warning)".count) }
      let isOptional = name.hasSuffix("?")
      if isOptional { name.removeLast() }
      guard types[name] != nil else {
        throw LayoutError(
          file: file, line: node.line,
          message: "unknown data type '\(name)' (types: \(types.keys.sorted().joined(separator: ", ")))")
      }
      return .value(type: name, optional: isOptional, warnOnly: warnOnly)
    case .mapping(let mapping):
      if mapping.count == 1, let only = mapping.first, let key = only.key.string, key == "enum" || key == "enum?" {
        return try enumeration(only.value, optional: key == "enum?")
      }
      var fields: [(name: String, schema: DataSchema)] = []
      for (k, v) in mapping {
        guard var name = k.string else { throw LayoutError(file: file, line: k.line, message: "field names are text") }
        var unique: [String] = []
        if let open = name.firstRange(of: " (unique "), name.hasSuffix(")") {
          unique = name[open.upperBound...].dropLast().split(separator: ",").map { String($0.filter { $0 != " " }) }
          name = String(name[..<open.lowerBound])
        }
        var schema = try dataSchema(v, optional: false)
        if !unique.isEmpty { schema = try uniqueList(schema, unique, line: k.line) }
        fields.append((name, schema))
      }
      return .object(fields: fields, optional: optional)
    case .sequence(let seq):
      guard seq.count == 1 else {
        throw LayoutError(
          file: file, line: node.line, message: "an array is written as a list of one element: the shape of its items")
      }
      return .array(items: try dataSchema(seq[0], optional: false), optional: optional)
    case .alias:
      throw LayoutError(file: file, line: node.line, message: "aliases are not supported in data:")
    }
  }

  /// `{ enum: [工会经费, 行政经费] }`: a text that is one of these.
  func enumeration(_ node: Node, optional: Bool) throws(LayoutError) -> DataSchema {
    guard case .sequence(let items) = node, !items.isEmpty else {
      throw LayoutError(file: file, line: node.line, message: "enum is a list of the texts allowed: enum: [a, b]")
    }
    var choices: [String] = []
    for item in items {
      guard let text = item.string, VisibleText.isVisible(text), !choices.contains(text) else {
        throw LayoutError(
          file: file, line: item.line, message: "an enum's choices are different texts that show something")
      }
      choices.append(text)
    }
    return .value(type: "text", optional: optional, choices: choices)
  }

  /// `members (unique idNumber):` — a list of objects whose rows declare each field named.
  func uniqueList(_ schema: DataSchema, _ unique: [String], line: Int) throws(LayoutError) -> DataSchema {
    guard case .array(let items, let optional, _) = schema, case .object(let fields, _) = items else {
      throw LayoutError(
        file: file, line: line, message: "unique is declared on a list of objects: members (unique idNumber):")
    }
    let names = fields.map(\.name)
    for field in unique {
      guard case .value? = items.field(field) else {
        throw LayoutError(
          file: file, line: line,
          message:
            "unique: '\(field)' is not a field of the list's rows\(Suggestion.didYouMean(field, among: names)) (fields: \(names.joined(separator: ", ")))"
        )
      }
    }
    return .array(items: items, optional: optional, unique: unique)
  }

  /// `verification: { number: "{number}", unit: "{unit.name}", amounts: ["{total | figures}"],
  /// account: "{office.account.number}" }` (the account optional)
  func verificationFields(_ node: Node) throws(LayoutError) -> VerificationFields {
    var v = try YAMLFields(node, what: "verification", file: file)
    let number = try template(required(v.take("number"), in: v, key: "number"))
    let unit = try template(required(v.take("unit"), in: v, key: "unit"))
    var amounts: [Template] = []
    if let list = v.take("amounts") {
      guard case .sequence(let seq) = list else { throw v.error("amounts is a list of texts", at: list) }
      amounts = try seq.map { n throws(LayoutError) in try template(n) }
    }
    let account = try v.take("account").map(template)
    try v.finish()
    return VerificationFields(number: number, unit: unit, amounts: amounts, account: account)
  }

  // MARK: Values

  func required(_ node: Node?, in f: YAMLFields, key: String) throws(LayoutError) -> Node {
    guard let node else { throw f.error("\(f.what) needs '\(key)'\(f.misspelling(of: key))") }
    return node
  }

  func string(_ node: Node?, in f: YAMLFields, key: String) throws(LayoutError) -> String {
    guard let s = try required(node, in: f, key: key).string else {
      throw f.error("'\(key)' must be text", at: node)
    }
    return s
  }

  func bool(_ node: Node) throws(LayoutError) -> Bool {
    guard let b = node.bool else { throw LayoutError(file: file, line: node.line, message: "expected true or false") }
    return b
  }

  func int(_ node: Node, _ range: ClosedRange<Int>) throws(LayoutError) -> Int {
    guard let i = node.int, range.contains(i) else {
      throw LayoutError(
        file: file, line: node.line, message: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return i
  }

  func alignment(_ node: Node) throws(LayoutError) -> TextStyle.Alignment {
    guard let s = node.string, let a = TextStyle.Alignment(rawValue: s) else {
      throw LayoutError(file: file, line: node.line, message: "align is left, center or right")
    }
    return a
  }

  func path(_ node: Node) throws(LayoutError) -> DataPath {
    guard let s = node.string else { throw LayoutError(file: file, line: node.line, message: "expected a data path") }
    do { return try DataPath(parsing: s) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }

  /// A length: a number of points, or text with a unit: `12pt`, `20mm`, `2cm`, `0.5in`.
  func length(_ node: Node) throws(LayoutError) -> Double {
    guard let s = node.string, let v = Self.length(s) else {
      throw LayoutError(file: file, line: node.line, message: "expected a length such as 12pt, 20mm, 2cm or 0.5in")
    }
    return v
  }

  static func length(_ text: String) -> Double? {
    let units: [(String, Double)] = [("pt", 1), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
      guard let v = Double(text.dropLast(2)), v >= 0, v < 10_000 else { return nil }
      return v * factor
    }
    guard let v = Double(text), v >= 0, v < 10_000 else { return nil }
    return v
  }

  func template(_ node: Node) throws(LayoutError) -> Template {
    guard let s = node.string else {
      throw LayoutError(file: file, line: node.line, message: "expected text")
    }
    let t = try Template(parsing: s, at: node, file: file)
    for field in t.fields { try check(field, line: node.line) }
    return t
  }

  /// Refuses, at load, a formatter that does not exist, wrong arguments, and a chain whose
  /// steps cannot fit (`{d | date | money}`: the date's text is not an amount).
  func check(_ field: FieldReference, line: Int) throws(LayoutError) {
    var previous: Formatter?
    for call in field.formatters {
      guard let formatter = formatters[call.name] else {
        throw LayoutError(
          file: file, line: line,
          message:
            "unknown formatter '\(call.name)'\(Suggestion.didYouMean(call.name, among: formatters.names)) (formatters: \(formatters.names.joined(separator: ", ")))"
        )
      }
      guard formatter.arguments.contains(call.arguments.count) else {
        let hint = formatter.checkArguments(call.arguments).map { ": \($0)" } ?? ""
        throw LayoutError(
          file: file, line: line,
          message:
            "formatter '\(call.name)' takes \(Self.counted(formatter.arguments)), got \(call.arguments.count)\(hint)")
      }
      if let problem = formatter.checkArguments(call.arguments) {
        throw LayoutError(file: file, line: line, message: "in {\(field.path) | \(call.name)}: \(problem)")
      }
      if let previous, !previous.output.fits(formatter.input) {
        throw LayoutError(
          file: file, line: line,
          message:
            "in {\(field.path)}: '\(previous.name)' gives \(previous.output.rawValue), but '\(call.name)' takes \(formatter.input.rawValue)"
        )
      }
      for (i, argument) in call.values.enumerated() {
        guard case .field(let inner) = argument else { continue }
        try check(inner, line: line)
        let gives = inner.formatters.last.flatMap { formatters[$0.name] }?.output ?? .any
        if !gives.fits(formatter.argumentKind(i)) {
          throw LayoutError(
            file: file, line: line,
            message:
              "in {\(field.path) | \(call.name)}: (\(inner.path) | …) gives \(gives.rawValue), but '\(call.name)' takes \(formatter.argumentKind(i).rawValue)"
          )
        }
      }
      previous = formatter
    }
  }

  static func counted(_ range: ClosedRange<Int>) -> String {
    let n = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    return n + (range.upperBound == 1 ? " argument" : " arguments")
  }
}

extension FieldReference {
  init(parsing text: String, at node: Node, file: String) throws(LayoutError) {
    do { try self.init(parsing: text) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }
}

extension Template {
  init(parsing text: String, at node: Node, file: String) throws(LayoutError) {
    do { try self.init(parsing: text) } catch {
      throw LayoutError(file: file, line: node.line, message: error.message)
    }
  }
}
