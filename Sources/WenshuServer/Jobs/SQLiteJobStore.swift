import Foundation
import GRDB

/// The embedded job store: one SQLite file (WAL) through GRDB, so `wenshu serve` alone keeps
/// its jobs across a restart. The printed files are kept in the database beside their items,
/// so whoever can read the store can stream a result. Several processes on one machine may
/// share the file (SQLite locks it); replicas on several machines need PostgreSQL.
final class SQLiteJobStore: JobStore {
  private let database: any DatabaseWriter
  /// How long a finished job is kept (its `expiresAt`).
  let retention: TimeInterval

  /// `path`: the database file, created readable by its owner only (it holds names and ID
  /// numbers), in a folder created 0700; nil keeps the jobs in memory (tests, `--jobs-db :memory:`).
  init(path: String?, retention: TimeInterval) throws {
    self.retention = retention
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    if let path {
      try Self.preparePrivateFile(path)
      database = try DatabasePool(path: path, configuration: configuration)
    } else {
      database = try DatabaseQueue(configuration: configuration)
    }
    try Self.migrator.migrate(database)
  }

  /// Creates the folder (0700) and an empty file (0600) before SQLite opens it: SQLite gives
  /// its `-wal` and `-shm` files the database file's mode.
  static func preparePrivateFile(_ path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw JobStoreError("cannot open the job store \(path): \(String(cString: strerror(errno)))")
    }
    close(fd)
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("jobs-v1") { db in
      try db.execute(sql: JobSchema.sqlite)
    }
    migrator.registerMigration("jobs-v2-member-sheets") { db in
      try db.execute(sql: JobSchema.sqliteSheets)
    }
    return migrator
  }

  func create(_ job: NewJob, now: Date) async throws -> JobCreation {
    try await database.write { db in
      if let key = job.idempotencyKey,
        let row = try Row.fetchOne(
          db, sql: "SELECT id, body_sha256 FROM jobs WHERE owner = ? AND idempotency_key = ?",
          arguments: [job.owner, key])
      {
        let id: String = row["id"]
        return row["body_sha256"] == job.bodyDigest ? .repeated(id) : .conflict(id)
      }
      let unfinished =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')") ?? 0
      guard unfinished < job.queueLimit else { return .full }
      let id = JobID.make()
      try db.execute(
        sql: """
          INSERT INTO jobs (id, owner, offices, holder, document, format, webhook, idempotency_key, body_sha256,
            state, item_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)
          """,
        arguments: [
          id, job.owner, job.offices.map(JobSchema.encodeOffices), job.holder, job.document, job.format.rawValue,
          job.webhook, job.idempotencyKey, job.bodyDigest, job.items.count, now.timeIntervalSince1970,
        ])
      let insert = try db.makeStatement(
        sql: "INSERT INTO items (job_id, position, data, sheet, sheet_name, state) VALUES (?, ?, ?, ?, ?, 'pending')")
      for (position, item) in job.items.enumerated() {
        try insert.execute(arguments: [
          id, position, Data(item.data), item.sheet.map { Data($0.bytes) }, item.sheet?.name,
        ])
      }
      return .created(id)
    }
  }

  func status(id: String, owner: String, now: Date) async throws -> JobStatus? {
    let retention = retention
    return try await database.read { db in
      guard
        let job = try Row.fetchOne(
          db, sql: "SELECT * FROM jobs WHERE id = ? AND owner = ?", arguments: [id, owner])
      else { return nil }
      var counts: [String: (items: Int, pages: Int)] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT state, COUNT(*) AS n, COALESCE(SUM(pages), 0) AS p FROM items WHERE job_id = ? GROUP BY state",
        arguments: [id])
      {
        counts[row["state"]] = (row["n"], row["p"])
      }
      var problems: [JobProblem] = []
      var problemCount = 0
      for text in try String.fetchAll(
        db, sql: "SELECT problems FROM items WHERE job_id = ? AND state = 'failed' ORDER BY position", arguments: [id])
      {
        let list = JobSchema.decodeProblems(text)
        problemCount += list.count
        problems.append(contentsOf: list.prefix(max(0, 100 - problems.count)))
      }
      return JobSchema.status(
        JobRow(job), counts: counts, problems: problems, problemCount: problemCount, retention: retention)
    }
  }

  func claim(worker: String, limit: Int, until: Date, now: Date) async throws -> [ClaimedItem] {
    try await database.write { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          UPDATE items SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
          WHERE rowid IN (
            SELECT items.rowid FROM items JOIN jobs ON jobs.id = items.job_id
            WHERE items.state = 'pending' AND jobs.state IN ('queued', 'running')
              AND (items.lease_until IS NULL OR items.lease_until < ?)
            ORDER BY jobs.created_at, items.job_id, items.position LIMIT ?)
          RETURNING job_id, position, data, sheet, sheet_name
          """,
        arguments: [worker, until.timeIntervalSince1970, now.timeIntervalSince1970, limit])
      var jobs: [String: Row] = [:]
      var claimed: [ClaimedItem] = []
      for row in rows {
        let jobID: String = row["job_id"]
        if jobs[jobID] == nil {
          try db.execute(sql: "UPDATE jobs SET state = 'running' WHERE id = ? AND state = 'queued'", arguments: [jobID])
          jobs[jobID] = try Row.fetchOne(
            db, sql: "SELECT document, format, item_count, offices, holder FROM jobs WHERE id = ?", arguments: [jobID])
        }
        guard let job = jobs[jobID] else { continue }
        let data: Data = row["data"]
        let sheet: Data? = row["sheet"]
        let sheetName: String? = row["sheet_name"]
        claimed.append(
          ClaimedItem(
            key: ItemKey(job: jobID, position: row["position"]), data: [UInt8](data),
            sheet: sheet.map { JobSheet(name: sheetName ?? JobSheet.unnamed, bytes: [UInt8]($0)) },
            document: job["document"],
            format: JobFormat(rawValue: job["format"]) ?? .zip, itemCount: job["item_count"],
            offices: (job["offices"] as String?).map(JobSchema.decodeOffices), holder: job["holder"]))
      }
      return claimed.sorted { ($0.key.job, $0.key.position) < ($1.key.job, $1.key.position) }
    }
  }

  func renew(worker: String, items: [ItemKey], until: Date) async throws {
    try await database.write { db in
      for item in items {
        try db.execute(
          sql:
            "UPDATE items SET lease_until = ? WHERE job_id = ? AND position = ? AND lease_owner = ? AND state = 'pending'",
          arguments: [until.timeIntervalSince1970, item.job, item.position, worker])
      }
    }
  }

  func complete(_ item: ItemKey, worker: String, outcome: ItemOutcome, now: Date) async throws -> Bool {
    let retention = retention
    return try await database.write { db in
      switch outcome {
      case .printed(let file, let name, let pages):
        try db.execute(
          sql: """
            UPDATE items SET state = 'printed', result = ?, file_name = ?, pages = ?, data = x'', sheet = NULL, lease_owner = NULL,
              lease_until = NULL
            WHERE job_id = ? AND position = ? AND state = 'pending' AND lease_owner = ?
            """, arguments: [Data(file), name, pages, item.job, item.position, worker])
      case .failed(let problems):
        try db.execute(
          sql: """
            UPDATE items SET state = 'failed', problems = ?, data = x'', sheet = NULL, lease_owner = NULL, lease_until = NULL
            WHERE job_id = ? AND position = ? AND state = 'pending' AND lease_owner = ?
            """, arguments: [JobSchema.encodeProblems(problems), item.job, item.position, worker])
      }
      guard db.changesCount == 1 else { return false }
      let pending =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM items WHERE job_id = ? AND state = 'pending'", arguments: [item.job]) ?? 0
      guard pending == 0 else { return true }
      try db.execute(
        sql: "UPDATE jobs SET state = 'completed', finished_at = ? WHERE id = ? AND state IN ('queued', 'running')",
        arguments: [now.timeIntervalSince1970, item.job])
      guard db.changesCount == 1,
        let job = try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [item.job]),
        let url = job["webhook"] as String?
      else { return true }
      // The webhook is queued with the completion, so a crash cannot lose it.
      var counts: [String: (items: Int, pages: Int)] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT state, COUNT(*) AS n, COALESCE(SUM(pages), 0) AS p FROM items WHERE job_id = ? GROUP BY state",
        arguments: [item.job])
      {
        counts[row["state"]] = (row["n"], row["p"])
      }
      var problems: [JobProblem] = []
      for text in try String.fetchAll(
        db, sql: "SELECT problems FROM items WHERE job_id = ? AND state = 'failed' ORDER BY position",
        arguments: [item.job])
      {
        problems.append(contentsOf: JobSchema.decodeProblems(text))
      }
      let status = JobSchema.status(
        JobRow(job), counts: counts, problems: Array(problems.prefix(100)), problemCount: problems.count,
        retention: retention)
      let delivery = JobID.make()
      try db.execute(
        sql: """
          INSERT INTO deliveries (id, job_id, owner, url, body, state, attempts, next_at)
          VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)
          """,
        arguments: [
          delivery, item.job, job["owner"] as String, url,
          Data(WebhookPayload.body(delivery: delivery, status: status)), now.timeIntervalSince1970,
        ])
      return true
    }
  }

  func release(worker: String, items: [ItemKey]?) async throws {
    try await database.write { db in
      if let items {
        for item in items {
          try db.execute(
            sql: """
              UPDATE items SET lease_owner = NULL, lease_until = NULL, attempts = MAX(0, attempts - 1)
              WHERE job_id = ? AND position = ? AND lease_owner = ? AND state = 'pending'
              """, arguments: [item.job, item.position, worker])
        }
      } else {
        try db.execute(
          sql: "UPDATE items SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND state = 'pending'",
          arguments: [worker])
      }
    }
  }

  func cancel(id: String, owner: String, now: Date) async throws -> CancelOutcome {
    try await database.write { db in
      guard
        let state = try String.fetchOne(
          db, sql: "SELECT state FROM jobs WHERE id = ? AND owner = ?", arguments: [id, owner])
      else { return .notFound }
      if state == JobState.queued.rawValue || state == JobState.running.rawValue {
        try db.execute(
          sql: "UPDATE jobs SET state = 'cancelled', finished_at = ? WHERE id = ?",
          arguments: [now.timeIntervalSince1970, id])
        try db.execute(
          sql: """
            UPDATE items SET state = 'cancelled', data = x'', sheet = NULL, lease_owner = NULL, lease_until = NULL
            WHERE job_id = ? AND state = 'pending'
            """, arguments: [id])
        return .cancelled
      }
      try Self.remove(db, where: "id = ?", arguments: [id])
      return .removed
    }
  }

  private static func remove(_ db: Database, where condition: String, arguments: StatementArguments) throws {
    let jobs = "SELECT id FROM jobs WHERE \(condition)"
    try db.execute(sql: "DELETE FROM items WHERE job_id IN (\(jobs))", arguments: arguments)
    try db.execute(sql: "DELETE FROM deliveries WHERE job_id IN (\(jobs))", arguments: arguments)
    try db.execute(sql: "DELETE FROM jobs WHERE \(condition)", arguments: arguments)
  }

  func resultFiles(id: String) async throws -> [ResultFile] {
    try await database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT position, file_name FROM items WHERE job_id = ? AND state = 'printed' ORDER BY position",
        arguments: [id]
      ).map { ResultFile(key: ItemKey(job: id, position: $0["position"]), name: $0["file_name"]) }
    }
  }

  func resultBytes(_ item: ItemKey) async throws -> [UInt8]? {
    try await database.read { db in
      try Data.fetchOne(
        db, sql: "SELECT result FROM items WHERE job_id = ? AND position = ? AND state = 'printed'",
        arguments: [item.job, item.position]
      ).map { [UInt8]($0) }
    }
  }

  func unfinishedCount() async throws -> Int {
    try await database.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')") ?? 0
    }
  }

  func removeFinished(before: Date) async throws -> Int {
    try await database.write { db in
      let count =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM jobs WHERE finished_at < ?", arguments: [before.timeIntervalSince1970]) ?? 0
      if count > 0 { try Self.remove(db, where: "finished_at < ?", arguments: [before.timeIntervalSince1970]) }
      return count
    }
  }

  func claimDeliveries(worker: String, limit: Int, until: Date, now: Date) async throws -> [WebhookDelivery] {
    try await database.write { db in
      try Row.fetchAll(
        db,
        sql: """
          UPDATE deliveries SET lease_owner = ?, lease_until = ?
          WHERE id IN (
            SELECT id FROM deliveries WHERE state = 'pending' AND next_at <= ?
              AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_at LIMIT ?)
          RETURNING id, job_id, owner, url, body, attempts
          """,
        arguments: [worker, until.timeIntervalSince1970, now.timeIntervalSince1970, now.timeIntervalSince1970, limit]
      ).map { row in
        let body: Data = row["body"]
        return WebhookDelivery(
          id: row["id"], job: row["job_id"], owner: row["owner"], url: row["url"], body: [UInt8](body),
          attempts: row["attempts"])
      }
    }
  }

  func deliveryAttempted(id: String, worker: String, delivered: Bool, retryAt: Date?, error: String?) async throws {
    let state = delivered ? "delivered" : retryAt == nil ? "failed" : "pending"
    try await database.write { db in
      try db.execute(
        sql: """
          UPDATE deliveries SET attempts = attempts + 1, state = ?, next_at = COALESCE(?, next_at), last_error = ?,
            lease_owner = NULL, lease_until = NULL
          WHERE id = ? AND lease_owner = ?
          """, arguments: [state, retryAt?.timeIntervalSince1970, error, id, worker])
    }
  }
}

struct JobStoreError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Job and delivery ids: 128 random bits, hex.
enum JobID {
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
  }
}
