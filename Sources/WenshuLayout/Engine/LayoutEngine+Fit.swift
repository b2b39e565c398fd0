/// A layout that must fit its pages (`pages: 1` for a form): content that would spill is
/// refused, naming the block that crosses the last allowed page's foot and by how much.
extension LayoutEngine {
  /// The problem to report for a document counted at `pages` pages when at most `most` are
  /// allowed: the body stacked on one tall page, the slice that crosses the room of `most`
  /// pages and the height past it. On one page that is exactly the overflow; over several it
  /// is at least that (what a page break leaves empty at a page's foot comes on top).
  func fit(
    _ most: Int, root: Scope, pages: Int, _ cancellation: RenderCancellation?
  ) throws(RenderFailure) -> DataProblem? {
    // The count reported every problem of the data already.
    let quiet = TemplateFiller(file: layout.file, formatters: formatters, fonts: fonts, problems: ProblemLog())
    let frame = try PageFrame(layout: layout, engine: self, filler: quiet, measureOnly: true, root: root)
    let room = frame.first.bodyHeight + Double(most - 1) * frame.rest.bodyHeight
    let body = root.with("pages", .number(String(pages)))
    var y = 0.0
    var crossing: (origin: SliceOrigin?, at: Double)?
    let slices = BodySlices(layout.body, from: .start, cancellation: cancellation) {
      frame.blocks.slices($0, body, from: $1)
    }
    for slice in slices {
      if slice.kind == .space && y == 0 { continue }
      if slice.kind == .pageBreak, crossing == nil, most == 1 { crossing = (slice.origin, y) }
      y += slice.height
      if crossing == nil, y > room + 0.001 { crossing = (slice.origin, y - slice.height) }
    }
    let over = max(y - room, 0)
    let mm = BlockLayout.millimetres(over)
    let limit = most == 1 ? "1 页" : "\(most) 页"
    let message =
      "版面限定 \(limit)，内容超出 \(over > 0 ? mm : "?") mm，需 \(pages) 页 (pages: \(most): the content is \(most == 1 ? "" : "at least ")\(mm) mm too tall and would take \(pages) pages)"
    guard let origin = crossing?.origin else {
      return DataProblem(path: "\(layout.file):1", message: message)
    }
    return origin.problem("此处起超出页面：" + message)
  }
}
