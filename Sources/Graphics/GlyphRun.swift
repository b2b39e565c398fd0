import CPangoCairo

/// Glyph lines made ready for Cairo: glyphs, text and clusters in the arrays
/// `cairo_show_text_glyphs` reads, one batch per run of glyphs in one face. Built where the
/// page is laid out, so the thread that writes the PDF only hands arrays to Cairo. Values
/// only: each batch names its face, and the writer's canvas finds the Cairo font for it.
public struct GlyphRun: Sendable {
  struct Batch: Sendable {
    let id: FaceID
    let face: FontFace
    var glyphs: [cairo_glyph_t] = []
    var utf8: [CChar] = []
    var clusters: [cairo_text_cluster_t] = []
  }
  let color: Color
  private(set) var batches: [Batch] = []

  /// `lines`: each glyph line with its top-left corner; `fonts`: the table their faces are in.
  public init(_ lines: [(GlyphLine, Point)], color: Color, fonts: FontTable) {
    self.color = color
    var current: Batch? = nil
    for (line, origin) in lines {
      let baseline = origin.y + line.ascent
      var lineFace = FaceID(-1)
      var text = line.text
      text.withUTF8 { bytes in
        for glyph in line.glyphs {
          if glyph.face != lineFace {
            lineFace = glyph.face
            if current?.id != lineFace {
              if let done = current { batches.append(done) }
              current = Batch(id: lineFace, face: fonts[lineFace])
            }
          }
          current!.glyphs.append(cairo_glyph_t(index: UInt(glyph.index), x: origin.x + glyph.x, y: baseline + glyph.y))
          if glyph.bytes == 0, !current!.clusters.isEmpty {
            current!.clusters[current!.clusters.count - 1].num_glyphs += 1  // a further glyph of a cluster
            continue
          }
          let start = Int(glyph.start)
          for b in bytes[start..<(start + Int(glyph.bytes))] { current!.utf8.append(CChar(bitPattern: b)) }
          current!.clusters.append(cairo_text_cluster_t(num_bytes: glyph.bytes, num_glyphs: 1))
        }
      }
    }
    if let done = current { batches.append(done) }
  }

  public var isEmpty: Bool { batches.isEmpty }
}

extension Canvas {
  /// Draws the run: one `cairo_show_text_glyphs` per batch. The text and clusters map each
  /// glyph back to its character in the PDF.
  public func draw(_ run: GlyphRun, opacity: Double = 1) {
    guard !run.isEmpty else { return }
    cairo_set_source_rgba(cr, run.color.red, run.color.green, run.color.blue, opacity)
    for batch in run.batches {
      cairo_set_scaled_font(cr, resources.scaledFont(batch.face))
      batch.glyphs.withUnsafeBufferPointer { glyphs in
        batch.utf8.withUnsafeBufferPointer { text in
          batch.clusters.withUnsafeBufferPointer { clusters in
            cairo_show_text_glyphs(
              cr, text.baseAddress, Int32(text.count), glyphs.baseAddress, Int32(glyphs.count),
              clusters.baseAddress, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
          }
        }
      }
    }
  }
}
