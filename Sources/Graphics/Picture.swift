import CPangoCairo

/// A PNG image (a seal, a stamp, a logo), kept decoded for drawing. Owns its surface;
/// transparency is preserved when drawn.
public final class Picture: @unchecked Sendable {
  let surface: OpaquePointer  // cairo_surface_t*, owned
  public let pixelWidth: Int
  public let pixelHeight: Int

  public init(pngFile path: String) throws(RenderError) {
    let surface = cairo_image_surface_create_from_png(path)!
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(surface)
      throw RenderError("cannot read PNG \(path): \(String(cString: cairo_status_to_string(status)))")
    }
    self.surface = surface
    pixelWidth = Int(cairo_image_surface_get_width(surface))
    pixelHeight = Int(cairo_image_surface_get_height(surface))
  }

  deinit { cairo_surface_destroy(surface) }
}

/// A QR code's modules, from libqrencode (error correction level M, 8-bit mode).
public struct QRMatrix: Sendable {
  public let size: Int
  /// Row by row; true for a dark module.
  public let modules: [Bool]

  public init(text: String) throws(RenderError) {
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
      throw RenderError("the text is too long for a QR code (\(text.utf8.count) bytes)")
    }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
  }

  public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
