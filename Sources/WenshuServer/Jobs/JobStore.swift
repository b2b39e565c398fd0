import Foundation

/// Where batch jobs live between the request that makes them and the workers that print
/// them: the jobs, their items (data in, file or problems out) and the webhook deliveries.
/// Work is taken with leases: a worker claims items until a time, renews while it renders,
/// and completes each; a worker that dies simply stops renewing, and once its lease has run
/// out any worker (in this process or another replica) claims the item again. An item is
/// completed once: a completion from a worker that no longer holds the lease is refused, so a
/// job's result has each item exactly once.
protocol JobStore: Sendable {
  /// Stores a new job, or finds the one made earlier with the same owner and `Idempotency-Key`.
  func create(_ job: NewJob, now: Date) async throws -> JobCreation
  /// The job as its owner sees it; nil when there is none, or it is another owner's.
  func status(id: String, owner: String, now: Date) async throws -> JobStatus?
  /// Up to `limit` pending items whose lease is free or run out, leased to `worker` until `until`.
  func claim(worker: String, limit: Int, until: Date, now: Date) async throws -> [ClaimedItem]
  /// Extends `worker`'s leases on these items (those it still holds).
  func renew(worker: String, items: [ItemKey], until: Date) async throws
  /// Records an item's outcome if `worker` still holds it; false when the lease was lost (the
  /// outcome is dropped: another worker has the item). The last item completes its job and
  /// queues its webhook in the same transaction.
  func complete(_ item: ItemKey, worker: String, outcome: ItemOutcome, now: Date) async throws -> Bool
  /// Gives back every lease `worker` holds (a worker stopping, or an item it could not start).
  func release(worker: String, items: [ItemKey]?) async throws
  /// Cancels an unfinished job (its pending items are dropped) or removes a finished one.
  func cancel(id: String, owner: String, now: Date) async throws -> CancelOutcome
  /// The printed files of a completed job, in item order, without their bytes.
  func resultFiles(id: String) async throws -> [ResultFile]
  /// One printed file's bytes.
  func resultBytes(_ item: ItemKey) async throws -> [UInt8]?
  /// Jobs not yet finished (what the bounded queue counts).
  func unfinishedCount() async throws -> Int
  /// Removes jobs finished before `before`, with their items, files and deliveries.
  func removeFinished(before: Date) async throws -> Int
  /// Webhook deliveries due at `now`, leased to `worker` until `until`.
  func claimDeliveries(worker: String, limit: Int, until: Date, now: Date) async throws -> [WebhookDelivery]
  /// Records a delivery attempt: delivered, to retry at `retryAt`, or given up (`retryAt` nil).
  func deliveryAttempted(id: String, worker: String, delivered: Bool, retryAt: Date?, error: String?) async throws
}

/// A job as it arrives: items already split and re-encoded one by one.
struct NewJob: Sendable {
  var owner: String
  /// The offices the owner may print (nil: every office), kept so the scope travels with the job.
  var offices: Set<String>?
  var holder: String?
  var document: String
  var format: JobFormat
  var webhook: String?
  var idempotencyKey: String?
  /// SHA-256 of the request body, to tell a repeated request from a different one under the same key.
  var bodyDigest: String
  var items: [JobItem]
  /// How many unfinished jobs the store may hold; a new job beyond is refused (`JobCreation.full`).
  var queueLimit: Int
}

/// One item as submitted: its data, and the member spreadsheet that fills its list (a form's
/// `members` part), read only when the item is printed.
struct JobItem: Sendable {
  var data: [UInt8]
  var sheet: JobSheet?
}

/// A member list as uploaded (.xlsx or CSV) and its file name, which tells the two apart.
struct JobSheet: Sendable {
  var name: String
  var bytes: [UInt8]

  /// The name of a member list sent without a file name (a stored job's sheet whose name was
  /// not kept reads the same): what it is called in a failed item's problems.
  static let unnamed = "members"
}

enum JobFormat: String, Sendable, Codable {
  /// One PDF per item, in a ZIP.
  case zip
  /// Every printed item's pages in one PDF.
  case pdf
}

enum JobCreation: Sendable, Equatable {
  case created(String)
  /// The same owner sent the same body under the same `Idempotency-Key`: the earlier job.
  case repeated(String)
  /// The same `Idempotency-Key` with a different body.
  case conflict(String)
  case full
}

enum CancelOutcome: Sendable, Equatable { case cancelled, removed, notFound }

struct ItemKey: Sendable, Hashable {
  var job: String
  var position: Int
}

/// An item leased to a worker, with what it needs to print it.
struct ClaimedItem: Sendable {
  var key: ItemKey
  var data: [UInt8]
  var sheet: JobSheet?
  var document: String
  var format: JobFormat
  var itemCount: Int
  var offices: Set<String>?
  var holder: String?
}

enum ItemOutcome: Sendable {
  case printed(file: [UInt8], name: String, pages: Int)
  case failed([JobProblem])
}

/// One problem of a failed item, its path into the job (`items[3].total`).
struct JobProblem: Sendable, Codable, Equatable {
  var path: String
  var message: String
  /// The item, from 1.
  var item: Int
  /// Where the clerk fixes it in the item's member spreadsheet: `Sheet1!C12`, `Sheet1 第12行`.
  var sheet: String? = nil
}

struct ResultFile: Sendable {
  var key: ItemKey
  var name: String
}

enum JobState: String, Sendable, Codable {
  case queued, running, completed, cancelled
}

/// What `GET /v1/jobs/{id}` answers.
struct JobStatus: Sendable, Codable, Equatable {
  var id: String
  var document: String
  var format: JobFormat
  var state: JobState
  /// Items in the job.
  var items: Int
  /// Items printed, failed, and not yet done.
  var printed: Int
  var failed: Int
  var remaining: Int
  var pages: Int
  var createdAt: String
  var finishedAt: String?
  /// When a finished job and its result are removed.
  var expiresAt: String?
  /// Where the result is, once the job has completed with at least one item printed.
  var result: String?
  /// The failed items' problems, the first 100, with their paths into the job.
  var problems: [JobProblem]
  var problemCount: Int
}

/// A webhook call to make (again): the same id and body on every attempt.
struct WebhookDelivery: Sendable {
  var id: String
  var job: String
  var owner: String
  var url: String
  var body: [UInt8]
  var attempts: Int
}

extension Date {
  /// RFC 3339 in UTC, to the second, as the status shows times.
  var rfc3339: String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: self)
  }
}
