import CPangoCairo

/// Writes pages into a PDF held in memory, through Cairo's PDF surface. Cairo embeds and
/// subsets the fonts once per document. Owns its surface and context, and the Cairo fonts and
/// images it makes from the pages' faces and pictures.
public final class PDFWriter {
  private let sink = ByteSink()
  private let surface: OpaquePointer  // cairo_surface_t*, owned
  private let cr: OpaquePointer  // cairo_t*, owned
  private let resources = CairoResources()
  private var pageCount = 0
  private var finished = false

  public init(info metadata: DocumentInfo) {
    surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, 595, 842)!
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    let fields: [(cairo_pdf_metadata_t, String)] = [
      (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
      (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
      (CAIRO_PDF_METADATA_CREATE_DATE, metadata.created), (CAIRO_PDF_METADATA_MOD_DATE, metadata.created),
    ]
    for (key, value) in fields { cairo_pdf_surface_set_metadata(surface, key, value) }
    cr = cairo_create(surface)!
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)  // before `resources`, whose fonts and images it may still hold
  }

  /// Adds a page of `size` points and lets `draw` paint it.
  public func addPage(size: Size, _ draw: (Canvas) throws -> Void) rethrows {
    precondition(!finished, "page added after finish()")
    if pageCount > 0 { cairo_show_page(cr) }
    cairo_pdf_surface_set_size(surface, size.width, size.height)
    pageCount += 1
    try draw(Canvas(cr: cr, resources: resources))
  }

  /// Closes the document and returns its bytes.
  public func finish() throws(RenderError) -> [UInt8] {
    precondition(!finished, "finish() called twice")
    finished = true
    if pageCount > 0 { cairo_show_page(cr) }
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "PDF output failed")
    return sink.bytes
  }
}
