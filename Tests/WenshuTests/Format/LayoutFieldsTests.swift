import Testing

@testable import WenshuLayout

/// `print --help` lists the data fields a layout reads: every template of every block, found
/// by the one walk the variable check and page numbering share.
@Suite("The fields a layout reads")
struct LayoutFieldsTests {
  @Test("a QR code's caption, a table's head, foot and per-page rows and the first page's header are read")
  func everyTemplateCounts() throws {
    let layout = try Engine.parse(
      Engine.layout(
        """
          - qr: { value: "{qrText}", size: 30mm, caption: "{qrCaption}" }
          - table:
              rows: members
              columns:
                - { header: 姓名, value: "{name}", width: 1 }
              head:
                - - "{headText}"
              foot:
                - - "{footText}"
              pageFoot:
                - - "{pageFootText}"
        """,
        extra: "firstPageHeader:\n  - text: \"{firstHeader}\"\nwatermark: { text: \"{mark}\" }"))
    let fields = LayoutFields.topLevel(layout)
    for expected in ["qrText", "qrCaption", "members", "headText", "footText", "pageFootText", "firstHeader", "mark"] {
      #expect(fields.contains(expected), "\(expected) missing from \(fields)")
    }
    #expect(!fields.contains("name"), "a row's field is not a top-level field: \(fields)")
  }
}
