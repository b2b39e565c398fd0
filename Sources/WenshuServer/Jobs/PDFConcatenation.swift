/// One PDF written as it goes from several stored ones (a `format: "pdf"` job's result), so only
/// one item's PDF is held at a time. Each part's objects are renumbered after the previous
/// parts' and copied as they are (streams untouched); each part's page tree hangs under one root
/// `/Pages`, in order; parts' catalogs are dropped, and the first part's information dictionary
/// (title, author) stands for the whole. The same parts give the same bytes. Each part keeps its
/// own font subsets, so the file is larger than a batch's one PDF, which shares them.
struct PDFConcatenation {
  /// The root page tree and the catalog are objects 1 and 2, written last.
  private static let root = 1
  private static let catalog = 2
  private var written = 0
  /// Each object's offset, by number; nil for a number left free (a dropped catalog).
  private var offsets: [Int?] = [nil, nil, nil]
  private var kids: [Int] = []
  private var pageCount = 0
  private var info: Int?

  /// The header and `pdf`'s objects, renumbered.
  mutating func append(_ pdf: [UInt8]) throws(PDFPart.Unreadable) -> [UInt8] {
    let part = try PDFPart(pdf)
    var out: [UInt8] = []
    if written == 0 { out = Array("%PDF-1.5\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB, 0x0A] }
    let shift = offsets.count - 1
    offsets += Array(repeating: nil, count: part.size - 1)
    for object in part.objects {
      if object.number == part.catalog || (object.number == part.info && info != nil) { continue }
      let insert = object.number == part.pages ? "/Parent \(Self.root) 0 R" : ""
      offsets[object.number + shift] = written + out.count
      out += try part.renumbered(object, by: shift, insert: insert)
    }
    if info == nil { info = part.info.map { $0 + shift } }
    kids.append(part.pages + shift)
    pageCount += part.pageCount
    written += out.count
    return out
  }

  /// The root page tree, the catalog, the cross-reference table and the trailer.
  mutating func finish() -> [UInt8] {
    var out: [UInt8] = []
    offsets[Self.root] = written
    out += Array(
      "\(Self.root) 0 obj\n<< /Type /Pages\n   /Kids [ \(kids.map { "\($0) 0 R" }.joined(separator: " ")) ]\n   /Count \(pageCount)\n>>\nendobj\n"
        .utf8)
    offsets[Self.catalog] = written + out.count
    out += Array("\(Self.catalog) 0 obj\n<< /Type /Catalog\n   /Pages \(Self.root) 0 R\n>>\nendobj\n".utf8)
    let table = written + out.count
    // Free numbers are chained from object 0, as a classic table asks (PDF 32000-1 §7.5.4).
    let free = offsets.indices.filter { $0 > 0 && offsets[$0] == nil }
    var next: [Int: Int] = [:]
    for (i, number) in free.enumerated() { next[number] = i + 1 < free.count ? free[i + 1] : 0 }
    out += Array("xref\n0 \(offsets.count)\n".utf8)
    out += Self.entry(free.first ?? 0, generation: 65535, inUse: false)
    for number in offsets.indices.dropFirst() {
      if let offset = offsets[number] {
        out += Self.entry(offset, generation: 0, inUse: true)
      } else {
        out += Self.entry(next[number] ?? 0, generation: 0, inUse: false)
      }
    }
    let infoEntry = info.map { "\n   /Info \($0) 0 R" } ?? ""
    out += Array(
      "trailer\n<< /Size \(offsets.count)\n   /Root \(Self.catalog) 0 R\(infoEntry)\n>>\nstartxref\n\(table)\n%%EOF\n"
        .utf8)
    written += out.count
    return out
  }

  /// A 20-byte cross-reference entry.
  static func entry(_ value: Int, generation: Int, inUse: Bool) -> [UInt8] {
    let digits = String(value)
    let generationDigits = String(generation)
    return Array(
      (String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " "
        + String(repeating: "0", count: max(0, 5 - generationDigits.count)) + generationDigits
        + (inUse ? " n \n" : " f \n")).utf8)
  }
}
