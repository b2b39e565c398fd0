/// The preview's page, style sheet and script: the files in `Preview/Assets/`, compiled into
/// the binary by SwiftPM (`embedInCode`), so the preview needs no file beside it and loads
/// nothing from elsewhere. The script renders the data as the user types (debounced, a stale
/// answer never shown over a newer one), lists the problems and finds each one's JSON path in
/// the text, and long-polls `/api/layouts` to re-render when a layout file is saved.
enum PreviewAssets {
  static let html = String(decoding: PackageResources.index_html, as: UTF8.self)
  static let css = String(decoding: PackageResources.preview_css, as: UTF8.self)
  static let javaScript = String(decoding: PackageResources.preview_js, as: UTF8.self)
}
