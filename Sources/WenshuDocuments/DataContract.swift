import WenshuLayout

/// The contract a caller builds on: which layouts a document has, which offices each serves,
/// and the JSON Schema of each layout's data, saying exactly what `DocumentRenderer` accepts.
extension DocumentCatalog {
  /// The offices whose data this layout prints: those it names, or, for a layout for any
  /// office, every profile without a layout of its own for this document and variant — and
  /// of those, the ones whose profile has every field the layout reads (Henan's has no
  /// receiving account, so no payment notice).
  public func offices(servedBy layout: LayoutDescription) -> [String] {
    let reads = SchemaPathCheck.suppliedReads(of: layout, types: DomainTypes.all)
    return offices.keys.sorted().filter { id in
      guard self.layout(document: layout.document, office: id, variant: layout.variant)?.file == layout.file else {
        return false
      }
      return reads.allSatisfy { path in
        // The path starts at the profile's field (`office`), whose value is the profile as it is
        // printed: with its `id` (`$office.id`), which every profile has.
        guard case .key(let field)? = path.components.first, case .object(var profile)? = offices[id] else {
          return false
        }
        profile["id"] = .string(id)
        var value = DataValue.object([field: .object(profile)])
        for c in path.components {
          switch c {
          case .key(let k):
            guard let next = value[k] else { return false }
            value = next
          case .index(let i):
            guard case .array(let items) = value, i < items.count else { return false }
            value = items[i]
          }
        }
        return value != .null
      }
    }
  }

  /// The value types with `profile` as the enum of the office ids `layout` serves.
  func types(for layout: LayoutDescription) -> [ValueType] {
    let ids = DataValue.object(["enum": .strings(offices(servedBy: layout))])
    var schema = ids
    if allowsOfficeOverrides {
      // Overrides allowed: an object naming the office and the profile's fields it replaces.
      schema = .object([
        "anyOf": .array([
          ids,
          .object(["type": .string("object"), "required": .strings(["id"]), "properties": .object(["id": ids])]),
        ])
      ])
    }
    let profile = ValueType(
      "profile", summary: "the office's profile id; the server fills in its name, account, contacts and signer",
      jsonSchema: JSONWriter.write(schema, pretty: false), suppliedByServer: true
    ) { _ in nil }
    return DomainTypes.all + [profile]
  }

  /// The schema of one layout's data, with `$schema`.
  func schema(of layout: LayoutDescription) -> DataValue {
    JSONSchemaWriter.schema(
      for: layout, types: types(for: layout), title: layout.schemaTitle, properties: [layout.variantProperty])
  }

  /// The schema of one layout's data, to embed (no `$schema`).
  public func dataSchema(of layout: LayoutDescription) -> DataValue {
    JSONSchemaWriter.dataSchema(
      for: layout, types: types(for: layout), title: layout.schemaTitle, properties: [layout.variantProperty])
  }

  /// The schema `GET /v1/documents/{document}/schema?variant=&office=` and `wenshu schema`
  /// serve: one layout's when a variant or an office is given, else the document's, which
  /// is exactly one of its layouts' (told apart by `variant` and `office`).
  public func schema(document: String, variant: String?, office: String?) throws(NoSuchLayout) -> DataValue {
    guard let all = layouts[document] else {
      throw NoSuchLayout("unknown document '\(document)' (documents: \(documents.joined(separator: ", ")))")
    }
    if variant == nil && office == nil { return documentSchema(document) }
    let variant = variant ?? "default"
    if let office, offices[office] == nil {
      throw NoSuchLayout("unknown office '\(office)' (profiles: \(offices.keys.sorted().joined(separator: ", ")))")
    }
    guard let layout = self.layout(document: document, office: office, variant: variant),
      office.map({ offices(servedBy: layout).contains($0) }) ?? true
    else {
      let known = all.map { "\($0.variant) (\(offices(servedBy: $0).joined(separator: ", ")))" }
      throw NoSuchLayout(
        "no layout of '\(document)' for office \(office ?? "-") and variant \(variant) (layouts: \(known.joined(separator: "; ")))"
      )
    }
    return schema(of: layout)
  }

  /// One of the document's layouts' schemas.
  public func documentSchema(_ document: String) -> DataValue {
    let all = layouts[document] ?? []
    if all.count == 1 { return schema(of: all[0]) }
    let variants = Array(Set(all.map(\.variant))).sorted { ($0 == "default" ? "" : $0) < ($1 == "default" ? "" : $1) }
    let served = Array(Set(all.flatMap { offices(servedBy: $0) })).sorted()
    return .object([
      "$schema": .string(JSONSchemaWriter.dialect),
      "title": .string(document),
      "description": .string(
        "The data of one of the document's layouts: `variant` (default when absent) and `office` choose it. "
          + all.map(\.summary).joined(separator: " | ")),
      "type": .string("object"),
      "properties": .object([
        "variant": .object(["enum": .strings(variants)]), "office": .object(["enum": .strings(served)]),
      ]),
      "oneOf": .array(all.map(dataSchema(of:))),
    ])
  }

  /// What `GET /v1/documents` lists: each document with its layouts, their offices and titles.
  public var summaries: [DocumentSummary] {
    documents.map { name in
      let all = layouts[name]!
      let main = all.first { $0.variant == "default" && $0.offices.isEmpty } ?? all[0]
      return DocumentSummary(
        document: name, title: main.summary,
        variants: Array(Set(all.map(\.variant))).sorted(),
        offices: Array(Set(all.flatMap { offices(servedBy: $0) })).sorted(),
        layouts: all.map { layout in
          let served = offices(servedBy: layout)
          var query = "variant=\(layout.variant)"
          if !layout.offices.isEmpty, let first = served.first { query += "&office=\(first)" }
          return DocumentSummary.Layout(
            variant: layout.variant, title: layout.summary, offices: served,
            schema: "/v1/documents/\(name)/schema?\(query)")
        })
    }
  }
}

/// A document as `GET /v1/documents` lists it.
public struct DocumentSummary: Codable, Sendable, Equatable {
  public var document: String
  /// The summary of its main layout.
  public var title: String
  public var variants: [String]
  public var offices: [String]
  public var layouts: [Layout]

  public struct Layout: Codable, Sendable, Equatable {
    public var variant: String
    public var title: String
    /// The office ids whose data this layout prints.
    public var offices: [String]
    /// Where its JSON Schema is served.
    public var schema: String
  }
}

/// A schema asked for a document, office or variant Wenshu does not have.
public struct NoSuchLayout: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
