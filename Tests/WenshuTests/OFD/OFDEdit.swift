import Foundation
import ZIPFoundation

/// Faults put into an OFD on purpose, to see the comparison with the PDF report them: one
/// part of the package rewritten, one text line moved or left out, one object removed.
enum OFDEdit {
  /// The package with `entry` replaced by `edit` of its text; every other entry as it was.
  static func rewriting(_ ofd: [UInt8], entry: String, edit: (String) throws -> String) throws -> [UInt8] {
    let source = try Archive(data: Data(ofd), accessMode: .read)
    let target = try Archive(accessMode: .create)
    for item in source {
      var data = Data()
      _ = try source.extract(item) { data.append($0) }
      if item.path == entry { data = Data(try edit(String(decoding: data, as: UTF8.self)).utf8) }
      let bytes = data
      try target.addEntry(with: item.path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let out = target.data else { throw OFDPackageError("the rewritten package has no bytes") }
    return [UInt8](out)
  }

  /// The TextCode whose text starts with `code`: its whole element.
  private static func textCode(_ code: String, in content: String) throws -> Range<String.Index> {
    guard let text = content.range(of: ">" + code),
      let start = content[..<text.lowerBound].range(of: "<ofd:TextCode ", options: .backwards),
      !content[start.upperBound..<text.lowerBound].contains("<"),
      let end = content[text.upperBound...].range(of: "</ofd:TextCode>")
    else { throw OFDPackageError("no TextCode starting \(code)") }
    return start.lowerBound..<end.upperBound
  }

  /// The TextCode starting with `code` moved by (dx, dy) mm.
  static func move(code: String, by offset: (Double, Double), in content: String) throws -> String {
    let element = try textCode(code, in: content)
    var tag = String(content[element])
    for (name, delta) in [("X", offset.0), ("Y", offset.1)] where delta != 0 {
      guard let value = tag.firstMatch(of: try Regex(" \(name)=\"([-0-9.]+)\"")),
        let number = Double(String(value.output[1].substring ?? ""))
      else { throw OFDPackageError("TextCode \(code) has no \(name)") }
      tag.replaceSubrange(value.range, with: " \(name)=\"\(number + delta)\"")
    }
    return content.replacingCharacters(in: element, with: tag)
  }

  /// The TextCode starting with `code` left out.
  static func remove(code: String, in content: String) throws -> String {
    content.replacingCharacters(in: try textCode(code, in: content), with: "")
  }

  /// The last rule of the first stroked PathObject left out.
  static func removeLastSegment(in content: String) throws -> String {
    guard let path = content.range(of: #"<ofd:PathObject [^>]*LineWidth="#, options: .regularExpression),
      let data = content[path.upperBound...].range(of: "<ofd:AbbreviatedData>"),
      let end = content[data.upperBound...].range(of: "</ofd:AbbreviatedData>"),
      let last = content[data.upperBound..<end.lowerBound].range(of: " M ", options: .backwards)
    else { throw OFDPackageError("no stroked PathObject of several rules") }
    return content.replacingCharacters(in: last.lowerBound..<end.lowerBound, with: "")
  }

  /// The first object whose opening tag matches `pattern` left out, with its content.
  static func removeElement(_ pattern: String, in content: String) throws -> String {
    guard let open = content.range(of: pattern, options: .regularExpression) else {
      throw OFDPackageError("nothing matches \(pattern)")
    }
    let tag = content[open].prefix { $0 != ">" }  // the opening tag, its '>' left off
    if tag.hasSuffix("/") {
      return content.replacingCharacters(in: open.lowerBound...tag.endIndex, with: "")
    }
    let name = tag.dropFirst().prefix { $0 != " " }
    guard let close = content[open.upperBound...].range(of: "</\(name)>") else {
      throw OFDPackageError("\(name) is not closed")
    }
    return content.replacingCharacters(in: open.lowerBound..<close.upperBound, with: "")
  }
}
