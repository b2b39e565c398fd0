import Graphics
import WenshuLayout
import WenshuSigning

/// Where a signature shows on paper: the seal. The seal is recognised by what it is, a picture
/// in one colour of ink (`Picture.ink`), never by a file or field name; of several, the
/// last painted (the one on top, the stamp over the signature line) is chosen.
enum SealPlacement {
  /// The last single-ink picture of a page, in page coordinates (points from the top left).
  static func seal(on page: Page) -> Rect? {
    var found: Rect?
    func visit(_ items: [PageItem], dx: Double, dy: Double) {
      for item in items {
        switch item {
        case .picture(let picture, let rect) where picture.ink != nil:
          found = Rect(x: rect.minX + dx, y: rect.minY + dy, width: rect.size.width, height: rect.size.height)
        case .group(let group):
          // A turned seal keeps its unturned box: near enough for a place to click.
          visit(group.items, dx: dx + group.origin.x, dy: dy + group.origin.y)
        default: break
        }
      }
    }
    visit(page.items, dx: 0, dy: 0)
    return found
  }

  static func placement(page index: Int, of page: Page) -> SignaturePlacement? {
    seal(on: page).map {
      SignaturePlacement(page: index, x: $0.minX, y: $0.minY, width: $0.size.width, height: $0.size.height)
    }
  }
}
