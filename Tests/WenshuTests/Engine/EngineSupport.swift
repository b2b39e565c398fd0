import Foundation
import Graphics
import Testing
import WenshuDocuments

@testable import WenshuLayout

/// Small layouts laid out to pages of items, asserted without drawing anything.
enum Engine {
  nonisolated(unsafe) private static var shared: FontLibrary?
  private static let lock = NSLock()

  /// One font library for the engine tests (Pango is used by one thread at a time).
  static func withFonts<T>(_ body: (FontLibrary) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if shared == nil {
      shared = try FontLibrary(configPath: Fixtures.home.fontConfig.path, cacheDirectory: Fixtures.home.fontCache.path)
    }
    return try body(shared!)
  }

  static func parse(_ yaml: String) throws -> LayoutDescription {
    try DocumentLayouts.parser(
      file: "test.yaml", imagesFolder: Fixtures.root.appendingPathComponent("Layouts/images").path
    ).parse(yaml)
  }

  /// The pages of `yaml` laid out with `json`.
  static func pages(_ yaml: String, _ json: String = "{}") throws -> [Page] {
    let layout = try parse(yaml)
    let data = try JSONReader.parse(Array(json.utf8))
    return try withFonts { fonts in
      try LayoutEngine(layout: layout, fonts: fonts, formatters: DocumentCatalog.formatters, types: DomainTypes.all)
        .layOut(data).pages
    }
  }

  /// The problems a render reports, or nil when it renders.
  static func problems(_ yaml: String, _ json: String = "{}") throws -> [DataProblem]? {
    do {
      _ = try pages(yaml, json)
      return nil
    } catch let failure as RenderFailure {
      guard case .data(let problems) = failure else { throw failure }
      return problems
    }
  }

  /// A minimal layout around `body` (A5, no running header, a footer with the page number).
  static func layout(_ body: String, extra: String = "") -> String {
    """
    document: test
    metadata: { title: test, created: "2025-01-01" }
    page: { size: A5, margins: [20mm, 15mm, 20mm, 15mm] }
    footer:
      - text: "第 {@page} 页 共 {@pages} 页"
        style: footer
    \(extra)
    body:
    \(body)
    """
  }
}

extension Page {
  /// The text of the page's glyph lines, top to bottom, each line once.
  var lines: [String] {
    var found: [(y: Double, x: Double, text: String)] = []
    func walk(_ items: [PageItem]) {
      for item in items {
        switch item {
        case .glyphs(let line, let at, _): found.append((at.y, at.x, line.text))
        case .group(let g): walk(g.items)
        default: break
        }
      }
    }
    walk(items)
    return found.sorted { ($0.y, $0.x) < ($1.y, $1.x) }.map(\.text)
  }

  var text: String { lines.joined(separator: "\n") }

  /// The lowest point any item reaches.
  var bottom: Double {
    items.reduce(0) { lowest, item in
      switch item {
      case .glyphs(let line, let at, _): max(lowest, at.y + line.height)
      case .rule(let a, let b, _): max(lowest, a.y, b.y)
      case .box(let r, _), .picture(_, let r): max(lowest, r.maxY)
      case .group(let g): max(lowest, g.origin.y)
      }
    }
  }
}
