/// A map from (style, character) to what is known of that character in that style. Every
/// character of every table cell is looked up here, twice per document; open addressing on
/// one 64-bit key with a multiplicative hash costs a fraction of a `Dictionary`'s seeded
/// hashing.
struct ScalarTable<Value> {
  private var keys: [UInt64]  // 0: empty slot
  private var values: [Value?]
  private var count = 0
  private var shift: UInt64

  init() {
    keys = Array(repeating: 0, count: 1024)
    values = Array(repeating: nil, count: 1024)
    shift = 64 - 10
  }

  subscript(scalar: UInt32, style: Int) -> Value? {
    get {
      let key = Self.key(scalar, style)
      var slot = slot(for: key)
      while true {
        let k = keys[slot]
        if k == key { return values[slot] }
        if k == 0 { return nil }
        slot = (slot + 1) & (keys.count - 1)
      }
    }
    set {
      guard let newValue else { return }  // entries are never removed
      if (count + 1) * 2 > keys.count { grow() }
      insert(Self.key(scalar, style), newValue)
    }
  }

  private static func key(_ scalar: UInt32, _ style: Int) -> UInt64 {
    (UInt64(truncatingIfNeeded: style) << 32 | UInt64(scalar)) &+ 1
  }

  private func slot(for key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  private mutating func insert(_ key: UInt64, _ value: Value) {
    var slot = slot(for: key)
    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
    if keys[slot] == 0 { count += 1 }
    keys[slot] = key
    values[slot] = value
  }

  private mutating func grow() {
    let (oldKeys, oldValues) = (keys, values)
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    values = Array(repeating: nil, count: oldKeys.count * 2)
    shift -= 1
    count = 0
    for (key, value) in zip(oldKeys, oldValues) where key != 0 { insert(key, value!) }
  }
}
