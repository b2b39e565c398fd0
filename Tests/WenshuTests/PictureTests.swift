import CPangoCairo
import Foundation
import Testing

@testable import Graphics

/// Seals and stamps in one ink are kept as a mask and a colour (a quarter of the image data
/// in each PDF); anything else is kept as it is.
@Suite("Pictures")
struct PictureTests {
  /// Writes a PNG of `size` pixels, transparent, with a disc in `inner` inside a disc in `outer`.
  func png(outer: (Double, Double, Double, Double), inner: (Double, Double, Double, Double)) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("picture-\(UUID().uuidString).png").path
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64)!
    let cr = cairo_create(surface)!
    for (radius, c) in [(30.0, outer), (12.0, inner)] {
      cairo_set_source_rgba(cr, c.0, c.1, c.2, c.3)
      cairo_arc(cr, 32, 32, radius, 0, 2 * .pi)
      cairo_fill(cr)
    }
    cairo_destroy(cr)
    #expect(cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS)
    cairo_surface_destroy(surface)
    return path
  }

  @Test("the sample seal is one ink: kept as its colour and a mask")
  func sealIsOneInk() throws {
    let seal = try Picture(pngFile: Fixtures.root.appendingPathComponent("Layouts/images/sample-seal.png").path)
    let ink = try #require(seal.ink)
    #expect(Int((ink.red * 255).rounded()) == 200 && Int((ink.green * 255).rounded()) == 30)
    guard case .ink(_, let alpha) = seal.pixels else { Issue.record("the seal is not kept as a mask"); return }
    #expect(alpha.count == seal.pixelWidth * seal.pixelHeight)
  }

  @Test("one colour at several opacities (anti-aliased edges included) is one ink")
  func opacitiesAreOneInk() throws {
    let path = try png(outer: (0.8, 0.1, 0.1, 0.5), inner: (0.8, 0.1, 0.1, 1))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Picture(pngFile: path).ink != nil)
  }

  @Test("two colours are kept in colour")
  func twoColoursStayInColour() throws {
    let path = try png(outer: (0.8, 0.1, 0.1, 1), inner: (0.1, 0.1, 0.8, 1))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let picture = try Picture(pngFile: path)
    #expect(picture.ink == nil)
    guard case .premultipliedRGBA(let bytes) = picture.pixels else { Issue.record("not kept in colour"); return }
    #expect(bytes.count == 4 * 64 * 64)
  }
}
