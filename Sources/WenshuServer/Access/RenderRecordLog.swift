import Logging
import WenshuDocuments

/// The record of what was printed, by whom: one log line per document (a batch's each with
/// its `item`), with the key's id, the document, its office and number, its pages and the
/// SHA-256 of the file sent, so an office can answer "who printed this notice, when" and
/// match a copy to the line. Never a name or ID number: the number is the one the layout
/// declares as its `reference`, and the data's text is quoted so it cannot forge a field.
enum RenderRecordLog {
  static func write(_ file: RenderedFile, document: String, key: APIKey?, logger: Logger) {
    let digest = SHA256.hex(file.bytes)
    for (i, record) in file.records.enumerated() {
      var metadata: Logger.Metadata = [
        "key": .string(key?.id ?? "-"), "document": .string(document),
        "office": .string(record.office.map(json) ?? "-"), "reference": .string(record.reference.map(json) ?? "-"),
        "pages": .stringConvertible(record.pages), "sha256": .string(digest),
      ]
      if file.records.count > 1 { metadata["item"] = .stringConvertible(i + 1) }
      logger.info("render", metadata: metadata)
    }
  }
}
