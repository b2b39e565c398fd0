import CPangoCairo

/// A page drawn into pixels, for PNG previews, and PNG files read back for comparisons.
/// Pixels are 8-bit grey, row by row, no padding.
public struct RasterImage: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public var pixels: [UInt8]

  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Draws a page of `size` points at `dpi` on white and returns it as PNG bytes.
  public static func png(size: Size, dpi: Double, _ draw: (Canvas) -> Void) throws(RenderError) -> [UInt8] {
    let scale = dpi / 72
    let width = Int32((size.width * scale).rounded(.up))
    let height = Int32((size.height * scale).rounded(.up))
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)!
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)!
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    draw(Canvas(cr: cr, resources: CairoResources()))
    cairo_surface_flush(surface)
    let sink = ByteSink()
    try check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.opaque), "PNG output failed")
    return sink.bytes
  }

  /// Reads a PNG file as grey pixels (the mean of red, green and blue).
  public init(pngFile path: String) throws(RenderError) {
    let surface = cairo_image_surface_create_from_png(path)!
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "cannot read PNG \(path)")
    let w = Int(cairo_image_surface_get_width(surface))
    let h = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    var pixels = [UInt8](repeating: 0, count: w * h)
    for y in 0..<h {
      let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { $0 }
      for x in 0..<w {
        let p = row[x]
        pixels[y * w + x] = UInt8((((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3)
      }
    }
    self.init(width: w, height: h, pixels: pixels)
  }

  /// Writes the grey pixels as a PNG file.
  public func writePNG(to path: String) throws(RenderError) {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
    defer { cairo_surface_destroy(surface) }
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    for y in 0..<height {
      let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
      for x in 0..<width {
        let g = UInt32(pixels[y * width + x])
        row[x] = (g << 16) | (g << 8) | g
      }
    }
    cairo_surface_mark_dirty(surface)
    try check(cairo_surface_write_to_png(surface, path), "cannot write PNG \(path)")
  }
}
