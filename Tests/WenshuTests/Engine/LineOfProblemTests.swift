import Testing
import WenshuLayout

/// A problem found while filling a template names the layout line it is written on, also for
/// the templates outside the pages' blocks: the metadata's and the watermark's.
@Suite("Engine: a problem names its template's line")
struct LineOfProblemTests {
  /// `subject` and the watermark read `note`, which the data may leave out.
  static let yaml = """
    document: test
    metadata:
      title: 标题
      created: "2025-01-01"
      subject: "主题 {note}"
    page: { size: A5 }
    data:
      note: text?
    watermark:
      text: "{note}"
    body:
      - text: 正文
    """

  @Test("an absent field the metadata reads names the metadata key's line")
  func metadata() throws {
    let problems = try #require(
      try Engine.problems(Self.yaml.replacingOccurrences(of: "  text: \"{note}\"", with: "  text: 样本")))
    let missing = try #require(problems.first { $0.path == "note" }, "\(problems)")
    #expect(missing.message.contains("test.yaml:5"), "\(missing.message)")
  }

  @Test("an absent field the watermark reads names the watermark text's line")
  func watermark() throws {
    let problems = try #require(
      try Engine.problems(Self.yaml.replacingOccurrences(of: "subject: \"主题 {note}\"", with: "subject: 主题")))
    let missing = try #require(problems.first { $0.path == "note" }, "\(problems)")
    #expect(missing.message.contains("test.yaml:10"), "\(missing.message)")
  }
}
