import CPangoCairo

/// A PNG image (a seal, a stamp, a logo), kept decoded for drawing. Owns its surface;
/// transparency is preserved when drawn.
///
/// A picture in one colour of ink (a seal, a stamp: every visible pixel the same colour, only
/// its opacity varying) is kept as an opacity mask and that colour. It draws the same, but a
/// PDF then carries one 8-bit mask instead of RGB plus a mask: a quarter of the image data
/// for Cairo to compress in every document (1.2 → 0.3 ms of an e-bill with a 240 px seal).
public final class Picture: @unchecked Sendable {
  let surface: OpaquePointer  // cairo_surface_t*, owned: ARGB32, or A8 when `ink` is set
  /// The one colour of a single-ink picture, drawn through `surface` as a mask.
  let ink: Color?
  public let pixelWidth: Int
  public let pixelHeight: Int

  public init(pngFile path: String) throws(RenderError) {
    let image = cairo_image_surface_create_from_png(path)!
    let status = cairo_surface_status(image)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(image)
      throw RenderError("cannot read PNG \(path): \(String(cString: cairo_status_to_string(status)))")
    }
    pixelWidth = Int(cairo_image_surface_get_width(image))
    pixelHeight = Int(cairo_image_surface_get_height(image))
    if let (mask, ink) = Self.singleInk(image) {
      cairo_surface_destroy(image)
      self.surface = mask
      self.ink = ink
    } else {
      self.surface = image
      self.ink = nil
    }
  }

  deinit { cairo_surface_destroy(surface) }

  /// The opacity mask and the colour of an image whose visible pixels all share one colour
  /// (to within the rounding of premultiplied alpha), or nil.
  static func singleInk(_ image: OpaquePointer) -> (OpaquePointer, Color)? {
    guard cairo_image_surface_get_format(image) == CAIRO_FORMAT_ARGB32 else { return nil }
    cairo_surface_flush(image)
    let width = Int(cairo_image_surface_get_width(image))
    let height = Int(cairo_image_surface_get_height(image))
    let stride = Int(cairo_image_surface_get_stride(image))
    guard width > 0, height > 0, let data = cairo_image_surface_get_data(image) else { return nil }
    // Pixels are native-endian 32-bit words: alpha in the top byte, then premultiplied R, G, B.
    func pixel(_ x: Int, _ y: Int) -> UInt32 {
      UnsafeRawPointer(data + y * stride + x * 4).loadUnaligned(as: UInt32.self)
    }
    // The colour, read from the most opaque pixel (the least rounding), then checked on all.
    var densest: UInt32 = 0
    for y in 0..<height {
      for x in 0..<width where pixel(x, y) >> 24 > densest >> 24 { densest = pixel(x, y) }
    }
    let alpha = Int(densest >> 24)
    guard alpha >= 64 else { return nil }  // too faint to know the colour exactly
    let ink = [16, 8, 0].map { shift in (Int(densest >> UInt32(shift) & 0xff) * 255 + alpha / 2) / alpha }
    for y in 0..<height {
      for x in 0..<width {
        let p = pixel(x, y)
        let a = Int(p >> 24)
        for (i, shift) in [16, 8, 0].enumerated() where abs(Int(p >> UInt32(shift) & 0xff) - (ink[i] * a + 127) / 255) > 1 {
          return nil
        }
      }
    }
    let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height))!
    guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let out = cairo_image_surface_get_data(mask) else {
      cairo_surface_destroy(mask)
      return nil
    }
    let maskStride = Int(cairo_image_surface_get_stride(mask))
    for y in 0..<height {
      for x in 0..<width { out[y * maskStride + x] = UInt8(pixel(x, y) >> 24) }
    }
    cairo_surface_mark_dirty(mask)
    return (mask, Color(red: Double(ink[0]) / 255, green: Double(ink[1]) / 255, blue: Double(ink[2]) / 255))
  }
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
