/// Something wrong with the data, with its JSON path, in words a clerk understands.
public struct DataProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public let path: String
  public let message: String
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Why a render failed: a broken layout, or data with problems (all of them, not the first).
public enum RenderFailure: Error, Sendable, CustomStringConvertible {
  case layout(LayoutError)
  /// The input is not JSON (with where it breaks).
  case malformed(String)
  case unknownDocument(String, known: [String])
  case data([DataProblem])
  case output(String)
  /// Stopped by its caller (a time budget ran out).
  case cancelled
  /// The data asks for what its caller may not have (the path, and why): refused, not wrong.
  case forbidden(DataProblem)

  public var description: String {
    switch self {
    case .layout(let e): e.description
    case .malformed(let m): m
    case .unknownDocument(let d, let known): "unknown document '\(d)' (documents: \(known.joined(separator: ", ")))"
    case .data(let problems): problems.map(\.description).joined(separator: "\n")
    case .output(let m): m
    case .cancelled: "the render was cancelled"
    case .forbidden(let problem): problem.description
    }
  }
}

/// Collects data problems during a layout; stops collecting after a limit so a file of
/// 200,000 bad rows still yields a readable report.
final class ProblemLog {
  static let limit = 200
  private(set) var problems: [DataProblem] = []
  private(set) var dropped = 0
  private var seen: Set<DataProblem> = []

  /// Problems that stand for many rows (a column too narrow for its values): one each, the
  /// widest case kept, with how many rows it stands for.
  private var once: [String: (index: Int, widest: Double, rows: Int, make: (Int) -> DataProblem)] = [:]

  /// Reports once per `key`: the case that `needs` most, rebuilt with the number of rows seen.
  func report(once key: String, needs: Double, _ make: @escaping (_ rows: Int) -> DataProblem) {
    guard var entry = once[key] else {
      guard problems.count < Self.limit else {
        dropped += 1
        return
      }
      once[key] = (problems.count, needs, 1, make)
      problems.append(make(1))
      return
    }
    entry.rows += 1
    if needs > entry.widest { (entry.widest, entry.make) = (needs, make) }
    problems[entry.index] = entry.make(entry.rows)
    once[key] = entry
  }

  func report(_ p: DataProblem) {
    guard !seen.contains(p) else { return }
    if problems.count < Self.limit {
      problems.append(p)
      seen.insert(p)
    } else {
      dropped += 1
    }
  }

  var all: [DataProblem] {
    dropped == 0
      ? problems
      : problems + [DataProblem(path: "", message: "另有 \(dropped) 个问题未列出 (\(dropped) more problems not listed)")]
  }
}
