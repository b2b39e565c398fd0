/// A strict JSON reader (RFC 8259) that keeps number literals as text and says where a
/// mistake is (line and column). Nesting is limited so hostile input cannot exhaust the stack.
public struct JSONReader {
  public static let maxDepth = 64

  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String
    /// The read was stopped from outside, not refused.
    public var stopped = false
    public var description: String { "JSON syntax error at line \(line), column \(column): \(message)" }
  }

  /// Stops soon after `cancellation` is cancelled (a time budget spent, a client gone),
  /// with a `SyntaxError` whose `stopped` is set: a long list is not read for nobody.
  /// `room`: how many values the checks will add to an object with these keys, left free.
  public static func parse(
    _ bytes: [UInt8], cancellation: RenderCancellation? = nil, room: ObjectRoom? = nil
  ) throws(SyntaxError) -> DataValue {
    var reader = JSONReader(bytes: bytes)
    reader.cancellation = cancellation
    reader.room = room
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.index == bytes.count else { throw reader.error("unexpected text after the end of the data") }
    return value
  }

  private let bytes: [UInt8]
  private var index = 0
  private var cancellation: RenderCancellation?
  private var members = 0
  /// The shape of the object last read at each depth: the next one there (a list's next row)
  /// most likely has the same keys, and then shares it.
  private var lastShapes = [DataShape?](repeating: nil, count: maxDepth + 1)
  private var room: ObjectRoom?
  /// `room` of the shape last read at each depth, asked once per shape there, not per row.
  private var lastRooms = [Int](repeating: 0, count: maxDepth + 1)
  /// The shapes read, for objects whose keys differ from the one before them (rows with an
  /// optional field now and then, or keys in any order, as a hash map writes them). Bounded:
  /// past that, an object has a shape of its own.
  private var knownShapes: [[String]: DataShape] = [:]
  private static let knownShapesLimit = 4096
  /// Strings too long to be stored inline that were read lately, by length: a list's rows
  /// repeat their activity, their status, their keys, and one copy serves them all.
  private var recentStrings = [String](repeating: "", count: Self.recentSlots * Self.recentBuckets)
  private static let recentBuckets = 64
  private static let recentSlots = 4

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func error(_ message: String) -> SyntaxError {
    var line = 1
    var column = 1
    for b in bytes[..<min(index, bytes.count)] {
      if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }
    return SyntaxError(line: line, column: column, message: message)
  }

  /// Every 1,024 members and items, whether the read is to stop.
  private mutating func checkStopped() throws(SyntaxError) {
    members &+= 1
    guard members & 1023 == 0, let cancellation, cancellation.isCancelled else { return }
    var stop = error("stopped")
    stop.stopped = true
    throw stop
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipSpace() {
    while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { index += 1 }
  }

  private mutating func expect(_ literal: String, _ value: DataValue) throws(SyntaxError) -> DataValue {
    for b in literal.utf8 {
      guard current == b else { throw error("invalid literal, expected \(literal)") }
      index += 1
    }
    return value
  }

  private mutating func value(depth: Int) throws(SyntaxError) -> DataValue {
    guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
    guard let c = current else { throw error("unexpected end of data") }
    switch c {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string().canonicallyComposed)
    case UInt8(ascii: "t"): return try expect("true", .bool(true))
    case UInt8(ascii: "f"): return try expect("false", .bool(false))
    case UInt8(ascii: "n"): return try expect("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw error("unexpected character")
    }
  }

  private mutating func object(depth: Int) throws(SyntaxError) -> DataValue {
    index += 1
    let expected = lastShapes[depth]
    // While the keys are those of `expected`, they are not kept: it holds them already.
    var same = expected != nil
    var keys: [String] = []
    var values: [DataValue] = []
    values.reserveCapacity(expected.map { $0.keys.count + lastRooms[depth] } ?? 4)
    var seen: Set<String> = []  // used once an object grows past a few keys
    skipSpace()
    if current == UInt8(ascii: "}") { index += 1; return .object(DataObject()) }
    while true {
      try checkStopped()
      skipSpace()
      guard current == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
      let keyStart = index
      let key = try string()
      let position = values.count
      if same, let expected, position < expected.keys.count, DataShape.sameBytes(expected.keys[position], key) {
        // A prefix of a shape's keys, which are each other's duplicates in no shape.
      } else {
        if same, let expected { keys = Array(expected.keys.prefix(position)) }
        same = false
        let duplicate: Bool
        if keys.count < 16 {
          duplicate = keys.contains { DataShape.sameBytes($0, key) }
        } else {
          if seen.isEmpty { seen = Set(keys) }
          duplicate = !seen.insert(key).inserted
        }
        guard !duplicate else {
          index = keyStart
          throw error("duplicate key \"\(key)\"")
        }
        keys.append(key)
      }
      skipSpace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
      index += 1
      skipSpace()
      values.append(try value(depth: depth + 1))
      skipSpace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        let shape: DataShape
        if same, let expected, values.count == expected.keys.count {
          shape = expected
        } else {
          if same, let expected { keys = Array(expected.keys.prefix(values.count)) }
          shape = self.shape(keys)
        }
        if shape !== expected, let room {
          lastRooms[depth] = room(shape.keys)
          values.reserveCapacity(values.count + lastRooms[depth])
        }
        lastShapes[depth] = shape
        return .object(DataObject(shape: shape, values: values))
      default: throw error("expected ',' or '}'")
      }
    }
  }

  /// A shape read before with these keys (byte for byte: the map's `==` is Unicode's), or a new one.
  private mutating func shape(_ keys: [String]) -> DataShape {
    if let known = knownShapes[keys], zip(known.keys, keys).allSatisfy({ DataShape.sameBytes($0, $1) }) {
      return known
    }
    let shape = DataShape(keys)
    if knownShapes.count < Self.knownShapesLimit { knownShapes[keys] = shape }
    return shape
  }

  private mutating func array(depth: Int) throws(SyntaxError) -> DataValue {
    index += 1
    var items: [DataValue] = []
    skipSpace()
    if current == UInt8(ascii: "]") { index += 1; return .array(items) }
    while true {
      try checkStopped()
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"): index += 1; return .array(items)
      default: throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func number() throws(SyntaxError) -> String {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    func digits(_ r: inout JSONReader) -> Int {
      let s = r.index
      while let c = r.current, c >= 0x30, c <= 0x39 { r.index += 1 }
      return r.index - s
    }
    if current == UInt8(ascii: "0") {
      index += 1
    } else if digits(&self) == 0 {
      throw error("invalid number")
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw error("invalid number: digits expected after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard digits(&self) > 0 else { throw error("invalid number: digits expected in exponent") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func string() throws(SyntaxError) -> String {
    index += 1
    // Most strings hold no escape: they are their bytes as they stand, made into a String
    // at once (short ones without an allocation), not copied byte by byte first.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      if bytes[end] == UInt8(ascii: "\"") {
        let bytes = bytes  // read beside `recent`, which changes the reader
        let text = bytes.withUnsafeBufferPointer { all -> String? in
          let slice = UnsafeBufferPointer(rebasing: all[index..<end])
          // Inline up to 15 bytes; a longer one is looked for among those read lately.
          guard slice.count > 15 else { return isWellFormedUTF8(slice) ? String(decoding: slice, as: UTF8.self) : nil }
          return recent(slice)
        }
        index = end + 1
        guard let text else { throw error("text is not valid UTF-8") }
        return text
      }
      end += 1
    }
    var out = Array(bytes[index..<end])
    index = end
    while true {
      guard let c = current else { throw error("unterminated string") }
      switch c {
      case UInt8(ascii: "\""):
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else {
          throw error("text is not valid UTF-8")
        }
        return s
      case UInt8(ascii: "\\"):
        index += 1
        guard let e = current else { throw error("unterminated string") }
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in \\u escape") }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(scalar) {
            throw error("unpaired surrogate in \\u escape")
          }
          out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default: throw error("invalid escape")
        }
      case 0..<0x20:
        throw error("control character in string (escape it)")
      default:
        out.append(c)
        index += 1
      }
    }
  }

  /// The string of these bytes: one read lately (moved to the front of its bucket), or a
  /// new one remembered in place of the oldest; nil when the bytes are not UTF-8.
  private mutating func recent(_ slice: UnsafeBufferPointer<UInt8>) -> String? {
    let first = (slice.count % Self.recentBuckets) * Self.recentSlots
    for slot in first..<first + Self.recentSlots {
      var candidate = recentStrings[slot]
      guard candidate.utf8.count == slice.count, candidate.withUTF8({ DataShape.sameBytes($0, slice) }) else {
        continue
      }
      for j in stride(from: slot, to: first, by: -1) { recentStrings[j] = recentStrings[j - 1] }
      recentStrings[first] = candidate
      return candidate
    }
    guard isWellFormedUTF8(slice) else { return nil }
    let text = String(decoding: slice, as: UTF8.self)
    for j in stride(from: first + Self.recentSlots - 1, to: first, by: -1) { recentStrings[j] = recentStrings[j - 1] }
    recentStrings[first] = text
    return text
  }

  private mutating func hex4() throws(SyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("invalid \\u escape") }
    index += 4
    return v
  }
}

/// How many values the caller's checks will add to an object read with these keys (a
/// member's derived fields). The reader leaves that room in the object: filled in
/// afterwards, every row's values moved and left their old place as a hole the heap kept
/// (200,000 members: 37 MiB).
public typealias ObjectRoom = @Sendable (_ keys: [String]) -> Int
