#if canImport(Glibc)
  import Glibc
#endif

/// IP addresses and CIDR blocks as bytes, for reading a NetworkPolicy's ipBlocks.
enum IPAddress {
  /// The address's 4 or 16 bytes (nil: not an address).
  static func bytes(_ text: String) -> [UInt8]? {
    var four = [UInt8](repeating: 0, count: 4)
    if inet_pton(AF_INET, text, &four) == 1 { return four }
    var sixteen = [UInt8](repeating: 0, count: 16)
    if inet_pton(AF_INET6, text, &sixteen) == 1 { return sixteen }
    return nil
  }

  /// Whether `cidr` (address/length, of the same family) holds the address.
  static func contains(_ cidr: String, _ address: [UInt8]) -> Bool {
    let parts = cidr.split(separator: "/")
    guard parts.count == 2, let network = bytes(String(parts[0])), let length = Int(parts[1]),
      network.count == address.count, (0...network.count * 8).contains(length)
    else { return false }
    for bit in 0..<length where (network[bit / 8] ^ address[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 {
      return false
    }
    return true
  }
}
