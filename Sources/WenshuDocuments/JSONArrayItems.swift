/// The byte ranges of a JSON array's items, found without parsing them, so a batch parses
/// (and holds) one document's data at a time. Strings and nesting are followed only far
/// enough to find each item's end; the items themselves are read by `JSONReader`. `nil` when
/// the text is not an array of whole items (the caller then parses it all for the exact error).
enum JSONArrayItems {
  static func ranges(_ bytes: [UInt8]) -> [Range<Int>]? {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    func skipSpace() {
      while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
    i += 1
    skipSpace()
    var ranges: [Range<Int>] = []
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      skipSpace()
      return i == bytes.count ? [] : nil
    }
    while i < bytes.count {
      let start = i
      var depth = 0
      var inString = false
      scan: while i < bytes.count {
        let c = bytes[i]
        if inString {
          if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
        } else {
          switch c {
          case UInt8(ascii: "\""): inString = true
          case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if depth == 0 { break scan }
            depth -= 1
          case UInt8(ascii: ","): if depth == 0 { break scan }
          default: break
          }
        }
        i += 1
      }
      guard i < bytes.count, !inString, depth == 0 else { return nil }
      ranges.append(start..<i)
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        skipSpace()
        return i == bytes.count ? ranges : nil
      }
      i += 1  // the comma
    }
    return nil
  }
}
