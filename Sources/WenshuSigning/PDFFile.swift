import Foundation

/// Just enough of a PDF's structure to append a signature as an incremental update (PDF 32000-1
/// §7.5.6): the cross-reference tables (classic ones, as Cairo writes), the trailer's references,
/// and the text of plain dictionary objects. Bytes are kept as bytes, so offsets are byte offsets; the dictionaries read are ASCII.
struct PDFFile {
  let bytes: [UInt8]
  /// Where the last cross-reference section starts (the `startxref` value).
  let lastCrossReference: Int
  /// Object number → byte offset, for every object in use (the newest revision's).
  let offsets: [Int: Int]
  let size: Int
  let root: Int
  let info: Int?
  let id: String?

  init(_ bytes: [UInt8]) throws(SigningError) {
    self.bytes = bytes
    guard let start = PDFFile.lastNumber(after: "startxref", in: bytes) else {
      throw .unsupportedPDF("no startxref")
    }
    lastCrossReference = start
    var offsets: [Int: Int] = [:]
    var section: Int? = start
    var trailer: String?
    var seen = Set<Int>()
    while let at = section, seen.insert(at).inserted {
      let (entries, dictionary) = try PDFFile.crossReference(at: at, in: bytes)
      for (number, offset) in entries where offsets[number] == nil { offsets[number] = offset }
      if trailer == nil { trailer = dictionary }
      section = PDFFile.reference(named: "/Prev", in: dictionary, direct: true)
    }
    guard let trailer, let size = PDFFile.reference(named: "/Size", in: trailer, direct: true),
      let root = PDFFile.reference(named: "/Root", in: trailer)
    else { throw .unsupportedPDF("the trailer names no /Size or /Root") }
    self.offsets = offsets
    self.size = size
    self.root = root
    info = PDFFile.reference(named: "/Info", in: trailer)
    id = trailer.range(of: "/ID").map { range in
      let tail = trailer[range.upperBound...]
      guard let open = tail.firstIndex(of: "["), let close = tail.firstIndex(of: "]") else { return "" }
      return String(tail[open...close])
    }
  }

  /// The text between `n 0 obj` and `endobj` of a dictionary object (not a stream).
  func dictionary(_ number: Int) throws(SigningError) -> String {
    guard let offset = offsets[number] else { throw .unsupportedPDF("object \(number) is not in the table") }
    let tail = bytes[offset...]
    guard let end = PDFFile.find(Array("endobj".utf8), in: tail) else {
      throw .unsupportedPDF("object \(number) has no endobj")
    }
    let body = String(decoding: tail[offset..<end], as: UTF8.self)
    guard let open = body.range(of: "obj"), !body.contains("stream") else {
      throw .unsupportedPDF("object \(number) is not a plain dictionary")
    }
    return String(body[open.upperBound...]).trimmingWhitespace()
  }

  /// The page objects in order, walking the page tree from the catalog.
  func pages() throws(SigningError) -> [Int] {
    guard let tree = PDFFile.reference(named: "/Pages", in: try dictionary(root)) else {
      throw .unsupportedPDF("the catalog names no /Pages")
    }
    var pages: [Int] = []
    var stack = [tree]
    var visited = Set<Int>()
    while let node = stack.popLast() {
      guard visited.insert(node).inserted else { throw .unsupportedPDF("the page tree has a cycle") }
      let body = try dictionary(node)
      if body.contains("/Kids") {
        guard let kids = body.range(of: "/Kids"), let close = body[kids.upperBound...].firstIndex(of: "]") else {
          throw .unsupportedPDF("object \(node) has an unreadable /Kids")
        }
        let numbers = PDFFile.references(in: String(body[kids.upperBound..<close]))
        stack.append(contentsOf: numbers.reversed())
      } else {
        pages.append(node)
      }
    }
    return pages
  }

  /// A cross-reference section's entries and the trailer dictionary that follows it.
  static func crossReference(at offset: Int, in bytes: [UInt8]) throws(SigningError) -> ([(Int, Int)], String) {
    guard offset >= 0, offset < bytes.count, bytes[offset...].starts(with: Array("xref".utf8)) else {
      throw .unsupportedPDF("the cross-reference is a stream or misplaced (only classic tables are read)")
    }
    guard let trailerAt = find(Array("trailer".utf8), in: bytes[offset...]) else {
      throw .unsupportedPDF("no trailer after the cross-reference table")
    }
    let table = String(decoding: bytes[(offset + 4)..<trailerAt], as: UTF8.self)
    var lines = table.split(whereSeparator: \.isNewline).map { $0.split(separator: " ") }[...]
    var entries: [(Int, Int)] = []
    while let header = lines.popFirst() {
      guard header.count == 2, let first = Int(header[0]), let count = Int(header[1]) else {
        throw .unsupportedPDF("unreadable cross-reference subsection")
      }
      for number in first..<(first + count) {
        guard let entry = lines.popFirst(), entry.count >= 3, let at = Int(entry[0]) else {
          throw .unsupportedPDF("short cross-reference subsection")
        }
        if entry[2] == "n" && entry[1] == "00000" { entries.append((number, at)) }
      }
    }
    let after = bytes[trailerAt...]
    let end = find(Array("startxref".utf8), in: after) ?? bytes.count
    return (entries, String(decoding: bytes[trailerAt..<end], as: UTF8.self))
  }

  /// The number after the last occurrence of `keyword` (the `startxref` offset).
  static func lastNumber(after keyword: String, in bytes: [UInt8]) -> Int? {
    let key = Array(keyword.utf8)
    var at = bytes.count - key.count
    while at >= 0 {
      if bytes[at..<(at + key.count)].elementsEqual(key) {
        let digits = bytes[(at + key.count)...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
          .prefix { $0 >= 0x30 && $0 <= 0x39 }
        return Int(String(decoding: digits, as: UTF8.self))
      }
      at -= 1
    }
    return nil
  }

  /// The object number of `/Name n g R` in a dictionary, or (direct) the integer `/Name n`.
  static func reference(named name: String, in dictionary: String, direct: Bool = false) -> Int? {
    var search = dictionary[...]
    while let range = search.range(of: name) {
      let next = search[range.upperBound...]
      // `/Pages` must not match `/PagesFoo`.
      if let following = next.first, following.isLetter { search = next; continue }
      let words = next.split(whereSeparator: \.isWhitespace).prefix(3)
      guard let number = words.first.flatMap({ Int($0) }) else { return nil }
      if direct { return number }
      return words.count == 3 && words[words.startIndex + 2].hasPrefix("R") ? number : nil
    }
    return nil
  }

  /// Every `n g R` reference in a fragment (an array's inside).
  static func references(in fragment: String) -> [Int] {
    let words = fragment.split(whereSeparator: \.isWhitespace)
    var numbers: [Int] = []
    var index = 0
    while index + 2 < words.count {
      if words[index + 2] == "R", let number = Int(words[index]), Int(words[index + 1]) != nil {
        numbers.append(number)
        index += 3
      } else {
        index += 1
      }
    }
    return numbers
  }

  static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var at = haystack.startIndex
    while at + needle.count <= haystack.endIndex {
      if haystack[at] == needle[0] && haystack[at..<(at + needle.count)].elementsEqual(needle) { return at }
      at += 1
    }
    return nil
  }
}

extension String {
  func trimmingWhitespace() -> String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
