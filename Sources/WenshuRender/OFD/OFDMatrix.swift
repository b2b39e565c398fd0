import Foundation
import Graphics

/// An affine transform in millimetres as OFD's CTM states it (`a b c d e f`: x' = a·x + c·y + e,
/// y' = b·x + d·y + f): where a group's items go on the page.
struct OFDMatrix: Equatable {
  var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

  static let identity = OFDMatrix()

  /// Moved to the transform's origin, then turned clockwise by its angle, as every writer
  /// applies a group's `Transform`.
  init(_ transform: Transform) {
    let radians = transform.angle * .pi / 180
    (a, b, c, d) = (cos(radians), sin(radians), -sin(radians), cos(radians))
    (e, f) = (transform.origin.x * 25.4 / 72, transform.origin.y * 25.4 / 72)
  }

  init(a: Double = 1, b: Double = 0, c: Double = 0, d: Double = 1, e: Double = 0, f: Double = 0) {
    (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
  }

  /// This transform applied after `inner`.
  func concatenating(_ inner: OFDMatrix) -> OFDMatrix {
    OFDMatrix(
      a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
      c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
      e: a * inner.e + c * inner.f + e, f: b * inner.e + d * inner.f + f)
  }
}

extension OFDText {
  /// A CTM attribute's value; the turning part to 1/100000, the moving part to a micrometre.
  mutating func matrix(_ m: OFDMatrix) {
    for (i, v) in [m.a, m.b, m.c, m.d].enumerated() {
      if i > 0 { append(" ") }
      number(v, decimals: 5)
    }
    append(" ")
    number(m.e)
    append(" ")
    number(m.f)
  }
}
