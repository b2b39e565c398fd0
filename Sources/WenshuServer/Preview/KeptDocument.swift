import WenshuDocuments
import WenshuLayout

/// The document the preview prepared last, kept for the page turns that follow: a turn posts
/// the same data again, and parsing it, checking it and counting its pages was most of what a
/// turn cost (a 5,000-member list: about 2 s a turn, for a page laid out in milliseconds).
/// It answers only for the same document, the same bytes of data and the same layouts (their
/// generation, which every reload of `Layouts/` advances); anything else prepares anew.
struct KeptDocument {
  let generation: Int
  let document: String
  let json: [UInt8]
  let prepared: PreparedDocument

  /// The kept document, and how many documents were prepared in all (a test tells a page
  /// turn from a new preparation by it).
  struct Slot {
    var document: KeptDocument?
    var preparations = 0
  }

  /// The document prepared from `json`, from the slot when it is the same; otherwise the slot
  /// gets the one prepared now, and is emptied when preparing fails (the data has problems).
  static func prepared(
    _ slot: inout Slot, renderer: DocumentRenderer, generation: Int, document: String, json: [UInt8],
    cancellation: RenderCancellation?
  ) throws(OutputFailure) -> PreparedDocument {
    if let kept = slot.document, kept.generation == generation, kept.document == document, kept.json == json {
      return kept.prepared
    }
    slot.document = nil  // its data is not needed any more: freed before the new data is read
    slot.preparations += 1
    let prepared = try renderer.prepare(document: document, json: json, cancellation: cancellation)
    slot.document = KeptDocument(generation: generation, document: document, json: json, prepared: prepared)
    return prepared
  }
}
