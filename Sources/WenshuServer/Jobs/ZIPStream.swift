/// A ZIP archive written as it goes, one stored entry at a time, so a job's result is sent
/// while it is read from the store and only one file is held at once. Entries are stored, not
/// deflated (a PDF's streams are compressed already), named in UTF-8, and marked readable by
/// their owner only when unpacked (they hold names and ID numbers). No ZIP64: a result stops
/// with an error past 4 GiB or 65,535 files, beyond any job's limits.
struct ZIPStream {
  private var offset = 0
  private var central: [UInt8] = []
  private var count = 0

  struct TooLarge: Error {}

  /// The local header and bytes of one entry.
  mutating func entry(name: String, bytes: [UInt8]) throws -> [UInt8] {
    let nameBytes = Array(name.utf8)
    guard offset + bytes.count + nameBytes.count + 30 < Int(UInt32.max), count < 0xFFFF else { throw TooLarge() }
    let crc = CRC32.checksum(bytes)
    var local: [UInt8] = []
    local.le32(0x0403_4b50)
    local.le16(20)
    local.le16(0x0800)  // the name is UTF-8
    local.le16(0)  // stored
    local.le16(0)  // 00:00
    local.le16(0x21)  // 1980-01-01: the same bytes for the same files
    local.le32(crc)
    local.le32(UInt32(bytes.count))
    local.le32(UInt32(bytes.count))
    local.le16(UInt16(nameBytes.count))
    local.le16(0)
    local += nameBytes
    central.le32(0x0201_4b50)
    central.le16(0x031E)  // made on Unix, so the mode below is read
    central.le16(20)
    central.le16(0x0800)
    central.le16(0)
    central.le16(0)
    central.le16(0x21)
    central.le32(crc)
    central.le32(UInt32(bytes.count))
    central.le32(UInt32(bytes.count))
    central.le16(UInt16(nameBytes.count))
    central.le16(0)
    central.le16(0)
    central.le16(0)
    central.le16(0)
    central.le32(UInt32(0o100600) << 16)
    central.le32(UInt32(offset))
    central += nameBytes
    offset += local.count + bytes.count
    count += 1
    return local + bytes
  }

  /// The central directory and its end record.
  func finish() throws -> [UInt8] {
    guard offset + central.count < Int(UInt32.max) else { throw TooLarge() }
    var end = central
    end.le32(0x0605_4b50)
    end.le16(0)
    end.le16(0)
    end.le16(UInt16(count))
    end.le16(UInt16(count))
    end.le32(UInt32(central.count))
    end.le32(UInt32(offset))
    end.le16(0)
    return end
  }
}

extension [UInt8] {
  fileprivate mutating func le16(_ v: UInt16) { append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8)]) }
  fileprivate mutating func le32(_ v: UInt32) {
    append(contentsOf: [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)])
  }
}

/// CRC-32 (IEEE 802.3, as ZIP uses it).
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
