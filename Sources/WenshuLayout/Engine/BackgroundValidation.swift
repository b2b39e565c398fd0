import Dispatch
import Synchronization

/// The schema check of a large document, run on another core while the first pass counts
/// its pages: the two read the same data and neither changes it, and a long member list
/// otherwise leaves the second core idle until the first page is drawn. What the caller
/// sees does not change: the check's problems, if any, are reported and the pages counted
/// meanwhile are thrown away — and once the check has failed, the count is stopped.
final class BackgroundValidation: Sendable {
  typealias Result = (problems: [DataProblem], warnings: [DataProblem])
  private let result = Mutex<Result?>(nil)
  private let done = DispatchSemaphore(value: 0)
  /// Cancelled when the data fails its check (or the caller cancels), to stop the count early.
  let countCancellation: RenderCancellation

  /// Worth a thread only for data with a long list: below that it costs more than it saves.
  static func worthwhile(for data: DataValue) -> Bool {
    guard case .object(let root) = data else { return false }
    return root.values.contains { value in
      if case .array(let items) = value { return items.count >= 500 }
      return false
    }
  }

  init(
    _ validator: SchemaValidator, _ data: DataValue, _ schema: DataSchema, cancellation: RenderCancellation?
  ) {
    let count = RenderCancellation(following: cancellation)
    countCancellation = count
    DispatchQueue.global().async { [self] in
      let checked = validator.validate(data, schema, cancellation: cancellation)
      if !checked.problems.isEmpty { count.cancel() }
      result.withLock { $0 = checked }
      done.signal()
    }
  }

  /// Waits for the check to end.
  func wait() -> Result {
    done.wait()
    return result.withLock { $0! }
  }
}
