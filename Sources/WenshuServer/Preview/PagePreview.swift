import Foundation
import WenshuDocuments
import WenshuLayout

/// One page of a document from the data being edited, drawn as the service's `?format=png`
/// draws it, from the document `kept` when the data and layouts are those it was prepared
/// from (a page turn). A page past the end shows the last one (the data got shorter).
enum PagePreview {
  static func answer(
    document: String, json: [UInt8], page: Int, dpi: Double, generation: Int, state: LiveLayouts.State,
    kept: inout KeptDocument.Slot, cancellation: RenderCancellation? = nil
  ) -> PreviewAnswer {
    var answer = PreviewAnswer(generation: generation)
    guard case .ready(let renderer) = state else {
      if case .broken(let error) = state { answer.layoutError = LayoutErrorBody(error) }
      return answer
    }
    // Dropped by the page while it waited for the queue: nobody reads the answer.
    if cancellation?.isCancelled == true {
      answer.detail = "cancelled"
      return answer
    }
    var wanted = page
    while true {
      do {
        let prepared = try KeptDocument.prepared(
          &kept, renderer: renderer, generation: generation, document: document, json: json,
          cancellation: cancellation)
        let file = try renderer.pngPage(
          prepared, document: document, number: wanted, dpi: dpi, cancellation: cancellation)
        answer.pages = file.pages
        answer.page = wanted
        answer.png = file.bytes.base64
        answer.warnings = file.warnings.first.map(ProblemItem.init)
        answer.warningCount = file.warnings.total
        return answer
      } catch .noSuchPage(_, let pages) where pages >= 1 && wanted != pages {
        wanted = pages
      } catch .render(.data(let problems)) {
        let list = ProblemList(problems)
        answer.problems = list.first.map(ProblemItem.init)
        answer.problemCount = list.total
        return answer
      } catch .render(.malformed(let message)) {
        do { _ = try JSONReader.parse(json) } catch {
          answer.syntaxError = .init(line: error.line, column: error.column, message: error.message)
          return answer
        }
        answer.detail = message
        return answer
      } catch .render(.layout(let error)) {
        answer.layoutError = LayoutErrorBody(error)
        return answer
      } catch {
        answer.detail = Problem.from(error).detail
        return answer
      }
    }
  }
}

extension [UInt8] {
  var base64: String { Data(self).base64EncodedString() }
}
