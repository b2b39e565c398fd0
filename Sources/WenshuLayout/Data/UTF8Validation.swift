/// Whether `bytes` are well-formed UTF-8 (RFC 3629): no stray continuation bytes, no
/// overlong forms, no surrogates, nothing past U+10FFFF. The JSON reader checks every
/// string with it before making a String of the bytes; the standard library's checking
/// initialiser is generic and looked up type metadata for every string of a member list.
func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  var i = 0
  let count = bytes.count
  while i < count {
    let lead = bytes[i]
    if lead < 0x80 {
      i += 1
      continue
    }
    // The bytes after the lead, and the range the first of them must be in (RFC 3629 §4).
    let following: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: following = 1
    case 0xE0:
      following = 2
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: following = 2
    case 0xED:
      following = 2
      high = 0x9F
    case 0xF0:
      following = 3
      low = 0x90
    case 0xF1...0xF3: following = 3
    case 0xF4:
      following = 3
      high = 0x8F
    default: return false
    }
    guard i + following < count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
    for k in stride(from: 2, through: following, by: 1) where bytes[i + k] & 0xC0 != 0x80 { return false }
    i += following + 1
  }
  return true
}
