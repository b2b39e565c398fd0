import WenshuLayout

/// The documents' reading of a layout's selector keys (`DocumentLayouts.selectorKeys`).
extension LayoutDescription {
  /// The offices (profile ids in `Layouts/offices/`) this layout serves; empty for any.
  public var offices: [String] { selectors["offices"] ?? [] }

  /// Which form of the document this is when one office has several (e.g. the Shanghai
  /// 告知书 of a grassroots union and of a district union); `default` otherwise.
  public var variant: String { selectors["variant"]?.first ?? "default" }

  /// The schema's title: the document, and its variant unless the default.
  var schemaTitle: String { document + (variant == "default" ? "" : " (\(variant))") }

  /// The data's `variant` property: constant, required for a variant's layout and optional
  /// (`"default"`) for the default one. It picks the layout and is taken out of the data
  /// before the engine sees it.
  var variantProperty: JSONSchemaWriter.Property {
    JSONSchemaWriter.Property("variant", schema: .object(["const": .string(variant)]), isRequired: variant != "default")
  }
}
