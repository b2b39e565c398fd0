import Foundation
import NIOCore
import Testing
import WenshuDocuments

@testable import WenshuServer

/// `wenshu preview` keeps the document it prepared for the page turns that follow, and only
/// while the data and the layouts are those it was prepared from.
@Suite("Preview: the kept document", .serialized)
struct PreviewKeptDocumentTests {
  @Test("a page turn reuses the prepared document; edited data or a saved layout prepares it anew")
  func keptUntilDataOrLayoutChanges() async throws {
    let folder = try ServerFixtures.editableHome("preview-kept")
    defer { try? FileManager.default.removeItem(at: folder) }
    let live = try LiveLayouts(home: WenshuHome(root: folder))
    let sample = Array(try ServerFixtures.sample("confirmation", "henan-12").readableBytesView)
    func turn(to page: Int, _ json: [UInt8]) async -> PreviewAnswer {
      await live.withState { generation, state, kept in
        PagePreview.answer(
          document: "confirmation", json: json, page: page, dpi: 40, generation: generation, state: state, kept: &kept)
      }
    }

    let first = await turn(to: 1, sample)
    let second = await turn(to: 2, sample)
    #expect(first.page == 1 && second.page == 2 && second.pages == 2)
    #expect(first.png != nil && second.png != nil && first.png != second.png)
    #expect(live.preparations == 1, "a page turn prepared the document again")

    // The same data as another request's bytes: still a turn. Edited data: prepared anew.
    #expect(await turn(to: 1, Array(sample)).png == first.png)
    #expect(live.preparations == 1)
    let edited = Array(
      String(decoding: sample, as: UTF8.self).replacingOccurrences(of: "第一实验小学", with: "第二实验小学").utf8)
    let renamed = await turn(to: 1, edited)
    #expect(live.preparations == 2)
    #expect(renamed.png != nil && renamed.png != first.png, "the page still shows the data before the edit")

    // A saved layout (its footer reworded) is read again; the page shows it, not the kept document.
    let layout = folder.appendingPathComponent("Layouts/confirmation.yaml")
    let original = try String(contentsOf: layout, encoding: .utf8)
    let footer = "第 {@page} 页  共 {@pages} 页"
    #expect(original.contains(footer))
    try original.replacingOccurrences(of: footer, with: "第 {@page} 页 / 共 {@pages} 页")
      .write(to: layout, atomically: true, encoding: .utf8)
    await live.reload()
    let reworded = await turn(to: 1, edited)
    #expect(live.preparations == 3)
    #expect(reworded.png != nil && reworded.png != renamed.png, "the page still shows the layout before it was saved")
    #expect(await turn(to: 2, edited).png != reworded.png)
    #expect(live.preparations == 3)
  }
}
