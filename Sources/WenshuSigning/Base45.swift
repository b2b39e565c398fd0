/// Base45 (RFC 9285): bytes as QR alphanumeric characters, which a QR code stores in 5.5 bits
/// each (8 bits for a byte); how the EU's signed health certificates fit their QR codes.
enum Base45 {
  static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
  static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    var index = 0
    while index + 1 < bytes.count {
      let n = Int(bytes[index]) * 256 + Int(bytes[index + 1])
      out += [alphabet[n % 45], alphabet[n / 45 % 45], alphabet[n / 2025]]
      index += 2
    }
    if index < bytes.count {
      let n = Int(bytes[index])
      out += [alphabet[n % 45], alphabet[n / 45]]
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func decode(_ text: String) throws(CodeError) -> [UInt8] {
    var digits: [Int] = []
    for byte in text.utf8 {
      guard let value = values[byte] else { throw .malformed("a character outside Base45") }
      digits.append(value)
    }
    var out: [UInt8] = []
    var index = 0
    while index < digits.count {
      let chunk = digits[index..<min(index + 3, digits.count)]
      guard chunk.count >= 2 else { throw .malformed("a Base45 text of odd length") }
      var n = 0
      for (power, digit) in chunk.enumerated() { n += digit * [1, 45, 2025][power] }
      if chunk.count == 3 {
        guard n <= 0xFFFF else { throw .malformed("a Base45 group out of range") }
        out += [UInt8(n >> 8), UInt8(n & 0xFF)]
      } else {
        guard n <= 0xFF else { throw .malformed("a Base45 group out of range") }
        out.append(UInt8(n))
      }
      index += 3
    }
    return out
  }
}
