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

  /// A picture in one colour of ink: a seal or a stamp, not a photograph or a logo in colours.
  public var isSingleInk: Bool { ink != nil }

  /// The opacity mask and the colour of an image whose visible pixels all share one colour
  /// (to within the rounding of premultiplied alpha), or nil.
  static func singleInk(_ image: OpaquePointer) -> (OpaquePointer, Color)? {
    guard cairo_image_surface_get_format(image) == CAIRO_FORMAT_ARGB32 else { return nil }
    cairo_surface_flush(image)
    let width = Int(cairo_image_surface_get_width(image))
    let height = Int(cairo_image_surface_get_height(image))
    let stride = Int(cairo_image_surface_get_stride(image))
    guard width > 0, height > 0, let data = cairo_image_surface_get_data(image) else { return nil }
    // Native-endian words: alpha in the top byte, then premultiplied red, green, blue.
    let pixels = (0..<height).flatMap { y in
      UnsafeBufferPointer(start: UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self), count: width)
    }
    func channels(_ p: UInt32) -> (a: Int, r: Int, g: Int, b: Int) {
      (Int(p >> 24), Int(p >> 16 & 0xff), Int(p >> 8 & 0xff), Int(p & 0xff))
    }
    // The colour, read from the most opaque pixel (the least rounding), then checked on all.
    let densest = channels(pixels.max { $0 >> 24 < $1 >> 24 }!)
    guard densest.a >= 64 else { return nil }  // too faint to know the colour exactly
    func straight(_ c: Int) -> Int { (c * 255 + densest.a / 2) / densest.a }
    let ink = (r: straight(densest.r), g: straight(densest.g), b: straight(densest.b))
    func matches(_ c: Int, _ value: Int, _ a: Int) -> Bool { abs(c - (value * a + 127) / 255) <= 1 }
    for p in pixels {
      let c = channels(p)
      guard matches(c.r, ink.r, c.a), matches(c.g, ink.g, c.a), matches(c.b, ink.b, c.a) else { return nil }
    }
    let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height))!
    guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let out = cairo_image_surface_get_data(mask) else {
      cairo_surface_destroy(mask)
      return nil
    }
    let maskStride = Int(cairo_image_surface_get_stride(mask))
    for (i, p) in pixels.enumerated() { out[i / width * maskStride + i % width] = UInt8(p >> 24) }
    cairo_surface_mark_dirty(mask)
    return (mask, Color(red: Double(ink.r) / 255, green: Double(ink.g) / 255, blue: Double(ink.b) / 255))
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
