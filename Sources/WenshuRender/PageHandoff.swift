import Foundation
import WenshuLayout

/// Hands pages, made ready to write, from the thread that lays them out to the thread that
/// writes them, holding at most `capacity` at a time so memory stays bounded however long the
/// document.
///
/// `@unchecked Sendable`: every stored property is read and written only under `condition`,
/// and an item is handed over, never shared: the laying-out thread keeps no reference to what
/// it puts, so only the writing thread touches it afterwards.
final class PageHandoff<Item>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Item] = []
  private var closed = false
  private let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  /// Waits for room, then hands `item` over.
  func put(_ item: Item) {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity { condition.wait() }
    items.append(item)
    condition.broadcast()
  }

  /// No more pages will come.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
  }

  /// The next page, waiting for it; nil once the handoff is closed and empty.
  func take() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    guard !items.isEmpty else { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }
}

/// Laying out and writing side by side: in a long list each is about half the work.
enum Alongside {
  /// Lays `document`'s pages out on this thread, turning each into an item with `prepare`,
  /// while a writing thread named `name` hands each item to `write`, at most a few pages
  /// behind. Returns (or throws) only once the writing thread has finished.
  static func write<Item>(
    _ document: PreparedDocument, thread name: String, prepare: (Int, Page) -> Item,
    write: @escaping (Item) -> Void
  ) throws(RenderFailure) {
    let handoff = PageHandoff<Item>(capacity: 4)
    let done = DispatchSemaphore(value: 0)
    let writer = Lent(write)
    let thread = Thread {
      Thread.current.name = name  // for top -H and perf; set from the thread itself
      while let item = handoff.take() { writer.value(item) }
      done.signal()
    }
    thread.start()
    defer {
      handoff.close()
      done.wait()
    }
    var index = 0
    try document.forEachPage { page in
      handoff.put(prepare(index, page))
      index += 1
    }
  }
}

/// A value lent to the writing thread. `@unchecked Sendable`, and safe as `Alongside.write`
/// uses it: it is made before the thread starts (`Thread.start` orders the two), only the
/// writing thread touches it while it runs, and the laying-out thread reads it again only
/// after `done.wait()` (the semaphore orders the writing thread's last use before that).
final class Lent<Value>: @unchecked Sendable {
  var value: Value
  init(_ value: Value) { self.value = value }
}
