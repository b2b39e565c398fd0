import CPangoCairo

extension Picture {
  /// The picture as a PNG file, its transparency kept (a single-ink seal in its colour), for a
  /// writer that stores images as files (OFD's multimedia resources). The same picture gives
  /// the same bytes.
  public func png() throws(RenderError) -> [UInt8] {
    let pixels = CairoPixels.surface(self)
    defer { cairo_surface_destroy(pixels) }
    var surface = pixels
    var painted: OpaquePointer?
    defer { if let painted { cairo_surface_destroy(painted) } }
    if let ink {
      // An ink picture is an opacity mask: paint its colour through it.
      let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))!
      painted = argb
      let cr = cairo_create(argb)!
      cairo_set_source_rgb(cr, ink.red, ink.green, ink.blue)
      cairo_mask_surface(cr, pixels, 0, 0)
      cairo_destroy(cr)
      surface = argb
    }
    let sink = ByteSink()
    try check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.opaque), "PNG output failed")
    return sink.bytes
  }
}
