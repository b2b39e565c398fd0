/// A `multipart/form-data` body (RFC 7578) split into its parts: name, file name and bytes.
/// Only what the render route needs: no nested multipart, no transfer encodings (browsers
/// and curl send neither).
struct MultipartForm {
  struct Part {
    var name: String
    var fileName: String?
    var bytes: ArraySlice<UInt8>
  }

  var parts: [Part] = []

  subscript(name: String) -> Part? { parts.first { $0.name == name } }

  /// The boundary of a `multipart/form-data; boundary=…` content type.
  static func boundary(contentType: String) -> String? {
    let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
    for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
      var value = piece.dropFirst("boundary=".count)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
      return value.isEmpty || value.count > 70 ? nil : String(value)
    }
    return nil
  }

  struct Malformed: Error { let reason: String }

  init(_ body: [UInt8], boundary: String) throws(Malformed) {
    let delimiter = Array("--\(boundary)".utf8)
    guard var start = Self.find(delimiter, in: body, from: 0) else { throw Malformed(reason: "no boundary") }
    while true {
      var cursor = start + delimiter.count
      if body[cursor...].starts(with: Array("--".utf8)) { return }  // the closing delimiter
      guard body[cursor...].starts(with: [13, 10]) else { throw Malformed(reason: "a boundary not ended by CRLF") }
      cursor += 2
      guard let headersEnd = Self.find([13, 10, 13, 10], in: body, from: cursor) else {
        throw Malformed(reason: "a part without the blank line after its headers")
      }
      let headers = String(decoding: body[cursor..<headersEnd], as: UTF8.self)
      guard let next = Self.find([13, 10] + delimiter, in: body, from: headersEnd + 4) else {
        throw Malformed(reason: "a part not closed by the boundary")
      }
      guard let (name, fileName) = Self.disposition(headers) else {
        throw Malformed(reason: "a part without Content-Disposition: form-data; name=…")
      }
      parts.append(Part(name: name, fileName: fileName, bytes: body[(headersEnd + 4)..<next]))
      start = next + 2
    }
  }

  /// `Content-Disposition: form-data; name="members"; filename="名单.xlsx"`.
  static func disposition(_ headers: String) -> (String, String?)? {
    for line in headers.split(separator: "\r\n") {
      let pair = line.split(separator: ":", maxSplits: 1)
      guard pair.count == 2, pair[0].lowercased() == "content-disposition" else { continue }
      var name: String?
      var fileName: String?
      for item in pair[1].split(separator: ";").dropFirst() {
        let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard kv.count == 2 else { continue }
        let value =
          kv[1].hasPrefix("\"") && kv[1].hasSuffix("\"") && kv[1].count >= 2
          ? String(kv[1].dropFirst().dropLast()) : kv[1]
        switch kv[0].lowercased() {
        case "name": name = value
        case "filename": fileName = value
        default: break
        }
      }
      return name.map { ($0, fileName) }
    }
    return nil
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var i = from
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }
}
