import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An OFD file opened for the tests: its entries by path, each XML part parsed into elements.
struct OFDPackage {
  let entries: [String: [UInt8]]
  /// Entry paths in the order they are stored.
  let order: [String]

  init(_ bytes: [UInt8]) throws {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var entries: [String: [UInt8]] = [:]
    var order: [String] = []
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      entries[entry.path] = [UInt8](data)
      order.append(entry.path)
    }
    self.entries = entries
    self.order = order
  }

  func xml(_ path: String) throws -> XMLElementNode {
    guard let bytes = entries[path] else { throw OFDPackageError("no entry \(path) in the package") }
    return try XMLElementNode.parse(bytes, name: path)
  }

  /// The pages' Content.xml paths, in the order Document.xml lists them.
  func pagePaths() throws -> [String] {
    try xml("Doc_0/Document.xml").child("Pages")?.children.compactMap { $0.attributes["BaseLoc"] }
      .map { "Doc_0/" + $0 } ?? []
  }

  /// Each page's text: its TextCodes' characters in order.
  func pageTexts() throws -> [String] {
    try pagePaths().map { path in try xml(path).all("TextCode").map(\.text).joined() }
  }
}

struct OFDPackageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// An XML element: its local name (the `ofd:` prefix dropped, the namespace checked), attributes,
/// child elements and text.
final class XMLElementNode {
  let name: String
  let namespace: String?
  var attributes: [String: String]
  var children: [XMLElementNode] = []
  var text = ""

  init(name: String, namespace: String?, attributes: [String: String]) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
  }

  func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

  /// Every element called `name` at any depth, in document order.
  func all(_ name: String) -> [XMLElementNode] {
    (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
  }

  static func parse(_ bytes: [UInt8], name: String) throws -> XMLElementNode {
    let parser = XMLParser(data: Data(bytes))
    let builder = Builder()
    parser.delegate = builder
    parser.shouldProcessNamespaces = true
    guard parser.parse(), let root = builder.root else {
      throw OFDPackageError("\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
    }
    return root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLElementNode?
    var stack: [XMLElementNode] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let node = XMLElementNode(name: elementName, namespace: namespaceURI, attributes: attributes)
      stack.last?.children.append(node)
      if root == nil { root = node }
      stack.append(node)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
  }
}
