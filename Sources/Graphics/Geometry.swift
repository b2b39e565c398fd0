/// Lengths are in PostScript points (1/72 inch), the unit of PDF and of Cairo's PDF surface.
public struct Point: Sendable, Hashable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct Size: Sendable, Hashable {
  public var width: Double
  public var height: Double
  public init(width: Double, height: Double) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Hashable {
  public var origin: Point
  public var size: Size
  public init(x: Double, y: Double, width: Double, height: Double) {
    origin = Point(x: x, y: y)
    size = Size(width: width, height: height)
  }
  public var minX: Double { origin.x }
  public var minY: Double { origin.y }
  public var maxX: Double { origin.x + size.width }
  public var maxY: Double { origin.y + size.height }
}

/// An RGB colour with components in 0...1.
public struct Color: Sendable, Hashable {
  public var red, green, blue: Double
  public init(red: Double, green: Double, blue: Double) {
    self.red = red; self.green = green; self.blue = blue
  }
  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)
  public static let lightGray = Color(red: 0.92, green: 0.92, blue: 0.92)

  /// Parses `#rrggbb`.
  public init?(hex: String) {
    guard hex.hasPrefix("#"), hex.count == 7, let v = UInt32(hex.dropFirst(), radix: 16) else { return nil }
    self.init(
      red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255,
      blue: Double(v & 0xFF) / 255)
  }
}
