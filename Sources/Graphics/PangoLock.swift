import CPangoCairo

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Serialises the calls into one font library's Pango objects. Pango is not thread-safe,
/// and a long document is laid out on one thread while its pages are drawn on another
/// (`PDFRenderer`): layout shapes new text while drawing shows text shaped earlier, both
/// through the same font map. Recursive, so a block released while the lock is held (a
/// temporary inside a locked call) can take it again. Glyph lines need no lock: Cairo's
/// scaled fonts are thread-safe.
final class PangoLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>  // owned

  init() {
    mutex = .allocate(capacity: 1)
    var attributes = pthread_mutexattr_t()
    pthread_mutexattr_init(&attributes)
    pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
    pthread_mutex_init(mutex, &attributes)
    pthread_mutexattr_destroy(&attributes)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func callAsFunction<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
