import Foundation
import ZIPFoundation

/// A workbook whose `xl/worksheets/sheet1.xml` says (in both ZIP headers) it is 2,900 bytes
/// but inflates to `inflatedMiB` MiB of XML whitespace: what a limit that trusts the
/// declared size lets through.
public func zipBomb(inflatedMiB: Int) throws -> [UInt8] {
  let archive = try Archive(data: Data(), accessMode: .create)
  func add(_ path: String, _ text: String) throws {
    let bytes = Data(text.utf8)
    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
      position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  try add(
    "xl/workbook.xml",
    #"<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
  let head = Data("<worksheet><sheetData>".utf8)
  let tail = Data("</sheetData></worksheet>".utf8)
  let total = head.count + (inflatedMiB << 20) + tail.count
  try archive.addEntry(
    with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate
  ) { position, size in
    var chunk = Data(repeating: 0x20, count: size)
    let start = Int(position)
    let tailStart = total - tail.count
    for at in start..<(start + size) where at < head.count || at >= tailStart {
      chunk[at - start] = at < head.count ? head[at] : tail[at - tailStart]
    }
    return chunk
  }
  var bytes = [UInt8](archive.data!)
  // The declared size, in the local header (offset 22) and the central directory (offset 24).
  let name = Array("xl/worksheets/sheet1.xml".utf8)
  for (signature, sizeAt, nameAt) in [([0x50, 0x4B, 0x03, 0x04], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46)]
    as [([UInt8], Int, Int)]
  {
    for i in 0..<(bytes.count - nameAt - name.count) where bytes[i..<i + 4].elementsEqual(signature) {
      guard bytes[(i + nameAt)..<(i + nameAt + name.count)].elementsEqual(name) else { continue }
      withUnsafeBytes(of: UInt32(2900).littleEndian) {
        bytes.replaceSubrange((i + sizeAt)..<(i + sizeAt + 4), with: $0)
      }
    }
  }
  return bytes
}
