import Foundation

/// Where the signature shows: a rectangle on a page, in points from the page's top-left corner
/// (as laid-out pages measure), e.g. the office's seal picture. The seal is already drawn on the
/// page, so the widget's appearance is empty: the page looks the same, and a viewer shows the
/// seal as the signature to click.
public struct SignaturePlacement: Sendable, Equatable {
  public var page: Int
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(page: Int, x: Double, y: Double, width: Double, height: Double) {
    (self.page, self.x, self.y, self.width, self.height) = (page, x, y, width, height)
  }
}

/// Signs a PDF (PAdES B-B, `/SubFilter /ETSI.CAdES.detached`) by appending one incremental
/// update to the bytes Cairo wrote: the signature dictionary, its widget (a signature field in a
/// new `/AcroForm`), and the catalog and page rewritten to point at them. `/ByteRange` covers
/// every byte but the `/Contents` hex string that holds the CMS signature.
public enum PDFSigner {
  /// The signed PDF. `placement` nil: an invisible signature on the first page. `date` becomes `/M`.
  public static func sign(
    _ pdf: [UInt8], with identity: SigningIdentity, placement: SignaturePlacement? = nil, date: Date = Date()
  ) throws(SigningError) -> [UInt8] {
    let file = try PDFFile(pdf)
    let pages = try file.pages()
    let pageIndex = placement?.page ?? 0
    guard pages.indices.contains(pageIndex) else {
      throw .unsupportedPDF("no page \(pageIndex + 1) for the signature (the PDF has \(pages.count))")
    }
    let page = pages[pageIndex]
    let pageBody = try file.dictionary(page)
    let catalog = try file.dictionary(file.root)
    guard !catalog.contains("/AcroForm") else { throw .unsupportedPDF("the PDF already has a form") }

    let (signature, widget, appearance) = (file.size, file.size + 1, file.size + 2)
    let rectangle = try placement.map { (p) throws(SigningError) in try rect(p, mediaBox: pageBody) } ?? "[0 0 0 0]"
    // Room for the CMS: the chain, the signature and the attributes, with a margin.
    let reserved = identity.chain.reduce(0) { $0 + $1.count } + 2048

    var update = ""
    var objects: [(Int, Int)] = []  // number, offset in `update`
    func add(_ number: Int, _ body: String) {
      objects.append((number, update.utf8.count))
      update += "\(number) 0 obj\n\(body)\nendobj\n"
    }
    update += "\n"
    let byteRangePlaceholder = "/ByteRange [0 0000000000 0000000000 0000000000]"
    add(
      signature,
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n   \(byteRangePlaceholder)\n"
        + "   /M (\(pdfDate(date)))\n   /Contents <\(String(repeating: "0", count: reserved * 2))>\n>>")
    let width = placement?.width ?? 0
    let height = placement?.height ?? 0
    add(
      widget,
      "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T (Signature1)\n   /V \(signature) 0 R /P \(page) 0 R"
        + " /Rect \(rectangle)\n   /AP << /N \(appearance) 0 R >>\n>>")
    add(
      appearance,
      "<< /Type /XObject /Subtype /Form /BBox [0 0 \(number(width)) \(number(height))] /Resources << >> /Length 0 >>\n"
        + "stream\n\nendstream")
    add(file.root, try inserting("/AcroForm << /Fields [\(widget) 0 R] /SigFlags 3 >>", into: catalog))
    add(page, try addingAnnotation(widget, to: pageBody))

    let base = pdf.count
    var table = "xref\n"
    for (number, offset) in objects.sorted(by: { $0.0 < $1.0 }) {
      table += "\(number) 1\n" + String(format: "%010ld 00000 n \n", base + offset)
    }
    let crossReference = base + update.utf8.count
    var trailer = "trailer\n<< /Size \(file.size + 3) /Root \(file.root) 0 R"
    if let info = file.info { trailer += " /Info \(info) 0 R" }
    if let id = file.id, !id.isEmpty { trailer += " /ID \(id)" }
    trailer += " /Prev \(file.lastCrossReference) >>\nstartxref\n\(crossReference)\n%%EOF\n"

    var out = pdf
    out += Array((update + table + trailer).utf8)
    return try fillSignature(&out, reserved: reserved, placeholder: byteRangePlaceholder, identity: identity)
  }

  /// Writes the byte range, then signs it and writes the CMS into `/Contents`.
  static func fillSignature(
    _ out: inout [UInt8], reserved: Int, placeholder: String, identity: SigningIdentity
  ) throws(SigningError) -> [UInt8] {
    guard let rangeAt = PDFFile.find(Array(placeholder.utf8), in: out[0...]),
      let contentsAt = PDFFile.find(Array("/Contents <".utf8), in: out[rangeAt...])
    else { throw .failed("the signature placeholder was not written") }
    let hexStart = contentsAt + "/Contents ".utf8.count  // the `<`
    let hexEnd = hexStart + reserved * 2 + 2  // after the `>`
    let byteRange = "/ByteRange [0 \(hexStart) \(hexEnd) \(out.count - hexEnd)]"
    let padded = byteRange.padding(toLength: placeholder.utf8.count, withPad: " ", startingAt: 0)
    out.replaceSubrange(rangeAt..<(rangeAt + placeholder.utf8.count), with: Array(padded.utf8))
    let signed = Array(out[0..<hexStart]) + Array(out[hexEnd...])
    let cms = try CMSSignature.sign(signed, with: identity)
    guard cms.count <= reserved else { throw .failed("the signature (\(cms.count) bytes) outgrew its room") }
    let hex = Array(cms.map { String(format: "%02X", $0) }.joined().utf8)
    out.replaceSubrange((hexStart + 1)..<(hexStart + 1 + hex.count), with: hex)
    return out
  }

  /// `[x0 y0 x1 y1]` in PDF space (origin at the bottom-left of the page's `/MediaBox`).
  static func rect(_ placement: SignaturePlacement, mediaBox page: String) throws(SigningError) -> String {
    guard let box = page.range(of: "/MediaBox"), let open = page[box.upperBound...].firstIndex(of: "["),
      let close = page[open...].firstIndex(of: "]")
    else { throw .unsupportedPDF("the page has no /MediaBox of its own") }
    let values = page[page.index(after: open)..<close].split(whereSeparator: \.isWhitespace).compactMap {
      Double($0)
    }
    guard values.count == 4 else { throw .unsupportedPDF("unreadable /MediaBox") }
    let top = values[3]
    let (x0, y1) = (values[0] + placement.x, top - placement.y)
    return "[\(number(x0)) \(number(y1 - placement.height)) \(number(x0 + placement.width)) \(number(y1))]"
  }

  /// A dictionary's text with `entry` added before its closing `>>`.
  static func inserting(_ entry: String, into dictionary: String) throws(SigningError) -> String {
    guard let close = dictionary.range(of: ">>", options: .backwards) else {
      throw .unsupportedPDF("not a dictionary: \(dictionary.prefix(40))")
    }
    // A new line first: Cairo ends some lines of a dictionary with a `%` comment.
    return String(dictionary[..<close.lowerBound]) + "\n   " + entry + "\n" + String(dictionary[close.lowerBound...])
  }

  static func addingAnnotation(_ widget: Int, to page: String) throws(SigningError) -> String {
    guard let annots = page.range(of: "/Annots") else { return try inserting("/Annots [\(widget) 0 R]", into: page) }
    let rest = page[annots.upperBound...].drop { $0.isWhitespace }
    guard rest.first == "[" else { throw .unsupportedPDF("the page's /Annots is not an inline array") }
    return String(page[..<rest.startIndex]) + "[\(widget) 0 R " + String(page[page.index(after: rest.startIndex)...])
  }

  static func number(_ value: Double) -> String { String(format: "%.2f", value) }

  static func pdfDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMddHHmmss"
    return "D:" + formatter.string(from: date) + "+00'00'"
  }
}
