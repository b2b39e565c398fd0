import Graphics
import WenshuLayout

/// One page as OFD's `Content.xml`: a body layer of text, path and image objects in the page's
/// paint order, merged as the PDF merges them (consecutive glyph lines in one face, size and
/// colour become one TextObject with a TextCode per line; a run's rules, joined, one
/// PathObject per width, painted after the run's text). A TextCode holds the characters the
/// glyphs stand for, each placed by X, Y and DeltaX where the PDF places its glyph, so the
/// text is selectable and searchable; a glyph the face's character map would not give its
/// character is named by a CGTransform. Objects in a group carry its transform as their CTM
/// and its opacity as their Alpha.
struct OFDPageContent {
  /// What a page's objects draw on: the writer's numbering, fonts and images.
  struct Resources {
    let fonts: OFDFonts
    let table: FontTable
    let nextID: () -> Int
    let image: (Picture) throws(RenderError) -> Int
  }

  private let resources: Resources
  private let pageSize: Size
  private var xml = OFDText()
  private var text = TextBatch()

  /// `Content.xml` of `page`, whose object ids start after `resources.nextID()`'s last.
  static func xml(_ page: Page, layerID: Int, _ resources: Resources) throws(RenderError) -> [UInt8] {
    var content = OFDPageContent(resources: resources, pageSize: page.size)
    content.xml.append(#"<ofd:Page xmlns:ofd="\#(OFDText.namespace)"><ofd:Area><ofd:PhysicalBox>"#)
    content.xml.box(0, 0, page.size.width, page.size.height)
    content.xml.append(#"</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="\#(layerID)" Type="Body">"#)
    try content.objects(page.items, matrix: nil, alpha: 1)
    content.xml.append("</ofd:Layer></ofd:Content></ofd:Page>")
    return content.xml.bytes
  }

  private init(resources: Resources, pageSize: Size) {
    self.resources = resources
    self.pageSize = pageSize
  }

  /// Writes `items`; `matrix`: the groups' transform they are in (nil on the page itself).
  private mutating func objects(_ items: [PageItem], matrix: OFDMatrix?, alpha: Double) throws(RenderError) {
    var rules = Rules()
    var boxes: [Rect] = []
    var boxColor = Color.black
    func flushBoxes(_ content: inout OFDPageContent) {
      content.box(boxes, color: boxColor, matrix: matrix, alpha: alpha)
      boxes.removeAll()
    }
    func flush(_ content: inout OFDPageContent) {
      flushBoxes(&content)
      content.flushText(matrix: matrix, alpha: alpha)
      for (width, segments) in rules.joined() { content.path(segments, width: width, matrix: matrix, alpha: alpha) }
      rules = Rules()
    }
    for item in items {
      switch item {
      case .glyphs(let line, let origin, let color):
        flushBoxes(&self)
        try self.line(line, at: origin, color: color, matrix: matrix, alpha: alpha)
      case .rule(let a, let b, let width):
        flushBoxes(&self)
        rules.add(a, b, width: width)
      case .box(let rect, let color):
        // Consecutive fills of one colour (a QR code's modules) are one PathObject.
        if boxes.isEmpty || color != boxColor { flush(&self) }
        boxColor = color
        boxes.append(rect)
      case .picture(let picture, let rect):
        flush(&self)
        try image(picture, in: rect, matrix: matrix, alpha: alpha)
      case .group(let group):
        flush(&self)
        let inner = (matrix ?? .identity).concatenating(OFDMatrix(group.transform))
        try objects(group.items, matrix: inner, alpha: alpha * group.opacity)
      }
    }
    flush(&self)
  }

  // MARK: Text

  /// A TextObject being gathered: its font, size and colour, and a TextCode per line segment.
  private struct TextBatch {
    var font: Int?
    var face: FontFace?
    var color = Color.black
    var codes: [TextCode] = []
  }

  /// A line's characters in one face: where the first sits (its baseline), the distance from
  /// each character to the next, and the clusters whose glyphs the text alone does not give.
  private struct TextCode {
    var x = 0.0, y = 0.0
    var characters = ""
    var count = 0
    var deltas: [Double] = []
    var transforms: [(position: Int, characters: Int, glyphs: [UInt32])] = []
    var lastX = 0.0
    var width = 0.0
  }

  /// A cluster: the characters one glyph (or several) draw, and where.
  private struct Cluster {
    var x: Double
    var scalars: [Unicode.Scalar]
    var glyphs: [UInt32]
    var nominal: Bool
  }

  private mutating func line(
    _ line: GlyphLine, at origin: Point, color: Color, matrix: OFDMatrix?, alpha: Double
  ) throws(RenderError) {
    let utf8 = Array(line.text.utf8)
    let baseline = origin.y + line.ascent
    var faceID: FaceID?
    var font = 0
    var clusters: [Cluster] = []
    var face: FontFace?
    for glyph in line.glyphs {
      if glyph.face != faceID {
        if let face { segment(clusters, font: font, face: face, baseline: baseline, color: color, matrix, alpha) }
        clusters.removeAll(keepingCapacity: true)
        faceID = glyph.face
        face = resources.table[glyph.face]
        font = try resources.fonts.resource(for: face!, nextID: resources.nextID)
      }
      if glyph.bytes == 0, !clusters.isEmpty {
        clusters[clusters.count - 1].glyphs.append(glyph.index)
        clusters[clusters.count - 1].nominal = false
        resources.fonts.use(font, glyph: glyph.index)
        continue
      }
      let start = Int(glyph.start)
      let scalars = Array(String(decoding: utf8[start..<start + Int(glyph.bytes)], as: UTF8.self).unicodeScalars)
      var nominal = scalars.count == 1
      if let first = scalars.first {
        nominal = resources.fonts.use(font, character: first.value, glyph: glyph.index) && nominal
        for s in scalars.dropFirst() { _ = resources.fonts.use(font, character: s.value, glyph: glyph.index) }
      }
      clusters.append(Cluster(x: origin.x + glyph.x, scalars: scalars, glyphs: [glyph.index], nominal: nominal))
    }
    if let face { segment(clusters, font: font, face: face, baseline: baseline, color: color, matrix, alpha) }
  }

  /// Adds one line's clusters in one face as a TextCode, without the spaces at its ends (which
  /// readers may trim, shifting every DeltaX after them).
  private mutating func segment(
    _ clusters: [Cluster], font: Int, face: FontFace, baseline: Double, color: Color, _ matrix: OFDMatrix?,
    _ alpha: Double
  ) {
    func blank(_ c: Cluster) -> Bool { c.scalars.allSatisfy { $0.properties.isWhitespace } }
    guard let first = clusters.firstIndex(where: { !blank($0) }),
      let last = clusters.lastIndex(where: { !blank($0) })
    else { return }
    var code = TextCode(x: clusters[first].x, y: baseline)
    code.lastX = code.x
    for cluster in clusters[first...last] {
      if code.count > 0 {
        code.deltas.append(cluster.x - code.lastX)
        code.lastX = cluster.x
      }
      if !cluster.nominal {
        code.transforms.append((code.count, cluster.scalars.count, cluster.glyphs))
      }
      for (i, s) in cluster.scalars.enumerated() {
        if i > 0 { code.deltas.append(0) }
        code.characters.unicodeScalars.append(s)
        code.count += 1
      }
    }
    code.width = code.lastX - code.x + face.size
    let fits = text.font == font && text.face == face && text.color == color
    if !fits || !code.transforms.isEmpty || text.codes.first.map({ !$0.transforms.isEmpty }) == true {
      flushText(matrix: matrix, alpha: alpha)
      text = TextBatch(font: font, face: face, color: color)
    }
    text.codes.append(code)
  }

  private mutating func flushText(matrix: OFDMatrix?, alpha: Double) {
    defer { text.codes.removeAll(keepingCapacity: true) }
    guard let font = text.font, let face = text.face, !text.codes.isEmpty else { return }
    // The boundary: on the page, the lines' box with a size's margin (a glyph may overhang its
    // advance); in a group, the page, the CTM placing the group's coordinates on it.
    var origin = Point(x: 0, y: 0)
    xml.append(#"<ofd:TextObject ID="\#(resources.nextID())" Boundary=""#)
    if matrix == nil {
      let minX = text.codes.map(\.x).min()! - face.size
      let minY = text.codes.map(\.y).min()! - face.size * 1.5
      let maxX = text.codes.map { $0.x + $0.width }.max()! + face.size
      let maxY = text.codes.map(\.y).max()! + face.size
      origin = Point(x: minX, y: minY)
      xml.box(minX, minY, maxX - minX, maxY - minY)
    } else {
      xml.box(0, 0, pageSize.width, pageSize.height)
    }
    xml.append(#"" Font="\#(resources.fonts.resources[font].id)" Size=""#)
    xml.mm(face.size)
    xml.append("\"")
    if face.emboldened { xml.append(#" Weight="700""#) }
    attributes(matrix: matrix, alpha: alpha)
    xml.append(#"><ofd:FillColor Value=""#)
    xml.color(text.color)
    xml.append("\"/>")
    for code in text.codes {
      for t in code.transforms {
        xml.append(
          #"<ofd:CGTransform CodePosition="\#(t.position)" CodeCount="\#(t.characters)" GlyphCount="\#(t.glyphs.count)"><ofd:Glyphs>"#
        )
        xml.append(t.glyphs.map(String.init).joined(separator: " "))
        xml.append("</ofd:Glyphs></ofd:CGTransform>")
      }
    }
    for code in text.codes {
      xml.append(#"<ofd:TextCode X=""#)
      xml.mm(code.x - origin.x)
      xml.append(#"" Y=""#)
      xml.mm(code.y - origin.y)
      xml.append("\"")
      if !code.deltas.isEmpty {
        xml.append(#" DeltaX=""#)
        for (i, d) in code.deltas.enumerated() {
          if i > 0 { xml.append(" ") }
          xml.mm(d)
        }
        xml.append("\"")
      }
      xml.append(">")
      xml.escaped(code.characters)
      xml.append("</ofd:TextCode>")
    }
    xml.append("</ofd:TextObject>")
  }

  /// CTM and Alpha, when not the page's own.
  private mutating func attributes(matrix: OFDMatrix?, alpha: Double) {
    if let matrix, matrix != .identity {
      xml.append(#" CTM=""#)
      xml.matrix(matrix)
      xml.append("\"")
    }
    if alpha < 1 { xml.append(#" Alpha="\#(Int((alpha * 255).rounded()))""#) }
  }

  // MARK: Paths and images

  /// Rules of one width, stroked black, as one PathObject.
  private mutating func path(_ segments: [(Point, Point)], width: Double, matrix: OFDMatrix?, alpha: Double) {
    guard !segments.isEmpty else { return }
    var origin = Point(x: 0, y: 0)
    xml.append(#"<ofd:PathObject ID="\#(resources.nextID())" Boundary=""#)
    if matrix == nil {
      let xs = segments.flatMap { [$0.0.x, $0.1.x] }
      let ys = segments.flatMap { [$0.0.y, $0.1.y] }
      origin = Point(x: xs.min()! - width, y: ys.min()! - width)
      xml.box(origin.x, origin.y, xs.max()! + width - origin.x, ys.max()! + width - origin.y)
    } else {
      xml.box(0, 0, pageSize.width, pageSize.height)
    }
    xml.append(#"" LineWidth=""#)
    xml.mm(width)
    xml.append("\"")
    attributes(matrix: matrix, alpha: alpha)
    xml.append(#"><ofd:StrokeColor Value="0 0 0"/><ofd:AbbreviatedData>"#)
    for (i, (a, b)) in segments.enumerated() {
      xml.append(i == 0 ? "M " : " M ")
      xml.box(a.x - origin.x, a.y - origin.y)
      xml.append(" L ")
      xml.box(b.x - origin.x, b.y - origin.y)
    }
    xml.append("</ofd:AbbreviatedData></ofd:PathObject>")
  }

  /// Filled rectangles of one colour as a PathObject, not stroked.
  private mutating func box(_ rects: [Rect], color: Color, matrix: OFDMatrix?, alpha: Double) {
    guard !rects.isEmpty else { return }
    xml.append(#"<ofd:PathObject ID="\#(resources.nextID())" Boundary=""#)
    var origin = Point(x: 0, y: 0)
    if matrix == nil {
      origin = Point(x: rects.map(\.minX).min()!, y: rects.map(\.minY).min()!)
      xml.box(
        origin.x, origin.y, rects.map(\.maxX).max()! - origin.x, rects.map(\.maxY).max()! - origin.y)
    } else {
      xml.box(0, 0, pageSize.width, pageSize.height)
    }
    xml.append(#"" Stroke="false" Fill="true""#)
    attributes(matrix: matrix, alpha: alpha)
    xml.append(#"><ofd:FillColor Value=""#)
    xml.color(color)
    xml.append(#""/><ofd:AbbreviatedData>"#)
    for (i, rect) in rects.enumerated() {
      let (x0, y0) = (rect.minX - origin.x, rect.minY - origin.y)
      let (x1, y1) = (rect.maxX - origin.x, rect.maxY - origin.y)
      xml.append(i == 0 ? "M " : " M ")
      xml.box(x0, y0)
      xml.append(" L ")
      xml.box(x1, y0)
      xml.append(" L ")
      xml.box(x1, y1)
      xml.append(" L ")
      xml.box(x0, y1)
      xml.append(" C")
    }
    xml.append("</ofd:AbbreviatedData></ofd:PathObject>")
  }

  /// A picture: an ImageObject whose CTM maps the image's unit square onto `rect`.
  private mutating func image(_ picture: Picture, in rect: Rect, matrix: OFDMatrix?, alpha: Double) throws(RenderError)
  {
    let resource = try resources.image(picture)
    let mm = 25.4 / 72
    let placed = OFDMatrix(
      a: rect.size.width * mm, d: rect.size.height * mm, e: rect.minX * mm, f: rect.minY * mm)
    xml.append(#"<ofd:ImageObject ID="\#(resources.nextID())" ResourceID="\#(resource)" Boundary=""#)
    if let matrix {
      xml.box(0, 0, pageSize.width, pageSize.height)
      xml.append("\"")
      attributes(matrix: matrix.concatenating(placed), alpha: alpha)
    } else {
      xml.box(rect.minX, rect.minY, rect.size.width, rect.size.height)
      xml.append("\"")
      attributes(matrix: OFDMatrix(a: placed.a, d: placed.d), alpha: alpha)
    }
    xml.append("/>")
  }
}
