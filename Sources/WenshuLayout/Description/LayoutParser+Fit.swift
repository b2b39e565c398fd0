import Yams

extension LayoutParser {
  /// `pages: N`: the most pages the document may take.
  func maxPages(_ node: Node) throws(LayoutError) -> Int {
    guard let n = node.int, n >= 1 else {
      throw LayoutError(
        file: file, line: node.line, message: "pages is the most pages the document may take: a whole number from 1")
    }
    return n
  }
}
