import WenshuLayout

/// The offices a caller may print for (an API key's), checked against the office whose
/// profile the data gets. Data that names no office is outside every scope that lists
/// offices: it would print without any office's profile, which no office has vouched for.
public struct OfficeScope: Sendable {
  /// Who is limited, as a message names it: `API key 'qingdao-core'` (never a secret).
  public let holder: String
  public let offices: Set<String>

  public init(holder: String, offices: Set<String>) {
    self.holder = holder
    self.offices = offices
  }

  /// The problem (at `office`) when the data's office is not one of `offices`, else nil: for a
  /// caller that refuses work before it prints any (a job's items).
  public func problem(_ data: DataValue) -> DataProblem? {
    do { try admit(OfficeProfile.named(in: data)) } catch {
      if case .forbidden(let problem) = error { return problem }
    }
    return nil
  }

  /// Throws `.forbidden` at `office` when the data's office is not one of `offices`.
  func admit(_ office: String?) throws(RenderFailure) {
    if let office, offices.contains(office) { return }
    let allowed = offices.sorted().joined(separator: ", ")
    throw .forbidden(
      DataProblem(
        path: "office",
        message: office.map { "\(holder) may print for \(allowed) only, not for office '\($0)'" }
          ?? "\(holder) may print for \(allowed) only; the data names no office"))
  }
}

/// What the record of one printed document holds: no name or ID number, only what lets an
/// office answer "who printed this notice, when" (the caller logs it with its key).
public struct PrintRecord: Sendable, Equatable {
  public var office: String?
  /// The document's number (its layout's `reference`), nil when it has none.
  public var reference: String?
  public var pages: Int
}
