import CPangoCairo

/// A PNG image (a seal, a stamp, a logo), decoded once into pixels: plain values that any
/// writer draws, keeping its transparency.
///
/// A picture in one colour of ink (a seal, a stamp: every visible pixel the same colour, only
/// its opacity varying) is kept as an opacity mask and that colour. It draws the same, but a
/// PDF then carries one 8-bit mask instead of RGB plus a mask: a quarter of the image data
/// for Cairo to compress in every document (1.2 → 0.3 ms of an e-bill with a 240 px seal).
public final class Picture: Sendable {
  /// The pixels, row by row from the top, without padding.
  public enum Pixels: Sendable, Equatable {
    /// Opaque: red, green, blue, a byte each.
    case rgb([UInt8])
    /// Red, green, blue premultiplied by alpha, then alpha: a byte each.
    case premultipliedRGBA([UInt8])
    /// One colour of ink, at the opacity of each pixel (a byte each).
    case ink(Color, alpha: [UInt8])
  }
  public let pixelWidth: Int
  public let pixelHeight: Int
  public let pixels: Pixels

  /// The one colour of a single-ink picture.
  public var ink: Color? { if case .ink(let color, _) = pixels { color } else { nil } }

  public init(width: Int, height: Int, pixels: Pixels) {
    pixelWidth = width
    pixelHeight = height
    self.pixels = pixels
  }

  public convenience init(pngFile path: String) throws(RenderError) {
    let image = cairo_image_surface_create_from_png(path)!
    defer { cairo_surface_destroy(image) }
    let status = cairo_surface_status(image)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw RenderError("cannot read PNG \(path): \(String(cString: cairo_status_to_string(status)))")
    }
    let width = Int(cairo_image_surface_get_width(image))
    let height = Int(cairo_image_surface_get_height(image))
    let words = CairoPixels.words(image)
    let pixels: Pixels
    switch cairo_image_surface_get_format(image) {
    case CAIRO_FORMAT_RGB24:
      pixels = .rgb(words.flatMap { [UInt8($0 >> 16 & 0xff), UInt8($0 >> 8 & 0xff), UInt8($0 & 0xff)] })
    case CAIRO_FORMAT_ARGB32:
      if let (alpha, ink) = Self.singleInk(words) {
        pixels = .ink(ink, alpha: alpha)
      } else {
        pixels = .premultipliedRGBA(
          words.flatMap { [UInt8($0 >> 16 & 0xff), UInt8($0 >> 8 & 0xff), UInt8($0 & 0xff), UInt8($0 >> 24)] })
      }
    default:
      throw RenderError("cannot read PNG \(path): an unexpected pixel format")
    }
    self.init(width: width, height: height, pixels: pixels)
  }

  /// The opacities and the colour of an image whose visible pixels all share one colour
  /// (to within the rounding of premultiplied alpha), or nil. `pixels`: Cairo's ARGB32
  /// words, alpha in the top byte, then premultiplied red, green, blue.
  static func singleInk(_ pixels: [UInt32]) -> ([UInt8], Color)? {
    guard !pixels.isEmpty else { return nil }
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
    return (
      pixels.map { UInt8($0 >> 24) },
      Color(red: Double(ink.r) / 255, green: Double(ink.g) / 255, blue: Double(ink.b) / 255)
    )
  }
}

/// Pixels in and out of Cairo's image surfaces.
enum CairoPixels {
  /// An ARGB32 or RGB24 surface's pixels as native-endian words, row by row without padding.
  static func words(_ image: OpaquePointer) -> [UInt32] {
    cairo_surface_flush(image)
    let width = Int(cairo_image_surface_get_width(image))
    let height = Int(cairo_image_surface_get_height(image))
    let stride = Int(cairo_image_surface_get_stride(image))
    guard width > 0, height > 0, let data = cairo_image_surface_get_data(image) else { return [] }
    return (0..<height).flatMap { y in
      UnsafeBufferPointer(start: UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self), count: width)
    }
  }

  /// A new image surface (owned by the caller) holding `picture`'s pixels.
  static func surface(_ picture: Picture) -> OpaquePointer {
    let (w, h) = (picture.pixelWidth, picture.pixelHeight)
    let format: cairo_format_t =
      switch picture.pixels {
      case .rgb: CAIRO_FORMAT_RGB24
      case .premultipliedRGBA: CAIRO_FORMAT_ARGB32
      case .ink: CAIRO_FORMAT_A8
      }
    let surface = cairo_image_surface_create(format, Int32(w), Int32(h))!
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
    else { return surface }
    let stride = Int(cairo_image_surface_get_stride(surface))
    for y in 0..<h {
      let row = UnsafeMutableRawPointer(data + y * stride)
      switch picture.pixels {
      case .rgb(let bytes):
        let words = row.assumingMemoryBound(to: UInt32.self)
        for x in 0..<w {
          let i = (y * w + x) * 3
          words[x] = 0xff00_0000 | UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
        }
      case .premultipliedRGBA(let bytes):
        let words = row.assumingMemoryBound(to: UInt32.self)
        for x in 0..<w {
          let i = (y * w + x) * 4
          words[x] =
            UInt32(bytes[i + 3]) << 24 | UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
        }
      case .ink(_, let alpha):
        let out = row.assumingMemoryBound(to: UInt8.self)
        for x in 0..<w { out[x] = alpha[y * w + x] }
      }
    }
    cairo_surface_mark_dirty(surface)
    return surface
  }
}

/// A QR code's modules, from libqrencode (error correction level M).
public struct QRMatrix: Sendable {
  public let size: Int
  /// Row by row; true for a dark module.
  public let modules: [Bool]
  /// The QR version (1–40): size = 17 + 4 × version.
  public var version: Int { (size - 17) / 4 }

  /// `compact`: runs of digits and of QR's alphanumeric characters (`0–9 A–Z $%*+-./:` and
  /// space, Base45's alphabet) are stored in their denser modes (5.5 bits a character instead
  /// of 8); otherwise every byte in 8-bit mode, as the codes printed so far were.
  public init(text: String, compact: Bool = false) throws(RenderError) {
    let encoded =
      compact
      ? QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) : QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)
    guard let code = encoded else {
      throw RenderError("the text is too long for a QR code (\(text.utf8.count) bytes)")
    }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
  }

  public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
