/// The structure GB/T 33190-2016 gives the parts Wenshu writes, as the standard's text and its
/// schema tables state it: for each element, the attributes it must have and its children in
/// their order (a sequence of element names, each with how often it may appear; or, for a
/// resource list, any of a set in any order). Written for these tests from the standard, not
/// copied from any project. Every part is checked against it, with the references between
/// parts: ids unique and within MaxUnitID, every Font and ResourceID declared, every file a
/// part names present in the package.
enum OFDStructure {
  /// How a child may appear: `min`…`max` times (`Int.max`: unbounded).
  struct Slot {
    let names: Set<String>
    let min: Int
    let max: Int
    init(_ names: String..., min: Int = 0, max: Int = 1) {
      self.names = Set(names)
      self.min = min
      self.max = max
    }
  }
  struct Rule {
    var required: [String] = []
    /// Children in order; empty means none are allowed (text only, or empty).
    var sequence: [Slot] = []
  }

  static let many = Int.max
  /// CT_GraphicUnit's children, which every page object begins with.
  static let graphicUnit = [Slot("Actions"), Slot("Clips")]
  static let pageObjects = Slot("TextObject", "PathObject", "ImageObject", "CompositeObject", "PageBlock", max: many)

  static let rules: [String: Rule] = [
    // OFD.xml (§7.4): the entry file.
    "OFD": Rule(required: ["Version", "DocType"], sequence: [Slot("DocBody", min: 1, max: many)]),
    "DocBody": Rule(sequence: [Slot("DocInfo", min: 1), Slot("DocRoot"), Slot("Versions"), Slot("Signatures")]),
    "DocInfo": Rule(sequence: [
      Slot("DocID"), Slot("Title"), Slot("Author"), Slot("Subject"), Slot("Abstract"), Slot("CreationDate"),
      Slot("ModDate"), Slot("DocUsage"), Slot("Cover"), Slot("Keywords"), Slot("Creator"), Slot("CreatorVersion"),
      Slot("CustomDatas"),
    ]),
    // Document.xml (§7.5): CommonData in the standard's order.
    "Document": Rule(sequence: [
      Slot("CommonData", min: 1), Slot("Pages", min: 1), Slot("Outlines"), Slot("Permissions"), Slot("Actions"),
      Slot("VPreferences"), Slot("Bookmarks"), Slot("Annotations"), Slot("CustomTags"), Slot("Attachments"),
      Slot("Extensions"),
    ]),
    "CommonData": Rule(sequence: [
      Slot("MaxUnitID", min: 1), Slot("PageArea", min: 1), Slot("PublicRes", max: many),
      Slot("DocumentRes", max: many), Slot("TemplatePage", max: many), Slot("DefaultCS"),
    ]),
    "PageArea": Rule(sequence: [
      Slot("PhysicalBox", min: 1), Slot("ApplicationBox"), Slot("ContentBox"), Slot("BleedBox"),
    ]),
    "Area": Rule(sequence: [Slot("PhysicalBox", min: 1), Slot("ApplicationBox"), Slot("ContentBox"), Slot("BleedBox")]),
    "Pages": Rule(sequence: [Slot("Page", min: 1, max: many)]),
    // Content.xml (§7.7): a page and its layers.
    "Content": Rule(sequence: [Slot("Layer", min: 1, max: many)]),
    "Layer": Rule(required: ["ID"], sequence: [pageObjects]),
    // §11: text.
    "TextObject": Rule(
      required: ["ID", "Boundary", "Font", "Size"],
      sequence: graphicUnit + [
        Slot("FillColor"), Slot("StrokeColor"), Slot("CGTransform", max: many), Slot("TextCode", min: 1, max: many),
      ]),
    "CGTransform": Rule(required: ["CodePosition", "CodeCount", "GlyphCount"], sequence: [Slot("Glyphs")]),
    "TextCode": Rule(),
    // §9: paths.
    "PathObject": Rule(
      required: ["ID", "Boundary"],
      sequence: graphicUnit + [Slot("StrokeColor"), Slot("FillColor"), Slot("AbbreviatedData", min: 1)]),
    // §10: images.
    "ImageObject": Rule(required: ["ID", "Boundary", "ResourceID"], sequence: graphicUnit + [Slot("Border")]),
    // §8.3: colours (Value or a pattern; Wenshu writes Value).
    "FillColor": Rule(), "StrokeColor": Rule(),
    // §7.9: resources.
    "Fonts": Rule(sequence: [Slot("Font", min: 1, max: many)]),
    "Font": Rule(required: ["ID", "FontName"], sequence: [Slot("FontFile")]),
    "MultiMedias": Rule(sequence: [Slot("MultiMedia", min: 1, max: many)]),
    "MultiMedia": Rule(required: ["ID", "Type"], sequence: [Slot("MediaFile", min: 1)]),
    "Res": Rule(sequence: [
      Slot("ColorSpaces", "DrawParams", "Fonts", "MultiMedias", "CompositeGraphicUnits", max: many)
    ]),
  ]

  /// Elements whose content is text alone.
  static let textElements: Set<String> = [
    "DocID", "Title", "Author", "Subject", "Abstract", "CreationDate", "ModDate", "DocUsage", "Creator",
    "CreatorVersion", "DocRoot", "MaxUnitID", "PhysicalBox", "ApplicationBox", "ContentBox", "BleedBox",
    "PublicRes", "DocumentRes", "TextCode", "Glyphs", "AbbreviatedData", "FontFile", "MediaFile",
  ]

  /// What is wrong with `element` and its descendants (empty when it follows the standard), each
  /// problem naming the part and the element's path.
  static func problems(_ element: XMLElementNode, part: String, path: String = "") -> [String] {
    let here = path + "/" + element.name
    var found: [String] = []
    if element.namespace != "http://www.ofdspec.org/2016" {
      found.append("\(part)\(here): not in the OFD namespace (\(element.namespace ?? "none"))")
    }
    // Page in Document.xml lists a page; Page as a root is a page's content.
    let rule: Rule?
    if element.name == "Page" {
      rule =
        path.isEmpty
        ? Rule(sequence: [
          Slot("Template", max: many), Slot("PageRes", max: many), Slot("Area"), Slot("Content"), Slot("Actions"),
        ])
        : Rule(required: ["ID", "BaseLoc"])
    } else {
      rule = rules[element.name]
    }
    if let rule {
      for attribute in rule.required where element.attributes[attribute] == nil {
        found.append("\(part)\(here): lacks the required attribute \(attribute)")
      }
      found += order(element, rule.sequence, part: part, here: here)
    } else if textElements.contains(element.name) {
      if !element.children.isEmpty { found.append("\(part)\(here): holds elements, the standard gives it text") }
    } else {
      found.append("\(part)\(here): an element the standard does not have here")
    }
    for child in element.children { found += problems(child, part: part, path: here) }
    return found
  }

  /// Whether the children follow the sequence: each slot taken in turn, as often as it allows.
  static func order(_ element: XMLElementNode, _ sequence: [Slot], part: String, here: String) -> [String] {
    var found: [String] = []
    var i = 0
    let names = element.children.map(\.name)
    for slot in sequence {
      var count = 0
      while i < names.count, slot.names.contains(names[i]), count < slot.max {
        count += 1
        i += 1
      }
      if count < slot.min {
        found.append("\(part)\(here): needs \(slot.names.sorted().joined(separator: "|")) here (after \(i) children)")
      }
    }
    if i < names.count {
      found.append("\(part)\(here): \(names[i]) out of order or not allowed (child \(i + 1) of \(names.count))")
    }
    return found
  }
}

extension OFDPackage {
  /// Every problem of the package: each part's structure, then the references between parts.
  func structuralProblems() throws -> [String] {
    var found: [String] = []
    let root = try xml("OFD.xml")
    found += OFDStructure.problems(root, part: "OFD.xml")
    guard let docRoot = root.all("DocRoot").first?.text, entries[docRoot] != nil else {
      return found + ["OFD.xml: DocRoot does not name a part of the package"]
    }
    let document = try xml(docRoot)
    found += OFDStructure.problems(document, part: docRoot)
    let folder = docRoot.split(separator: "/").dropLast().joined(separator: "/")
    var declared = Set<String>()
    var ids: [String] = []
    for res in document.all("PublicRes") + document.all("DocumentRes") {
      let path = folder + "/" + res.text
      let part = try xml(path)
      found += OFDStructure.problems(part, part: path)
      let base = part.attributes["BaseLoc"].map { folder + "/" + $0 + "/" } ?? folder + "/"
      for font in part.all("Font") {
        declared.insert(font.attributes["ID"] ?? "")
        for file in font.all("FontFile") where entries[base + file.text] == nil {
          found.append("\(path): font file \(file.text) not in the package")
        }
      }
      for media in part.all("MultiMedia") {
        declared.insert(media.attributes["ID"] ?? "")
        for file in media.all("MediaFile") where entries[base + file.text] == nil {
          found.append("\(path): media file \(file.text) not in the package")
        }
      }
      ids += (part.all("Font") + part.all("MultiMedia")).compactMap { $0.attributes["ID"] }
    }
    ids += document.all("Page").compactMap { $0.attributes["ID"] }
    for path in try pagePaths() {
      guard entries[path] != nil else {
        found.append("\(docRoot): page \(path) not in the package")
        continue
      }
      let page = try xml(path)
      found += OFDStructure.problems(page, part: path)
      for layer in page.all("Layer") {
        ids.append(layer.attributes["ID"] ?? "")
        for object in layer.children {
          ids.append(object.attributes["ID"] ?? "")
          if let boundary = object.attributes["Boundary"],
            boundary.split(separator: " ").compactMap({ Double($0) }).count != 4
          {
            found.append(
              "\(path): \(object.name) \(object.attributes["ID"] ?? "") has a Boundary of other than 4 numbers")
          }
          for reference in [object.attributes["Font"], object.attributes["ResourceID"]].compactMap({ $0 })
          where !declared.contains(reference) {
            found.append("\(path): \(object.name) names resource \(reference), which no resource file declares")
          }
          for code in object.all("TextCode") {
            let deltas = code.attributes["DeltaX"]?.split(separator: " ").count ?? 0
            if deltas > code.text.unicodeScalars.count - 1 {
              found.append(
                "\(path): TextCode '\(code.text)' has \(deltas) DeltaX for \(code.text.unicodeScalars.count) characters"
              )
            }
          }
        }
      }
    }
    let numbers = ids.compactMap { Int($0) }
    if numbers.count != ids.count { found.append("ids that are not numbers: \(ids.filter { Int($0) == nil })") }
    if Set(numbers).count != numbers.count { found.append("ids used more than once") }
    if let maxID = document.all("MaxUnitID").first.flatMap({ Int($0.text) }), let top = numbers.max(), top > maxID {
      found.append("\(docRoot): MaxUnitID \(maxID) is below the id \(top) in use")
    }
    return found
  }
}
