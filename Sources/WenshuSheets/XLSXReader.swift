import Foundation
import WenshuLayout
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a worksheet of an .xlsx file: a ZIP holding the workbook (which names the sheets),
/// the shared strings and the sheets' XML. Only what a member list needs: cell values and
/// merged ranges; styles and formulas are not read.
public enum XLSXReader {
  /// How many bytes the parts read may inflate to, together, unless the caller says
  /// otherwise (a ZIP bomb is not a member list). Counted as they come out of the inflater: a
  /// ZIP's declared sizes are the sender's word.
  public static let inflatedLimit = 64 << 20

  /// The first sheet, in tab order, that `wanted` accepts (a template's 填写说明 sheet may
  /// come before the list), else the first sheet. Stops with `SheetError.stopped` soon after
  /// `cancellation` is cancelled.
  public static func read(
    _ bytes: [UInt8], inflatedLimit: Int = XLSXReader.inflatedLimit, cancellation: RenderCancellation? = nil,
    wanted: (Sheet) -> Bool = { _ in true }
  ) throws(SheetError) -> Sheet {
    let opened: Archive
    do { opened = try Archive(data: Data(bytes), accessMode: .read) } catch {
      throw SheetError("不是有效的 xlsx 文件 (not a valid .xlsx file: cannot open it as a ZIP)")
    }
    let archive = InflateBudget(archive: opened, limit: max(1, inflatedLimit), cancellation: cancellation)
    guard let workbook = try entry("xl/workbook.xml", in: archive) else {
      throw SheetError("不是有效的 xlsx 文件 (not a valid .xlsx file: no xl/workbook.xml)")
    }
    let book = WorkbookXML.parse(workbook)
    guard !book.sheets.isEmpty else { throw SheetError("工作簿中没有工作表 (the workbook has no sheet)") }
    let targets = try entry("xl/_rels/workbook.xml.rels", in: archive).map(RelationshipsXML.parse) ?? [:]
    let strings =
      try entry("xl/sharedStrings.xml", in: archive).map { (part) throws(SheetError) in
        try SharedStringsXML.parse(part, cancellation: cancellation)
      } ?? []
    var first: Sheet?
    for (index, described) in book.sheets.enumerated() {
      var target = "xl/worksheets/sheet\(index + 1).xml"
      if let path = targets[described.relationship] {
        target = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
      }
      guard let sheetXML = try entry(target, in: archive) else {
        if index == 0 { throw SheetError("不是有效的 xlsx 文件 (not a valid .xlsx file: no \(target))") }
        continue  // a chart sheet or a part missing: not a list
      }
      var sheet = try WorksheetXML.parse(
        sheetXML, name: described.name, sharedStrings: strings, cancellation: cancellation)
      sheet.date1904 = book.date1904
      if wanted(sheet) { return sheet }
      if first == nil { first = sheet }
    }
    return first!
  }

  static func entry(_ path: String, in budget: InflateBudget) throws(SheetError) -> Data? {
    try budget.inflate(path)
  }
}

/// The parts of one workbook, inflated against one budget of bytes: each chunk is counted as
/// the inflater hands it over, and the read stops at the first chunk past the limit (or
/// once the request is stopped), before the next is made.
final class InflateBudget {
  let archive: Archive
  let limit: Int
  let cancellation: RenderCancellation?
  private(set) var inflated = 0

  init(archive: Archive, limit: Int, cancellation: RenderCancellation?) {
    self.archive = archive
    self.limit = limit
    self.cancellation = cancellation
  }

  /// Why the consumer stopped the inflater.
  private struct Stop: Error { let error: SheetError }

  func inflate(_ path: String) throws(SheetError) -> Data? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= UInt64(limit - inflated) else { throw tooLarge(path) }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        self.inflated += chunk.count
        if self.inflated > self.limit { throw Stop(error: self.tooLarge(path)) }
        if self.cancellation?.isCancelled == true { throw Stop(error: .stopped) }
        data.append(chunk)
      }
    } catch let stop as Stop {
      throw stop.error
    } catch {
      throw SheetError("不是有效的 xlsx 文件 (not a valid .xlsx file: \(path) is damaged)")
    }
    return data
  }

  func tooLarge(_ path: String) -> SheetError {
    let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return SheetError("xlsx 文件解压后过大 (the workbook inflates to over \(size); \(path) is where it passed)")
  }
}

/// `xl/workbook.xml`: the sheets in tab order, each with its relationship id, and which
/// date system the workbook counts in.
final class WorkbookXML: NSObject, XMLParserDelegate {
  var sheets: [(name: String, relationship: String)] = []
  var date1904 = false

  static func parse(_ data: Data) -> WorkbookXML {
    parsed(data, by: WorkbookXML())
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    if local(element) == "workbookPr" { date1904 = ["1", "true"].contains(attributes["date1904"] ?? "") }
    guard local(element) == "sheet" else { return }
    let id = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
    sheets.append((attributes["name"] ?? "Sheet1", id))
  }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path.
final class RelationshipsXML: NSObject, XMLParserDelegate {
  var targets: [String: String] = [:]

  static func parse(_ data: Data) -> [String: String] {
    let delegate = parsed(data, by: RelationshipsXML())
    return delegate.targets
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    if local(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
      targets[id] = target
    }
  }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its rich-text runs joined; the phonetic
/// guide (`<rPh>`, which Excel adds to Chinese and Japanese text) is not part of it.
/// Stops with `SheetError.stopped` soon after `cancellation` is cancelled, as the sheet does:
/// a part may hold millions of strings.
final class SharedStringsXML: NSObject, XMLParserDelegate {
  var strings: [String] = []
  var current = ""
  var inText = false
  var phonetic = 0
  let cancellation: RenderCancellation?
  /// Elements and text runs seen: the cancellation is looked at every 1,024.
  var events = 0
  var stopped = false

  init(cancellation: RenderCancellation?) { self.cancellation = cancellation }

  static func parse(_ data: Data, cancellation: RenderCancellation? = nil) throws(SheetError) -> [String] {
    let delegate = parsed(data, by: SharedStringsXML(cancellation: cancellation))
    if delegate.stopped { throw .stopped }
    return delegate.strings
  }

  /// Whether to go on; aborts the parse once the request is stopped.
  func goOn(_ parser: XMLParser) -> Bool {
    events += 1
    guard events % 1024 == 0, cancellation?.isCancelled == true else { return !stopped }
    stopped = true
    parser.abortParsing()
    return false
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    guard goOn(parser) else { return }
    switch local(element) {
    case "si": current = ""
    case "rPh": phonetic += 1
    case "t": inText = phonetic == 0
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch local(element) {
    case "si": strings.append(current)
    case "rPh": phonetic -= 1
    case "t": inText = false
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard goOn(parser) else { return }
    if inText { current += string }
  }
}

/// Drops a namespace prefix: `x:sheet` → `sheet`.
func local(_ name: String) -> Substring {
  name.split(separator: ":").last ?? Substring(name)
}

/// Runs `delegate` over the XML in `data` (a part that does not parse leaves it as it got).
func parsed<Delegate: NSObject & XMLParserDelegate>(_ data: Data, by delegate: Delegate) -> Delegate {
  let parser = XMLParser(data: data)
  parser.delegate = delegate
  parser.parse()
  return delegate
}
