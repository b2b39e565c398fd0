import Graphics
import Yams

/// `extends: <layout>`: a layout written as what differs from the layout it is
/// based on, so a change to the common form is made once.
extension LayoutParser {
  /// The layout `extends:` names, parsed on its own (its mistakes blamed on its own file), its
  /// blocks marked with that file so a problem in one is blamed there too.
  func baseLayout(_ node: Node) throws(LayoutError) -> LayoutDescription {
    guard let name = node.string, !name.isEmpty, !name.contains("/"), !name.contains(".."), !name.hasSuffix(".yaml")
    else {
      throw LayoutError(
        file: file, line: node.line, message: "extends names a layout file in the same folder, without .yaml")
    }
    guard let bases, let (baseFile, text) = bases(name) else {
      throw LayoutError(file: file, line: node.line, message: "extends: no layout file '\(name).yaml' to extend")
    }
    guard !extending.contains(baseFile), baseFile != file else {
      throw LayoutError(
        file: file, line: node.line,
        message: "extends goes round in a circle: \((extending + [file, baseFile]).joined(separator: " → "))")
    }
    var parser = self
    parser.file = baseFile
    parser.extending = extending + [file]
    var base = try parser.parse(text)
    func mark(_ blocks: inout [Block]) {
      for i in blocks.indices {
        if blocks[i].file == nil { blocks[i].file = baseFile }
        switch blocks[i].kind {
        case .group(var inner):
          mark(&inner)
          blocks[i].kind = .group(inner)
        case .each(var e):
          mark(&e.blocks)
          blocks[i].kind = .each(e)
        default: break
        }
      }
    }
    mark(&base.header)
    mark(&base.footer)
    mark(&base.body)
    if var h = base.firstPageHeader { mark(&h); base.firstPageHeader = h }
    if var f = base.firstPageFooter { mark(&f); base.firstPageFooter = f }
    for i in base.checks.indices where base.checks[i].file == nil { base.checks[i].file = baseFile }
    return base
  }

  /// `replace: { id: block or [blocks] }` ([] removes), `remove: [ids]`, `insertAfter: { id: [blocks] }`,
  /// applied to the header, footer and body, inside groups and `each:` too. An id that is not
  /// there is refused, naming the ids there are.
  func editBlocks(
    _ layout: inout LayoutDescription, _ top: inout YAMLFields, styles: [String: TextStyle], extending: Bool
  )
    throws(LayoutError)
  {
    var edits: [(id: String, node: Node, blocks: [Block], keep: Bool)] = []
    func idsAndBlocks(_ node: Node?, what: String, keep: Bool) throws(LayoutError) {
      guard let node else { return }
      guard case .mapping(let mapping) = node else {
        throw LayoutError(file: file, line: node.line, message: "\(what) maps block ids to blocks")
      }
      for (k, v) in mapping {
        guard let id = k.string else { throw LayoutError(file: file, line: k.line, message: "an id is a name") }
        let replacement: [Block]
        if case .sequence = v {
          replacement = try blocks(v, styles: styles)
        } else {
          replacement = [try block(v, styles: styles)]
        }
        edits.append((id, k, replacement, keep))
      }
    }
    try idsAndBlocks(top.take("replace"), what: "replace", keep: false)
    try idsAndBlocks(top.take("insertAfter"), what: "insertAfter", keep: true)
    if let remove = top.take("remove") {
      guard case .sequence(let seq) = remove else {
        throw LayoutError(file: file, line: remove.line, message: "remove is a list of block ids")
      }
      for n in seq {
        guard let id = n.string else { throw LayoutError(file: file, line: n.line, message: "an id is a name") }
        edits.append((id, n, [], false))
      }
    }
    if !edits.isEmpty && !extending {
      throw LayoutError(
        file: file, line: edits[0].node.line, message: "replace, remove and insertAfter go with extends:")
    }
    for edit in edits {
      var found = 0
      func apply(_ blocks: inout [Block]) {
        var i = 0
        while i < blocks.count {
          switch blocks[i].kind {
          case .group(var inner):
            apply(&inner)
            blocks[i].kind = .group(inner)
          case .each(var e):
            apply(&e.blocks)
            blocks[i].kind = .each(e)
          default: break
          }
          if blocks[i].id == edit.id {
            found += 1
            let kept = edit.keep ? [blocks[i]] : []
            blocks.replaceSubrange(i...i, with: kept + edit.blocks)
            i += kept.count + edit.blocks.count
          } else {
            i += 1
          }
        }
      }
      apply(&layout.header)
      apply(&layout.footer)
      apply(&layout.body)
      if var h = layout.firstPageHeader { apply(&h); layout.firstPageHeader = h }
      if var f = layout.firstPageFooter { apply(&f); layout.firstPageFooter = f }
      guard found == 1 else {
        let ids = Self.ids(layout)
        throw LayoutError(
          file: file, line: edit.node.line,
          message: found == 0
            ? "no block with id '\(edit.id)'\(Suggestion.didYouMean(edit.id, among: ids)) (ids: \(ids.joined(separator: ", ")))"
            : "\(found) blocks have id '\(edit.id)': an id names one block")
      }
    }
  }

  /// The ids of a layout's blocks, for messages.
  static func ids(_ layout: LayoutDescription) -> [String] {
    func walk(_ blocks: [Block]) -> [String] {
      blocks.flatMap { b -> [String] in
        var ids = b.id.map { [$0] } ?? []
        switch b.kind {
        case .group(let inner): ids += walk(inner)
        case .each(let e): ids += walk(e.blocks)
        default: break
        }
        return ids
      }
    }
    return walk(
      layout.header + layout.footer + (layout.firstPageHeader ?? []) + (layout.firstPageFooter ?? []) + layout.body)
  }
}
