import Graphics

/// An OFD part's XML as it is written: UTF-8 appended in order, numbers in millimetres with
/// at most three decimals (a micrometre; OFD's unit is the millimetre, the pages' the
/// point), so the same page always gives the same bytes.
struct OFDText {
  static let namespace = "http://www.ofdspec.org/2016"
  static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
  private(set) var bytes: [UInt8] = []

  init() { append(Self.declaration) }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// A length in points, written in millimetres.
  mutating func mm(_ points: Double) { number(points * 25.4 / 72) }

  /// `value` rounded to `decimals` places, without trailing zeros (`12.5`, `-0.125`, `3`).
  mutating func number(_ value: Double, decimals: Int = 3) {
    var unit = 1
    for _ in 0..<decimals { unit *= 10 }
    var scaled = Int((value * Double(unit)).rounded())
    if scaled < 0 {
      bytes.append(UInt8(ascii: "-"))
      scaled = -scaled
    }
    digits(scaled / unit)
    var fraction = scaled % unit
    guard fraction > 0 else { return }
    bytes.append(UInt8(ascii: "."))
    var width = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }

  mutating func digits(_ n: Int) {
    if n >= 10 { digits(n / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
  }

  /// Lengths in points as millimetres separated by spaces (a Boundary, a PhysicalBox).
  mutating func box(_ values: Double...) {
    for (i, v) in values.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: " ")) }
      mm(v)
    }
  }

  /// `text` as XML character data or an attribute value.
  mutating func escaped(_ text: String) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): append("&amp;")
      case UInt8(ascii: "<"): append("&lt;")
      case UInt8(ascii: ">"): append("&gt;")
      case UInt8(ascii: "\""): append("&quot;")
      case 9, 10, 13: append("&#\(byte);")
      case 0..<0x20: append("\u{FFFD}")  // not allowed in XML 1.0; glyph lines hold none
      default: bytes.append(byte)
      }
    }
  }

  /// A colour as OFD's `Value`: red, green and blue from 0 to 255 (the default RGB space).
  mutating func color(_ color: Color) {
    digits(Int((color.red * 255).rounded()))
    append(" ")
    digits(Int((color.green * 255).rounded()))
    append(" ")
    digits(Int((color.blue * 255).rounded()))
  }
}
