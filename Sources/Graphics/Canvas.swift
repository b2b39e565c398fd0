import CPangoCairo

/// Draws onto one page of a surface. Borrows the writer's `cairo_t` for the duration of a
/// page callback; it owns nothing and must not outlive the callback.
public struct Canvas {
  let cr: OpaquePointer  // cairo_t*, borrowed

  public func draw(_ text: TextBlock, at origin: Point) {
    cairo_set_source_rgb(cr, text.color.red, text.color.green, text.color.blue)
    cairo_move_to(cr, origin.x, origin.y)
    text.pango { pango_cairo_show_layout(cr, text.layout) }
  }

  /// Strokes many segments as one path: one drawing operation instead of one per segment,
  /// which keeps Cairo's per-page analysis (a region union per operation) cheap.
  public func strokeLines(_ segments: [(Point, Point)], width: Double, color: Color = .black) {
    guard !segments.isEmpty else { return }
    cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    cairo_set_line_width(cr, width)
    for (a, b) in segments {
      cairo_move_to(cr, a.x, a.y)
      cairo_line_to(cr, b.x, b.y)
    }
    cairo_stroke(cr)
  }

  public func fill(_ rect: Rect, color: Color) {
    cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    cairo_rectangle(cr, rect.minX, rect.minY, rect.size.width, rect.size.height)
    cairo_fill(cr)
  }

  /// Draws a picture scaled into `rect`, keeping its transparency.
  public func draw(_ picture: Picture, in rect: Rect) {
    cairo_save(cr)
    cairo_translate(cr, rect.minX, rect.minY)
    cairo_scale(cr, rect.size.width / Double(picture.pixelWidth), rect.size.height / Double(picture.pixelHeight))
    if let ink = picture.ink {
      cairo_set_source_rgb(cr, ink.red, ink.green, ink.blue)
      cairo_mask_surface(cr, picture.surface, 0, 0)
    } else {
      cairo_set_source_surface(cr, picture.surface, 0, 0)
      cairo_paint(cr)
    }
    cairo_restore(cr)
  }

  /// Draws text turned by `angle` degrees about `center`, in `color` at `opacity` (watermarks).
  public func draw(_ text: TextBlock, center: Point, angle: Double, color: Color, opacity: Double) {
    cairo_save(cr)
    cairo_translate(cr, center.x, center.y)
    cairo_rotate(cr, angle * .pi / 180)
    cairo_move_to(cr, -text.size.width / 2, -text.size.height / 2)
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, opacity)
    text.pango { pango_cairo_show_layout(cr, text.layout) }
    cairo_restore(cr)
  }
}
