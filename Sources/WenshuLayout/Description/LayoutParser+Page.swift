import Graphics
import Yams

/// `page:` (size, margins) and `styles:`.
extension LayoutParser {
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
}
