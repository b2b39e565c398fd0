import CHeap

/// glibc's heap: the server's kept within `MemoryBudget` on any machine, a large print's
/// handed back as it goes.
///
/// glibc gives a thread that finds the allocator busy an arena of its own, up to 8 per core,
/// and memory freed in an arena stays there for the next allocation *in that arena*. Renders
/// run on whichever pool thread is free, so on a machine with more cores, or with other
/// timing, the memory of earlier renders sat in arenas the next render did not use: the same
/// test peaked at 173 MiB here and 201 MiB on CI. Bounding the arenas and handing a large
/// render's freed memory back makes the peak one render's, wherever it runs.
public enum ProcessHeap {
  /// Freed memory above this is handed back after a render (a page of a notice frees far less).
  static let trimThreshold = 16 << 20

  /// At most `count` arenas for the whole process (call once, before the workers start).
  public static func limitArenas(to count: Int) {
    _ = mallopt(M_ARENA_MAX, Int32(clamping: max(1, count)))
  }

  /// Keeps glibc's thresholds at their starting values (128 KiB) for one large print. glibc
  /// raises them to the largest block freed, up to 32 MiB: once a print's input (30 MB for
  /// 200,000 members) was freed, every block below that size (a hash table, the PDF's bytes)
  /// came from the heap and its pages stayed in the process when freed (the same print's
  /// peak: 232 MiB, 204 with the thresholds kept).
  public static func keepThresholds() {
    let threshold: Int32 = 128 << 10
    _ = mallopt(M_MMAP_THRESHOLD, threshold)
    _ = mallopt(M_TRIM_THRESHOLD, threshold)
  }

  /// Returns freed memory to the system when the heap holds more than `trimThreshold` of it.
  static func releaseFreed() {
    let info = mallinfo2()
    guard info.fordblks > trimThreshold else { return }
    _ = malloc_trim(0)
  }
}
