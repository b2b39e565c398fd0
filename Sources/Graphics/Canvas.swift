import CPangoCairo

/// Draws onto one page of a surface. Borrows the writer's `cairo_t` and its Cairo fonts and
/// images for the duration of a page callback; it owns nothing and must not outlive the
/// callback. Only Cairo: text comes as glyph runs, shaped before.
public struct Canvas {
  let cr: OpaquePointer  // cairo_t*, borrowed
  let resources: CairoResources

  /// Strokes many segments as one path: one drawing operation instead of one per segment,
  /// which keeps Cairo's per-page analysis (a region union per operation) cheap.
  public func strokeLines(_ segments: [(Point, Point)], width: Double, color: Color = .black, opacity: Double = 1) {
    guard !segments.isEmpty else { return }
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, opacity)
    cairo_set_line_width(cr, width)
    for (a, b) in segments {
      cairo_move_to(cr, a.x, a.y)
      cairo_line_to(cr, b.x, b.y)
    }
    cairo_stroke(cr)
  }

  public func fill(_ rect: Rect, color: Color, opacity: Double = 1) {
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, opacity)
    cairo_rectangle(cr, rect.minX, rect.minY, rect.size.width, rect.size.height)
    cairo_fill(cr)
  }

  /// Draws a picture scaled into `rect`, keeping its transparency.
  public func draw(_ picture: Picture, in rect: Rect, opacity: Double = 1) {
    cairo_save(cr)
    cairo_translate(cr, rect.minX, rect.minY)
    cairo_scale(cr, rect.size.width / Double(picture.pixelWidth), rect.size.height / Double(picture.pixelHeight))
    let surface = resources.surface(picture)
    if let ink = picture.ink {
      cairo_set_source_rgba(cr, ink.red, ink.green, ink.blue, opacity)
      cairo_mask_surface(cr, surface, 0, 0)
    } else {
      cairo_set_source_surface(cr, surface, 0, 0)
      cairo_paint_with_alpha(cr, opacity)
    }
    cairo_restore(cr)
  }

  /// Draws `body` moved and turned by `transform` (a watermark, a turned seal).
  public func transformed(_ transform: Transform, _ body: (Canvas) -> Void) {
    cairo_save(cr)
    cairo_translate(cr, transform.origin.x, transform.origin.y)
    if transform.angle != 0 { cairo_rotate(cr, transform.angle * .pi / 180) }
    body(self)
    cairo_restore(cr)
  }
}
