import Graphics
import WenshuLayout

extension Canvas {
  /// Draws a laid-out page's items in order; the same code serves PDF and PNG.
  func draw(_ page: Page) {
    for item in page.items {
      switch item {
      case .text(let block, let origin): draw(block, at: origin)
      case .line(let a, let b, let width): strokeLine(from: a, to: b, width: width)
      case .box(let rect, let color): fill(rect, color: color)
      case .picture(let picture, let rect): draw(picture, in: rect)
      case .watermark(let text, let center, let angle, let color, let opacity):
        draw(text, center: center, angle: angle, color: color, opacity: opacity)
      }
    }
  }
}
