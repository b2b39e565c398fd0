import Foundation
import Synchronization

/// The keys of an object, in order, shared by every object that has the same: a list's rows
/// are read with the same keys, and one table serves them all (200,000 members held their
/// keys 200,000 times). Immutable; the shapes one key more lead to are kept, so objects
/// that gain the same fields (a member's derived ones) go on sharing.
public final class DataShape: Sendable {
  public let keys: [String]
  private let successors = Mutex<[String: DataShape]>([:])

  init(_ keys: [String]) { self.keys = keys }

  public static let empty = DataShape([])

  /// Where `key` is, compared byte for byte as JSON writes it (no Unicode normalisation,
  /// which made every lookup of a Chinese key take the slow path).
  @inline(__always)
  func index(of key: String) -> Int? {
    var key = key
    return key.withUTF8 { wanted in
      // Lengths first: they are stored, and rule out most keys without reading a byte.
      for (i, candidate) in keys.enumerated() where candidate.utf8.count == wanted.count {
        // Over contiguous bytes with `memcmp`, not the generic UTF8View walk: keys are looked
        // up for every field of every row.
        var candidate = candidate
        if candidate.withUTF8({ Self.sameBytes($0, wanted) }) { return i }
      }
      return nil
    }
  }

  /// This shape with `key` after its own. A few successors are kept, not any number: a
  /// server runs for months.
  func appending(_ key: String) -> DataShape {
    successors.withLock { known in
      if let next = known[key], Self.sameBytes(next.keys[keys.count], key) { return next }
      let next = DataShape(keys + [key])
      if known.count < 32 { known[key] = next }
      return next
    }
  }

  /// Equal byte for byte: keys are not compared as Unicode text (`==` normalises).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.utf8.count == b.utf8.count && a.withUTF8 { x in b.withUTF8 { y in sameBytes(x, y) } }
  }

  /// Two byte buffers alike, by `memcmp` (the generic `elementsEqual` was a sixth of reading a
  /// long list's JSON).
  @inline(__always)
  static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// This shape without its `index`th key (rare: `variant` taken off the root).
  func removing(at index: Int) -> DataShape {
    var keys = keys
    keys.remove(at: index)
    return DataShape(keys)
  }
}
