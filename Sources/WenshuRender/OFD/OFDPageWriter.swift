import Foundation
import Graphics
import WenshuLayout
import ZIPFoundation

/// Pages → one OFD document (GB/T 33190-2016) in memory: a ZIP package of XML parts, the
/// pages' fonts embedded as TrueType subsets and their pictures as PNG files. Reads only the
/// pages, their font table and `DocumentInfo`; draws nothing and shapes nothing. Each page's
/// `Content.xml` is deflated into the package as it is written, so a long list is never held
/// whole as XML. The same pages give the same bytes: ids are numbered in the order things are
/// met, and every entry is dated the document's own creation date.
///
/// The package: `OFD.xml` (DocInfo), `Doc_0/Document.xml` (CommonData, the pages),
/// `Doc_0/PublicRes.xml` (fonts), `Doc_0/DocumentRes.xml` (images), `Doc_0/Res/` (their
/// files) and `Doc_0/Pages/Page_N/Content.xml`.
public final class OFDPageWriter: PageWriter {
  private let info: DocumentInfo
  private let archive: Archive
  private let date: Date
  private let fonts = OFDFonts()
  private var lastID = 0
  private var pages: [(id: Int, size: Size)] = []
  private var images: [(picture: Picture, id: Int)] = []
  private var imageIDs: [ObjectIdentifier: Int] = [:]
  private var digest = OFDDigest()
  public var pageCount: Int { pages.count }

  public init(info: DocumentInfo) throws(RenderError) {
    self.info = info
    date = Self.date(info.created)
    do { archive = try Archive(data: Data(), accessMode: .create) } catch {
      throw RenderError("OFD output failed: \(error)")
    }
  }

  public func write(_ page: Page, fonts table: FontTable) throws(RenderError) {
    let pageID = nextID()
    let resources = OFDPageContent.Resources(
      fonts: fonts, table: table, nextID: { self.nextID() },
      image: { picture throws(RenderError) in try self.image(picture) })
    let content = try OFDPageContent.xml(page, layerID: nextID(), resources)
    try add("Doc_0/Pages/Page_\(pages.count)/Content.xml", content)
    pages.append((pageID, page.size))
  }

  /// Writes the document's resources and root parts and returns the package's bytes.
  public func finish() throws(RenderError) -> [UInt8] {
    var publicRes = OFDText()
    publicRes.append(#"<ofd:Res xmlns:ofd="\#(OFDText.namespace)" BaseLoc="Res">"#)
    if !fonts.resources.isEmpty {
      publicRes.append("<ofd:Fonts>")
      for (i, font) in fonts.resources.enumerated() {
        try add("Doc_0/Res/" + fonts.fileName(i), font.face.subset(characters: font.characters, glyphs: font.glyphs))
        publicRes.append(#"<ofd:Font ID="\#(font.id)" FontName=""#)
        publicRes.escaped(font.face.fullName)
        publicRes.append(#"" FamilyName=""#)
        publicRes.escaped(font.face.familyName)
        publicRes.append(font.face.isBold ? #"" Bold="true">"# : #"">"#)
        publicRes.append(#"<ofd:FontFile>\#(fonts.fileName(i))</ofd:FontFile></ofd:Font>"#)
      }
      publicRes.append("</ofd:Fonts>")
    }
    publicRes.append("</ofd:Res>")
    try add("Doc_0/PublicRes.xml", publicRes.bytes)

    var documentRes = OFDText()
    documentRes.append(#"<ofd:Res xmlns:ofd="\#(OFDText.namespace)" BaseLoc="Res">"#)
    if !images.isEmpty {
      documentRes.append("<ofd:MultiMedias>")
      for image in images {
        documentRes.append(
          #"<ofd:MultiMedia ID="\#(image.id)" Type="Image" Format="PNG"><ofd:MediaFile>image_\#(image.id).png</ofd:MediaFile></ofd:MultiMedia>"#
        )
      }
      documentRes.append("</ofd:MultiMedias>")
    }
    documentRes.append("</ofd:Res>")
    try add("Doc_0/DocumentRes.xml", documentRes.bytes)

    var document = OFDText()
    document.append(
      #"<ofd:Document xmlns:ofd="\#(OFDText.namespace)"><ofd:CommonData><ofd:MaxUnitID>\#(lastID)</ofd:MaxUnitID>"#)
    let first = pages.first?.size ?? Size(width: 595.276, height: 841.89)
    document.append("<ofd:PageArea><ofd:PhysicalBox>")
    document.box(0, 0, first.width, first.height)
    document.append("</ofd:PhysicalBox></ofd:PageArea>")
    document.append("<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")
    document.append("</ofd:CommonData><ofd:Pages>")
    for (i, page) in pages.enumerated() {
      document.append(#"<ofd:Page ID="\#(page.id)" BaseLoc="Pages/Page_\#(i)/Content.xml"/>"#)
    }
    document.append("</ofd:Pages></ofd:Document>")
    try add("Doc_0/Document.xml", document.bytes)

    var root = OFDText()
    root.append(#"<ofd:OFD xmlns:ofd="\#(OFDText.namespace)" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>"#)
    root.append("<ofd:DocID>\(digest.hex)</ofd:DocID>")
    for (element, value) in [("Title", info.title), ("Author", info.author), ("Subject", info.subject)]
    where !value.isEmpty {
      root.append("<ofd:\(element)>")
      root.escaped(value)
      root.append("</ofd:\(element)>")
    }
    root.append("<ofd:CreationDate>\(info.created.prefix(10))</ofd:CreationDate>")
    if !info.creator.isEmpty {
      root.append("<ofd:Creator>")
      root.escaped(info.creator)
      root.append("</ofd:Creator>")
    }
    root.append("</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    try add("OFD.xml", root.bytes)
    return [UInt8](archive.data ?? Data())
  }

  private func nextID() -> Int {
    lastID += 1
    return lastID
  }

  /// The MultiMedia id of `picture`, its PNG added to the package the first time.
  private func image(_ picture: Picture) throws(RenderError) -> Int {
    if let known = imageIDs[ObjectIdentifier(picture)] { return known }
    let id = nextID()
    try add("Doc_0/Res/image_\(id).png", picture.png())
    images.append((picture, id))  // keeps the picture, so its identifier is not reused
    imageIDs[ObjectIdentifier(picture)] = id
    return id
  }

  /// Deflates `bytes` into the package as `path`, and into the document's digest.
  private func add(_ path: String, _ bytes: [UInt8]) throws(RenderError) {
    digest.add(path.utf8)
    digest.add(bytes)
    do {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
        compressionMethod: .deflate
      ) { position, size in
        bytes.withUnsafeBytes { Data($0[Int(position)..<Int(position) + size]) }
      }
    } catch {
      throw RenderError("OFD output failed writing \(path): \(error)")
    }
  }

  /// The document's creation date (`YYYY-MM-DD…`) at noon UTC, for every entry of the package.
  static func date(_ created: String) -> Date {
    let parts = created.prefix(10).split(separator: "-").compactMap { Int($0) }
    var components = DateComponents()
    components.timeZone = TimeZone(identifier: "UTC")
    (components.year, components.month, components.day, components.hour) =
      parts.count == 3 ? (parts[0], parts[1], parts[2], 12) : (1980, 1, 1, 12)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_576_000)
  }
}

/// The DocID: 32 hexadecimal digits that follow from the package's contents (two FNV-1a
/// hashes), so the same document keeps its id and another gets another, with no clock or
/// random number.
struct OFDDigest {
  private var low: UInt64 = 0xcbf2_9ce4_8422_2325
  private var high: UInt64 = 0x6c62_272e_07bb_0142

  mutating func add<S: Sequence<UInt8>>(_ bytes: S) {
    for byte in bytes {
      low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 ^ (high >> 29)
    }
  }

  var hex: String {
    func digits(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return digits(high) + digits(low)
  }
}

/// Laid-out pages → OFD bytes.
public enum OFDRenderer {
  public static func render(_ document: LaidOutDocument) throws(RenderError) -> [UInt8] {
    let writer = try OFDPageWriter(info: document.info)
    for page in document.pages { try writer.write(page, fonts: document.fonts) }
    return try writer.finish()
  }

  /// Streams a prepared document: each page is written as soon as it is laid out, on a
  /// second thread beside the layout (as the PDF is drawn), then let go. `seeing` is shown
  /// each page (0-based index) as it is laid out.
  public static func render(
    _ document: PreparedDocument, seeing: (Int, Page) -> Void = { _, _ in }
  ) throws(RenderFailure) -> [UInt8] {
    let writer: OFDPageWriter
    do { writer = try OFDPageWriter(info: document.info) } catch { throw .output(error.message) }
    let fonts = document.fonts
    let target = Lent((writer: writer, failure: RenderError?.none))
    try Alongside.write(
      document, thread: "wenshu-ofd",
      prepare: { index, page in
        seeing(index, page)
        return page
      },
      write: { page in
        guard target.value.failure == nil else { return }
        do throws(RenderError) { try target.value.writer.write(page, fonts: fonts) } catch {
          target.value.failure = error
        }
      })
    if let failure = target.value.failure { throw .output(failure.message) }
    do { return try writer.finish() } catch { throw .output(error.message) }
  }
}
