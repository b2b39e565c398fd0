import CHeap

/// The server's heap, kept within `MemoryBudget` on any machine.
///
/// glibc gives a thread that finds the allocator busy an arena of its own, up to 8 per core,
/// and memory freed in an arena stays there for the next allocation *in that arena*. Renders
/// run on whichever pool thread is free, so on a machine with more cores, or with other
/// timing, the memory of earlier renders sat in arenas the next render did not use: the same
/// test peaked at 173 MiB here and 201 MiB on CI. Bounding the arenas and handing a large
/// render's freed memory back makes the peak one render's, wherever it runs.
enum ProcessHeap {
  /// Freed memory above this is handed back after a render (a page of a notice frees far less).
  static let trimThreshold = 16 << 20

  /// At most `count` arenas for the whole process (call once, before the workers start).
  static func limitArenas(to count: Int) {
    _ = mallopt(M_ARENA_MAX, Int32(clamping: max(1, count)))
  }

  /// Returns freed memory to the system when the heap holds more than `trimThreshold` of it.
  static func releaseFreed() {
    let info = mallinfo2()
    guard info.fordblks > trimThreshold else { return }
    _ = malloc_trim(0)
  }
}
