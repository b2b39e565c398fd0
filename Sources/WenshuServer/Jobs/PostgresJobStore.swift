import Foundation
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The job store that several replicas share: PostgreSQL through postgres-nio
/// (`--jobs-db postgres://user:password@host:5432/database`, or `postgres:///database?host=/run/postgresql`
/// for a Unix socket). Items are claimed with `FOR UPDATE SKIP LOCKED`, so replicas claiming
/// at once take different items without waiting for each other, and with leases, so a
/// replica that dies loses its items to the others when the lease runs out. Results are kept
/// in the database (bytea), readable by every replica with no shared folder.
final class PostgresJobStore: JobStore {
  let client: PostgresClient
  let retention: TimeInterval
  private let logger: Logger
  private let migration = Mutex<Task<Void, any Error>?>(nil)

  init(url: String, retention: TimeInterval, logger: Logger) throws {
    guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
      throw JobStoreError("--jobs-db: not a postgres:// URL")
    }
    let query = Dictionary(
      (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    let user = parts.user ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    let password = parts.password ?? query["password"] ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    let database = path.isEmpty ? nil : path
    var configuration: PostgresClient.Configuration
    if let socket = query["host"], socket.hasPrefix("/") {
      let port = parts.port ?? 5432
      configuration = .init(
        unixSocketPath: "\(socket)/.s.PGSQL.\(port)", username: user, password: password, database: database)
    } else {
      let tls: PostgresClient.Configuration.TLS =
        query["sslmode"] == "disable"
        ? .disable
        : query["sslmode"] == "require" ? .require(.makeClientConfiguration()) : .prefer(.makeClientConfiguration())
      configuration = .init(
        host: parts.host ?? "localhost", port: parts.port ?? 5432, username: user, password: password,
        database: database, tls: tls)
    }
    configuration.options.maximumConnections = 8
    client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.retention = retention
    self.logger = logger
  }

  /// Waits until the tables are there (made by the first call; tried again after a failure).
  func prepared() async throws {
    let task = migration.withLock { task in
      if let task { return task }
      let made = Task { try await self.migrate() }
      task = made
      return made
    }
    do { try await task.value } catch {
      migration.withLock { $0 = nil }
      throw error
    }
  }

  /// Creates the tables once (replicas starting together take turns through an advisory lock).
  func migrate() async throws {
    try await client.withTransaction(logger: logger) { db in
      try await db.query("SELECT pg_advisory_xact_lock(72410124)", logger: logger)
      for statement in PostgresJobSchema.statements {
        try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger)
      }
    }
  }

  func create(_ job: NewJob, now: Date) async throws -> JobCreation {
    try await prepared()
    let logger = logger
    return try await client.withTransaction(logger: logger) { db in
      // One creation at a time: the queue bound and the Idempotency-Key hold across replicas.
      try await db.query("SELECT pg_advisory_xact_lock(72410125)", logger: logger)
      if let key = job.idempotencyKey {
        let rows = try await db.query(
          "SELECT id, body_sha256 FROM jobs WHERE owner = \(job.owner) AND idempotency_key = \(key)", logger: logger)
        for try await (id, digest) in rows.decode((String, String).self) {
          return digest == job.bodyDigest ? .repeated(id) : .conflict(id)
        }
      }
      var unfinished = 0
      for try await (n, ) in try await db.query(
        "SELECT COUNT(*)::int8 FROM jobs WHERE state IN ('queued', 'running')", logger: logger
      ).decode((Int,).self) {
        unfinished = n
      }
      guard unfinished < job.queueLimit else { return .full }
      let id = JobID.make()
      let offices = job.offices.map(JobSchema.encodeOffices)
      try await db.query(
        """
        INSERT INTO jobs (id, owner, offices, holder, document, format, webhook, idempotency_key, body_sha256,
          state, item_count, created_at) VALUES (\(id), \(job.owner), \(offices), \(job.holder), \(job.document),
          \(job.format.rawValue), \(job.webhook), \(job.idempotencyKey), \(job.bodyDigest), 'queued',
          \(job.items.count), \(now.timeIntervalSince1970))
        """, logger: logger)
      // Items in chunks, one statement each.
      var position = 0
      for chunk in stride(from: 0, to: job.items.count, by: 500) {
        let slice = job.items[chunk..<min(chunk + 500, job.items.count)]
        var positions: [Int] = []
        var data: [ByteBuffer] = []
        // An item without a sheet is sent as an empty one and stored as NULL (a form's sheet is never empty).
        var sheets: [ByteBuffer] = []
        var names: [String] = []
        for item in slice {
          positions.append(position)
          data.append(ByteBuffer(bytes: item.data))
          sheets.append(ByteBuffer(bytes: item.sheet?.bytes ?? []))
          names.append(item.sheet?.name ?? "")
          position += 1
        }
        try await db.query(
          """
          INSERT INTO items (job_id, position, data, sheet, sheet_name, state)
          SELECT \(id), p, d, NULLIF(s, ''::bytea), NULLIF(n, ''), 'pending'
          FROM unnest(\(positions)::int8[], \(data)::bytea[], \(sheets)::bytea[], \(names)::text[]) AS t(p, d, s, n)
          """, logger: logger)
      }
      return .created(id)
    }
  }

  func status(id: String, owner: String, now: Date) async throws -> JobStatus? {
    try await prepared()
    return try await client.withConnection { db -> JobStatus? in
      guard let job = try await Self.job(db, id: id, owner: owner, logger: self.logger) else { return nil }
      let (counts, problems, total) = try await Self.progress(db, id: id, limit: 100, logger: self.logger)
      return JobSchema.status(job, counts: counts, problems: problems, problemCount: total, retention: self.retention)
    }
  }

  static func job(_ db: PostgresConnection, id: String, owner: String?, logger: Logger) async throws -> JobRow? {
    let rows: PostgresQuery =
      if let owner {
        "SELECT \(unescaped: JobRow.columns) FROM jobs WHERE id = \(id) AND owner = \(owner)"
      } else {
        "SELECT \(unescaped: JobRow.columns) FROM jobs WHERE id = \(id)"
      }
    for try await row in try await db.query(rows, logger: logger).decode(
      (String, String, String, String, String, Int, Double, Double?, String?).self)
    {
      return JobRow(
        id: row.0, owner: row.1, document: row.2, format: row.3, state: row.4, itemCount: row.5, createdAt: row.6,
        finishedAt: row.7, webhook: row.8)
    }
    return nil
  }

  static func progress(_ db: PostgresConnection, id: String, limit: Int, logger: Logger) async throws -> (
    [String: (items: Int, pages: Int)], [JobProblem], Int
  ) {
    var counts: [String: (items: Int, pages: Int)] = [:]
    for try await (state, n, pages) in try await db.query(
      "SELECT state, COUNT(*)::int8, COALESCE(SUM(pages), 0)::int8 FROM items WHERE job_id = \(id) GROUP BY state",
      logger: logger
    ).decode((String, Int, Int).self) {
      counts[state] = (n, pages)
    }
    var problems: [JobProblem] = []
    var total = 0
    for try await (text, ) in try await db.query(
      "SELECT problems FROM items WHERE job_id = \(id) AND state = 'failed' ORDER BY position", logger: logger
    ).decode((String,).self) {
      let list = JobSchema.decodeProblems(text)
      total += list.count
      problems.append(contentsOf: list.prefix(max(0, limit - problems.count)))
    }
    return (counts, problems, total)
  }

  func claim(worker: String, limit: Int, until: Date, now: Date) async throws -> [ClaimedItem] {
    try await prepared()
    let logger = logger
    return try await client.withTransaction(logger: logger) { db in
      var claimed: [(String, Int, ByteBuffer, ByteBuffer?, String?)] = []
      for try await row in try await db.query(
        """
        WITH picked AS (
          SELECT i.job_id, i.position FROM items i JOIN jobs j ON j.id = i.job_id
          WHERE i.state = 'pending' AND j.state IN ('queued', 'running')
            AND (i.lease_until IS NULL OR i.lease_until < \(now.timeIntervalSince1970))
          ORDER BY j.created_at, i.job_id, i.position LIMIT \(limit)
          FOR UPDATE OF i SKIP LOCKED)
        UPDATE items SET lease_owner = \(worker), lease_until = \(until.timeIntervalSince1970),
          attempts = items.attempts + 1
        FROM picked WHERE items.job_id = picked.job_id AND items.position = picked.position
        RETURNING items.job_id, items.position, items.data, items.sheet, items.sheet_name
        """, logger: logger
      ).decode((String, Int, ByteBuffer, ByteBuffer?, String?).self) {
        claimed.append(row)
      }
      var jobs: [String: (String, String, Int, String?, String?)] = [:]
      for jobID in Set(claimed.map(\.0)) {
        try await db.query("UPDATE jobs SET state = 'running' WHERE id = \(jobID) AND state = 'queued'", logger: logger)
        for try await row in try await db.query(
          "SELECT document, format, item_count, offices, holder FROM jobs WHERE id = \(jobID)", logger: logger
        ).decode((String, String, Int, String?, String?).self) {
          jobs[jobID] = row
        }
      }
      return claimed.compactMap { item -> ClaimedItem? in
        guard let job = jobs[item.0] else { return nil }
        return ClaimedItem(
          key: ItemKey(job: item.0, position: item.1), data: Array(buffer: item.2),
          sheet: item.3.map { JobSheet(name: item.4 ?? JobSheet.unnamed, bytes: Array(buffer: $0)) }, document: job.0,
          format: JobFormat(rawValue: job.1) ?? .zip, itemCount: job.2, offices: job.3.map(JobSchema.decodeOffices),
          holder: job.4)
      }.sorted { ($0.key.job, $0.key.position) < ($1.key.job, $1.key.position) }
    }
  }

  func renew(worker: String, items: [ItemKey], until: Date) async throws {
    try await prepared()
    guard !items.isEmpty else { return }
    let jobs = items.map(\.job)
    let positions = items.map(\.position)
    try await client.query(
      """
      UPDATE items SET lease_until = \(until.timeIntervalSince1970)
      FROM unnest(\(jobs)::text[], \(positions)::int8[]) AS k(j, p)
      WHERE items.job_id = k.j AND items.position = k.p AND items.lease_owner = \(worker) AND items.state = 'pending'
      """, logger: logger)
  }

  func complete(_ item: ItemKey, worker: String, outcome: ItemOutcome, now: Date) async throws -> Bool {
    try await prepared()
    let logger = logger
    let retention = retention
    return try await client.withTransaction(logger: logger) { db in
      let updated: PostgresRowSequence
      switch outcome {
      case .printed(let file, let name, let pages):
        updated = try await db.query(
          """
          UPDATE items SET state = 'printed', result = \(ByteBuffer(bytes: file)), file_name = \(name), pages = \(pages),
            data = ''::bytea, sheet = NULL, lease_owner = NULL, lease_until = NULL
          WHERE job_id = \(item.job) AND position = \(item.position) AND state = 'pending' AND lease_owner = \(worker)
          RETURNING position
          """, logger: logger)
      case .failed(let problems):
        updated = try await db.query(
          """
          UPDATE items SET state = 'failed', problems = \(JobSchema.encodeProblems(problems)), data = ''::bytea, sheet = NULL,
            lease_owner = NULL, lease_until = NULL
          WHERE job_id = \(item.job) AND position = \(item.position) AND state = 'pending' AND lease_owner = \(worker)
          RETURNING position
          """, logger: logger)
      }
      var changed = 0
      for try await _ in updated.decode((Int,).self) { changed += 1 }
      guard changed == 1 else { return false }
      // Completions of one job's last items take turns, so exactly one of them completes the job.
      try await db.query("SELECT id FROM jobs WHERE id = \(item.job) FOR UPDATE", logger: logger)
      var pending = 0
      for try await (n, ) in try await db.query(
        "SELECT COUNT(*)::int8 FROM items WHERE job_id = \(item.job) AND state = 'pending'", logger: logger
      ).decode((Int,).self) {
        pending = n
      }
      guard pending == 0 else { return true }
      var finished = 0
      for try await _ in try await db.query(
        """
        UPDATE jobs SET state = 'completed', finished_at = \(now.timeIntervalSince1970)
        WHERE id = \(item.job) AND state IN ('queued', 'running') RETURNING id
        """, logger: logger
      ).decode((String,).self) {
        finished += 1
      }
      guard finished == 1, let job = try await Self.job(db, id: item.job, owner: nil, logger: logger),
        let url = job.webhook
      else { return true }
      let (counts, problems, total) = try await Self.progress(db, id: item.job, limit: 100, logger: logger)
      let status = JobSchema.status(job, counts: counts, problems: problems, problemCount: total, retention: retention)
      let delivery = JobID.make()
      let body = ByteBuffer(bytes: WebhookPayload.body(delivery: delivery, status: status))
      try await db.query(
        """
        INSERT INTO deliveries (id, job_id, owner, url, body, state, attempts, next_at)
        VALUES (\(delivery), \(item.job), \(job.owner), \(url), \(body), 'pending', 0, \(now.timeIntervalSince1970))
        """, logger: logger)
      return true
    }
  }

  func release(worker: String, items: [ItemKey]?) async throws {
    try await prepared()
    if let items {
      for item in items {
        try await client.query(
          """
          UPDATE items SET lease_owner = NULL, lease_until = NULL, attempts = GREATEST(0, attempts - 1)
          WHERE job_id = \(item.job) AND position = \(item.position) AND lease_owner = \(worker) AND state = 'pending'
          """, logger: logger)
      }
    } else {
      try await client.query(
        "UPDATE items SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = \(worker) AND state = 'pending'",
        logger: logger)
    }
  }

  func cancel(id: String, owner: String, now: Date) async throws -> CancelOutcome {
    try await prepared()
    let logger = logger
    return try await client.withTransaction(logger: logger) { db in
      var state: String?
      for try await (s, ) in try await db.query(
        "SELECT state FROM jobs WHERE id = \(id) AND owner = \(owner) FOR UPDATE", logger: logger
      ).decode((String,).self) {
        state = s
      }
      guard let state else { return .notFound }
      if state == JobState.queued.rawValue || state == JobState.running.rawValue {
        try await db.query(
          "UPDATE jobs SET state = 'cancelled', finished_at = \(now.timeIntervalSince1970) WHERE id = \(id)",
          logger: logger)
        try await db.query(
          """
          UPDATE items SET state = 'cancelled', data = ''::bytea, sheet = NULL, lease_owner = NULL, lease_until = NULL
          WHERE job_id = \(id) AND state = 'pending'
          """, logger: logger)
        return .cancelled
      }
      try await db.query("DELETE FROM items WHERE job_id = \(id)", logger: logger)
      try await db.query("DELETE FROM deliveries WHERE job_id = \(id)", logger: logger)
      try await db.query("DELETE FROM jobs WHERE id = \(id)", logger: logger)
      return .removed
    }
  }

  func resultFiles(id: String) async throws -> [ResultFile] {
    try await prepared()
    var files: [ResultFile] = []
    for try await (position, name) in try await client.query(
      "SELECT position, file_name FROM items WHERE job_id = \(id) AND state = 'printed' ORDER BY position",
      logger: logger
    ).decode((Int, String).self) {
      files.append(ResultFile(key: ItemKey(job: id, position: position), name: name))
    }
    return files
  }

  func resultBytes(_ item: ItemKey) async throws -> [UInt8]? {
    try await prepared()
    for try await (bytes, ) in try await client.query(
      "SELECT result FROM items WHERE job_id = \(item.job) AND position = \(item.position) AND state = 'printed'",
      logger: logger
    ).decode((ByteBuffer,).self) {
      return Array(buffer: bytes)
    }
    return nil
  }

  func unfinishedCount() async throws -> Int {
    try await prepared()
    for try await (n, ) in try await client.query(
      "SELECT COUNT(*)::int8 FROM jobs WHERE state IN ('queued', 'running')", logger: logger
    ).decode((Int,).self) {
      return n
    }
    return 0
  }

  func removeFinished(before: Date) async throws -> Int {
    try await prepared()
    let logger = logger
    let cutoff = before.timeIntervalSince1970
    return try await client.withTransaction(logger: logger) { db in
      var ids: [String] = []
      for try await (id, ) in try await db.query(
        "DELETE FROM jobs WHERE finished_at < \(cutoff) RETURNING id", logger: logger
      ).decode((String,).self) {
        ids.append(id)
      }
      guard !ids.isEmpty else { return 0 }
      try await db.query("DELETE FROM items WHERE job_id = ANY(\(ids)::text[])", logger: logger)
      try await db.query("DELETE FROM deliveries WHERE job_id = ANY(\(ids)::text[])", logger: logger)
      return ids.count
    }
  }

  func claimDeliveries(worker: String, limit: Int, until: Date, now: Date) async throws -> [WebhookDelivery] {
    try await prepared()
    var deliveries: [WebhookDelivery] = []
    let rows = try await client.query(
      """
      WITH due AS (
        SELECT id FROM deliveries WHERE state = 'pending' AND next_at <= \(now.timeIntervalSince1970)
          AND (lease_until IS NULL OR lease_until < \(now.timeIntervalSince1970))
        ORDER BY next_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
      UPDATE deliveries SET lease_owner = \(worker), lease_until = \(until.timeIntervalSince1970)
      FROM due WHERE deliveries.id = due.id
      RETURNING deliveries.id, deliveries.job_id, deliveries.owner, deliveries.url, deliveries.body, deliveries.attempts
      """, logger: logger)
    for try await row in rows.decode((String, String, String, String, ByteBuffer, Int).self) {
      deliveries.append(
        WebhookDelivery(
          id: row.0, job: row.1, owner: row.2, url: row.3, body: Array(buffer: row.4), attempts: row.5))
    }
    return deliveries
  }

  func deliveryAttempted(id: String, worker: String, delivered: Bool, retryAt: Date?, error: String?) async throws {
    try await prepared()
    let state = delivered ? "delivered" : retryAt == nil ? "failed" : "pending"
    try await client.query(
      """
      UPDATE deliveries SET attempts = attempts + 1, state = \(state),
        next_at = COALESCE(\(retryAt?.timeIntervalSince1970), next_at), last_error = \(error),
        lease_owner = NULL, lease_until = NULL
      WHERE id = \(id) AND lease_owner = \(worker)
      """, logger: logger)
  }
}

/// The tables in PostgreSQL's dialect (created if missing).
enum PostgresJobSchema {
  static let statements = [
    """
    CREATE TABLE IF NOT EXISTS jobs (
      id text PRIMARY KEY, owner text NOT NULL, offices text, holder text, document text NOT NULL,
      format text NOT NULL, webhook text, idempotency_key text, body_sha256 text NOT NULL, state text NOT NULL,
      item_count int8 NOT NULL, created_at float8 NOT NULL, finished_at float8, UNIQUE (owner, idempotency_key))
    """,
    "CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, created_at)",
    "CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (finished_at)",
    """
    CREATE TABLE IF NOT EXISTS items (
      job_id text NOT NULL, position int8 NOT NULL, data bytea NOT NULL, state text NOT NULL, lease_owner text,
      lease_until float8, attempts int8 NOT NULL DEFAULT 0, result bytea, file_name text, pages int8, problems text,
      PRIMARY KEY (job_id, position))
    """,
    "CREATE INDEX IF NOT EXISTS items_pending ON items (state, lease_until)",
    "ALTER TABLE items ADD COLUMN IF NOT EXISTS sheet bytea",
    "ALTER TABLE items ADD COLUMN IF NOT EXISTS sheet_name text",
    """
    CREATE TABLE IF NOT EXISTS deliveries (
      id text PRIMARY KEY, job_id text NOT NULL, owner text NOT NULL, url text NOT NULL, body bytea NOT NULL,
      state text NOT NULL, attempts int8 NOT NULL, next_at float8 NOT NULL, lease_owner text, lease_until float8,
      last_error text)
    """,
    "CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (state, next_at)",
  ]
}

/// Runs the PostgreSQL client's connection pool while the server runs.
struct PostgresConnections: Service {
  let client: PostgresClient

  func run() async throws {
    await cancelWhenGracefulShutdown { await client.run() }
  }
}
