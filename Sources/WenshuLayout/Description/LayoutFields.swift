/// The data fields a layout reads, for help texts and schemas.
public enum LayoutFields {
  /// Top-level keys referenced anywhere in the layout, sorted.
  public static func topLevel(_ layout: LayoutDescription) -> [String] {
    var keys = Set<String>()
    func add(_ t: Template) {
      for p in t.fields.flatMap(\.paths) { if case .key(let k)? = p.components.first { keys.insert(k) } }
    }
    func walk(_ blocks: [Block]) {
      for b in blocks {
        b.when?.templates.forEach(add)
        switch b.kind {
        case .text(let e): add(e.template)
        case .fields(let g):
          for item in g.items {
            add(item.label)
            add(item.value)
            item.when?.templates.forEach(add)
          }
        case .table(let t):
          if case .key(let k)? = t.rows?.components.first { keys.insert(k) }
          if t.rows == nil { for column in t.columns { add(column.value) } }
          for column in t.columns { column.when?.templates.forEach(add) }
        case .list(let l):
          switch l.source {
          case .fixed(let ts): ts.forEach(add)
          case .bound(let p, _): if case .key(let k)? = p.components.first { keys.insert(k) }
          }
        case .signatures(let s): s.items.forEach(add)
        case .group(let inner): walk(inner)
        case .each(let e): if case .key(let k)? = e.from.components.first { keys.insert(k) }
        case .qr(let q): add(q.value)
        case .image(let i): if let named = i.named { add(named.template) }
        case .spacer, .pageBreak: break
        }
      }
    }
    walk(layout.header); walk(layout.footer); walk(layout.body)
    [layout.metadata.title, layout.metadata.author, layout.metadata.subject, layout.metadata.created].forEach(add)
    for check in layout.checks {
      // A check run per row reads the row's fields: its array is the top-level field.
      if case .key(let k)? = check.each?.components.first {
        keys.insert(k)
        continue
      }
      add(check.value)
      add(check.equals)
      if case .key(let k)? = check.oneOf?.list.components.first { keys.insert(k) }
      for written in check.rule?.inputs.values.sorted() ?? [] {
        if let p = try? DataPath(parsing: written), case .key(let k)? = p.components.first { keys.insert(k) }
      }
      check.when?.templates.forEach(add)
    }
    return keys.sorted()
  }
}
