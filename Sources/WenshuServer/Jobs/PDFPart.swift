/// One stored PDF read just enough to append it to another (`PDFConcatenation`): its objects
/// and where each lies, its catalog, page tree and information dictionary. Only what Cairo
/// writes is read: one classic cross-reference table, no object streams, no incremental update
/// (a signed PDF is refused: its signature could not survive being merged).
struct PDFPart {
  let bytes: [UInt8]
  /// Each object in use, in file order, with the byte range from `n 0 obj` to the next object.
  let objects: [(number: Int, range: Range<Int>)]
  /// The trailer's `/Size`: object numbers are below it.
  let size: Int
  let catalog: Int
  let info: Int?
  /// The root of its page tree and how many pages it holds.
  let pages: Int
  let pageCount: Int

  struct Unreadable: Error, CustomStringConvertible {
    let description: String
    init(_ reason: String) { description = "a stored PDF cannot be merged: \(reason)" }
  }

  init(_ bytes: [UInt8]) throws(Unreadable) {
    self.bytes = bytes
    guard let table = Self.lastNumber(after: Array("startxref".utf8), in: bytes), table < bytes.count,
      bytes[table...].starts(with: Array("xref".utf8))
    else { throw Unreadable("no classic cross-reference table") }
    var tokens = PDFTokens(bytes, from: table + 4)
    var entries: [(number: Int, offset: Int)] = []
    while let first = tokens.next(), case .number(let start) = first.kind {
      guard case .number(let count)? = tokens.next()?.kind else { throw Unreadable("a short cross-reference table") }
      for number in start..<(start + max(0, count)) {
        guard case .number(let offset)? = tokens.next()?.kind, case .number(let generation)? = tokens.next()?.kind,
          let type = tokens.next(), type.kind == .keyword
        else { throw Unreadable("a short cross-reference table") }
        if bytes[type.range] == ArraySlice("n".utf8) {
          guard generation == 0, offset < table else { throw Unreadable("object \(number) is not generation 0") }
          entries.append((number, offset))
        }
      }
    }
    let trailer = PDFDictionary(bytes, from: tokens.position)
    guard trailer.value("/Prev") == nil, trailer.value("/XRefStm") == nil else {
      throw Unreadable("an incremental update (a signed PDF)")
    }
    guard let size = trailer.value("/Size"), let catalog = trailer.reference("/Root") else {
      throw Unreadable("the trailer names no /Size or /Root")
    }
    entries.sort { $0.offset < $1.offset }
    var objects: [(number: Int, range: Range<Int>)] = []
    for (i, entry) in entries.enumerated() {
      let end = i + 1 < entries.count ? entries[i + 1].offset : table
      guard entry.number < size, entry.offset < end,
        bytes[entry.offset...].starts(with: Array("\(entry.number) 0 obj".utf8))
      else { throw Unreadable("object \(entry.number) is not where the table says") }
      objects.append((entry.number, entry.offset..<end))
    }
    self.objects = objects
    self.size = size
    self.catalog = catalog
    info = trailer.reference("/Info")
    func body(_ number: Int) throws(Unreadable) -> PDFDictionary {
      guard let object = objects.first(where: { $0.number == number }) else {
        throw Unreadable("object \(number) is missing")
      }
      return PDFDictionary(bytes, from: object.range.lowerBound)
    }
    guard let pages = try body(catalog).reference("/Pages") else { throw Unreadable("the catalog names no /Pages") }
    guard let pageCount = try body(pages).value("/Count") else { throw Unreadable("the page tree has no /Count") }
    self.pages = pages
    self.pageCount = pageCount
  }

  /// The object's bytes with each reference `n 0 R` moved to `n + offset`, its number too, and
  /// `insert` put just inside its dictionary. A stream's data is copied as it is.
  func renumbered(_ object: (number: Int, range: Range<Int>), by offset: Int, insert: String = "")
    throws(Unreadable) -> [UInt8]
  {
    var out = Array("\(object.number + offset) 0 obj".utf8)
    var tokens = PDFTokens(bytes, from: object.range.lowerBound, to: object.range.upperBound)
    // `n 0 obj`
    for _ in 0..<3 { _ = tokens.next() }
    var copied = tokens.position
    var previous: [PDFTokens.Token] = []
    var inserted = insert.isEmpty
    while let token = tokens.next() {
      if token.kind == .dictionaryStart, !inserted {
        out += bytes[copied..<token.range.upperBound]
        out += Array(" \(insert)".utf8)
        copied = token.range.upperBound
        inserted = true
      }
      if token.kind == .keyword {
        let word = bytes[token.range]
        if word == ArraySlice("stream".utf8) || word == ArraySlice("endobj".utf8) { break }
        if word == ArraySlice("R".utf8), previous.count == 2, case .number(let number) = previous[0].kind,
          case .number = previous[1].kind
        {
          guard number < size else { throw Unreadable("a reference to object \(number), beyond /Size \(size)") }
          out += bytes[copied..<previous[0].range.lowerBound]
          out += Array("\(number + offset) 0".utf8)
          copied = previous[1].range.upperBound
        }
      }
      previous = Array((previous + [token]).suffix(2))
    }
    out += bytes[copied..<object.range.upperBound]
    return out
  }

  /// The number after the last `keyword` (the `startxref` offset).
  static func lastNumber(after keyword: [UInt8], in bytes: [UInt8]) -> Int? {
    var at = bytes.count - keyword.count
    while at >= max(0, bytes.count - 4096) {
      if bytes[at..<(at + keyword.count)].elementsEqual(keyword) {
        var tokens = PDFTokens(bytes, from: at + keyword.count)
        if case .number(let value)? = tokens.next()?.kind { return value }
        return nil
      }
      at -= 1
    }
    return nil
  }
}

/// The top level of a dictionary object (or the trailer's): each `/Key` and its value's tokens.
struct PDFDictionary {
  private var entries: [String: [PDFTokens.Token.Kind]] = [:]

  /// Reads the first dictionary from `start` on (past `n 0 obj` or `trailer`); none when the
  /// object is not one.
  init(_ bytes: [UInt8], from start: Int) {
    var tokens = PDFTokens(bytes, from: start)
    while let token = tokens.next(), token.kind != .dictionaryStart {
      if token.kind == .keyword, bytes[token.range] != ArraySlice("obj".utf8),
        bytes[token.range] != ArraySlice("trailer".utf8)
      {
        return
      }
    }
    while let key = tokens.next(), key.kind == .name, let value = tokens.next() {
      var kinds = [value.kind]
      switch value.kind {
      case .dictionaryStart, .arrayStart:
        var depth = 1
        while depth > 0, let inner = tokens.next() {
          if inner.kind == .dictionaryStart || inner.kind == .arrayStart { depth += 1 }
          if inner.kind == .dictionaryEnd || inner.kind == .arrayEnd { depth -= 1 }
        }
      case .number:
        var ahead = tokens
        if case .number? = ahead.next()?.kind, let r = ahead.next(), r.kind == .keyword,
          bytes[r.range] == ArraySlice("R".utf8)
        {
          kinds += [.number(0), .keyword]
          tokens = ahead
        }
      default: break
      }
      entries[String(decoding: bytes[key.range], as: UTF8.self)] = kinds
    }
  }

  /// A direct integer: `/Count 3`.
  func value(_ key: String) -> Int? {
    guard entries[key]?.count == 1, case .number(let value)? = entries[key]?.first else { return nil }
    return value
  }

  /// The object an `n 0 R` names: `/Pages 1 0 R`.
  func reference(_ key: String) -> Int? {
    guard let kinds = entries[key], kinds.count == 3, case .number(let number) = kinds[0] else { return nil }
    return number
  }
}

/// PDF's tokens (PDF 32000-1 §7.2): what a rewrite must not mistake for a reference — strings,
/// names and comments — is read whole. Unsigned integers carry their value.
struct PDFTokens {
  struct Token: Equatable {
    enum Kind: Equatable {
      case number(Int)
      case real, name, string, keyword, dictionaryStart, dictionaryEnd, arrayStart, arrayEnd, other
    }
    var kind: Kind
    var range: Range<Int>
  }

  private let bytes: [UInt8]
  private let end: Int
  private(set) var position: Int

  init(_ bytes: [UInt8], from start: Int, to end: Int? = nil) {
    self.bytes = bytes
    self.end = min(end ?? bytes.count, bytes.count)
    position = start
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32 }
  static func isDelimiter(_ b: UInt8) -> Bool { Array("()<>[]{}/%".utf8).contains(b) }

  mutating func next() -> Token? {
    while position < end {
      let b = bytes[position]
      if Self.isSpace(b) {
        position += 1
      } else if b == UInt8(ascii: "%") {
        while position < end, bytes[position] != 10, bytes[position] != 13 { position += 1 }
      } else {
        break
      }
    }
    guard position < end else { return nil }
    let start = position
    let b = bytes[position]
    position += 1
    func token(_ kind: Token.Kind) -> Token { Token(kind: kind, range: start..<position) }
    switch b {
    case UInt8(ascii: "("):
      var depth = 1
      while position < end, depth > 0 {
        switch bytes[position] {
        case UInt8(ascii: "\\"): position += 1
        case UInt8(ascii: "("): depth += 1
        case UInt8(ascii: ")"): depth -= 1
        default: break
        }
        position += 1
      }
      position = min(position, end)
      return token(.string)
    case UInt8(ascii: "<"):
      if position < end, bytes[position] == UInt8(ascii: "<") {
        position += 1
        return token(.dictionaryStart)
      }
      while position < end, bytes[position] != UInt8(ascii: ">") { position += 1 }
      position = min(position + 1, end)
      return token(.string)
    case UInt8(ascii: ">"):
      if position < end, bytes[position] == UInt8(ascii: ">") {
        position += 1
        return token(.dictionaryEnd)
      }
      return token(.other)
    case UInt8(ascii: "/"):
      while position < end, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
      return token(.name)
    case UInt8(ascii: "["): return token(.arrayStart)
    case UInt8(ascii: "]"): return token(.arrayEnd)
    case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"): return token(.other)
    default:
      while position < end, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
      let word = bytes[start..<position]
      if word.count <= 18, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        return token(.number(word.reduce(0) { $0 * 10 + Int($1 - 0x30) }))
      }
      if word.allSatisfy({
        ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
      }) {
        return token(.real)
      }
      return token(.keyword)
    }
  }
}
