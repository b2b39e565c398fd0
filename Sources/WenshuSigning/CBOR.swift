/// The few CBOR values (RFC 8949) a verification code needs, encoded deterministically
/// (shortest heads, map keys as given: the writer orders them). Small on purpose: no floats,
/// no indefinite lengths; anything else read is an error, not a guess.
indirect enum CBOR: Equatable, Sendable {
  case unsigned(UInt64)
  case negative(UInt64)  // the value is -1 - n
  case bytes([UInt8])
  case text(String)
  case array([CBOR])
  case map([(CBOR, CBOR)])
  case tagged(UInt64, CBOR)

  static func == (a: CBOR, b: CBOR) -> Bool {
    switch (a, b) {
    case (.unsigned(let x), .unsigned(let y)), (.negative(let x), .negative(let y)): return x == y
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.text(let x), .text(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.map(let x), .map(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.tagged(let t, let x), .tagged(let u, let y)): return t == u && x == y
    default: return false
    }
  }

  static func int(_ value: Int) -> CBOR { value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value)) }

  var encoded: [UInt8] {
    var out: [UInt8] = []
    write(into: &out)
    return out
  }

  func write(into out: inout [UInt8]) {
    switch self {
    case .unsigned(let n): Self.head(0, n, &out)
    case .negative(let n): Self.head(1, n, &out)
    case .bytes(let b):
      Self.head(2, UInt64(b.count), &out)
      out += b
    case .text(let t):
      Self.head(3, UInt64(t.utf8.count), &out)
      out += Array(t.utf8)
    case .array(let items):
      Self.head(4, UInt64(items.count), &out)
      for item in items { item.write(into: &out) }
    case .map(let pairs):
      Self.head(5, UInt64(pairs.count), &out)
      for (key, value) in pairs {
        key.write(into: &out)
        value.write(into: &out)
      }
    case .tagged(let tag, let value):
      Self.head(6, tag, &out)
      value.write(into: &out)
    }
  }

  static func head(_ major: UInt8, _ value: UInt64, _ out: inout [UInt8]) {
    let type = major << 5
    switch value {
    case 0..<24: out.append(type | UInt8(value))
    case 24..<0x100: out += [type | 24, UInt8(value)]
    case 0x100..<0x1_0000: out += [type | 25, UInt8(value >> 8), UInt8(value & 0xFF)]
    case 0x1_0000..<0x1_0000_0000: out += [type | 26] + (0..<4).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
    default: out += [type | 27] + (0..<8).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }
  }

  /// Reads exactly one value filling `bytes`; trailing bytes, odd forms or nesting deeper than
  /// 16 are refused (the input comes from a phone's camera, or anyone).
  static func decode(_ bytes: [UInt8]) throws(CodeError) -> CBOR {
    var reader = Reader(bytes: bytes)
    let value = try reader.value(depth: 0)
    guard reader.at == bytes.count else { throw .malformed("trailing bytes after the CBOR value") }
    return value
  }

  struct Reader {
    let bytes: [UInt8]
    var at = 0

    mutating func byte() throws(CodeError) -> UInt8 {
      guard at < bytes.count else { throw .malformed("the CBOR value ends early") }
      defer { at += 1 }
      return bytes[at]
    }

    mutating func argument(_ info: UInt8) throws(CodeError) -> UInt64 {
      switch info {
      case 0..<24: return UInt64(info)
      case 24...27:
        var value: UInt64 = 0
        for _ in 0..<(1 << (info - 24)) { value = value << 8 | UInt64(try byte()) }
        return value
      default: throw .malformed("an indefinite or reserved CBOR length")
      }
    }

    mutating func take(_ count: UInt64) throws(CodeError) -> [UInt8] {
      guard count <= UInt64(bytes.count - at) else { throw .malformed("a CBOR string longer than the code") }
      defer { at += Int(count) }
      return Array(bytes[at..<(at + Int(count))])
    }

    mutating func value(depth: Int) throws(CodeError) -> CBOR {
      guard depth < 16 else { throw .malformed("CBOR nested too deeply") }
      let initial = try byte()
      let n = try argument(initial & 0x1F)
      switch initial >> 5 {
      case 0: return .unsigned(n)
      case 1: return .negative(n)
      case 2: return .bytes(try take(n))
      case 3:
        guard let text = String(validating: try take(n), as: UTF8.self) else {
          throw .malformed("CBOR text that is not UTF-8")
        }
        return .text(text)
      case 4:
        guard n <= UInt64(bytes.count - at) else { throw .malformed("a CBOR array longer than the code") }
        var items: [CBOR] = []
        for _ in 0..<n { items.append(try value(depth: depth + 1)) }
        return .array(items)
      case 5:
        guard n <= UInt64(bytes.count - at) else { throw .malformed("a CBOR map longer than the code") }
        var pairs: [(CBOR, CBOR)] = []
        for _ in 0..<n { pairs.append((try value(depth: depth + 1), try value(depth: depth + 1))) }
        return .map(pairs)
      case 6: return .tagged(n, try value(depth: depth + 1))
      default: throw .malformed("a CBOR float or simple value")
      }
    }
  }

  subscript(key: Int) -> CBOR? {
    guard case .map(let pairs) = self else { return nil }
    return pairs.first { $0.0 == .int(key) }?.1
  }
}

/// Why a verification code was refused: what a clerk is told.
public enum CodeError: Error, Equatable, CustomStringConvertible {
  case malformed(String)
  case unknownKey(String)
  case badSignature
  case wrongOffice(claimed: String, key: String)

  public var description: String {
    switch self {
    case .malformed(let why): return "not a Wenshu verification code: \(why)"
    case .unknownKey(let id): return "signed by an unknown key \(id): not issued by any office this service knows"
    case .badSignature: return "the signature does not match: the code was altered or forged"
    case .wrongOffice(let claimed, let key):
      return "the code claims office “\(claimed)” but is signed with \(key)'s key"
    }
  }
}
