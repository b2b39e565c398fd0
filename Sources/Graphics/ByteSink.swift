import CPangoCairo

/// Collects the bytes Cairo writes through a stream callback, so documents are produced in
/// memory (a server needs bytes, not a temporary file).
final class ByteSink {
  var bytes: [UInt8] = []

  /// The C callback: `closure` is an unretained pointer to the sink.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }

  /// Unretained: the owner of the sink keeps it alive for as long as the surface lives.
  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

public struct RenderError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

func check(_ status: cairo_status_t, _ what: String) throws(RenderError) {
  guard status == CAIRO_STATUS_SUCCESS else {
    throw RenderError("\(what): \(String(cString: cairo_status_to_string(status)))")
  }
}
