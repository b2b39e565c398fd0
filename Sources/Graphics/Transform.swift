/// Where a group's items are drawn: moved to `origin`, then turned by `angle` degrees
/// (clockwise on the page) about it. Applied in that order by every writer.
public struct Transform: Sendable, Hashable {
  public var origin: Point
  public var angle: Double
  public init(origin: Point, angle: Double = 0) {
    self.origin = origin
    self.angle = angle
  }
  public static let identity = Transform(origin: Point(x: 0, y: 0))
}
