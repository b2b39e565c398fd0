import Foundation
import GRDB

/// The tables every job store has (SQLite's dialect here), and the row ↔ value conversions
/// the stores share.
enum JobSchema {
  static let sqlite = """
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      offices TEXT,
      holder TEXT,
      document TEXT NOT NULL,
      format TEXT NOT NULL,
      webhook TEXT,
      idempotency_key TEXT,
      body_sha256 TEXT NOT NULL,
      state TEXT NOT NULL,
      item_count INTEGER NOT NULL,
      created_at REAL NOT NULL,
      finished_at REAL,
      UNIQUE (owner, idempotency_key)
    );
    CREATE INDEX jobs_state ON jobs (state, created_at);
    CREATE INDEX jobs_finished ON jobs (finished_at);
    CREATE TABLE items (
      job_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      data BLOB NOT NULL,
      state TEXT NOT NULL,
      lease_owner TEXT,
      lease_until REAL,
      attempts INTEGER NOT NULL DEFAULT 0,
      result BLOB,
      file_name TEXT,
      pages INTEGER,
      problems TEXT,
      PRIMARY KEY (job_id, position)
    );
    CREATE INDEX items_pending ON items (state, lease_until);
    CREATE TABLE deliveries (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL,
      owner TEXT NOT NULL,
      url TEXT NOT NULL,
      body BLOB NOT NULL,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      next_at REAL NOT NULL,
      lease_owner TEXT,
      lease_until REAL,
      last_error TEXT
    );
    CREATE INDEX deliveries_due ON deliveries (state, next_at);
    """

  /// Each item's member spreadsheet (a form's `members` part), erased with its data.
  static let sqliteSheets = """
    ALTER TABLE items ADD COLUMN sheet BLOB;
    ALTER TABLE items ADD COLUMN sheet_name TEXT;
    """

  static func encodeOffices(_ offices: Set<String>) -> String {
    String(decoding: encodeJSON(offices.sorted()), as: UTF8.self)
  }

  static func decodeOffices(_ text: String) -> Set<String> {
    Set((try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [])
  }

  static func encodeProblems(_ problems: [JobProblem]) -> String {
    String(decoding: encodeJSON(problems), as: UTF8.self)
  }

  static func decodeProblems(_ text: String) -> [JobProblem] {
    (try? JSONDecoder().decode([JobProblem].self, from: Data(text.utf8))) ?? []
  }

  /// A job's row and its items' counts by state as the status its owner reads.
  static func status(
    _ job: JobRow, counts: [String: (items: Int, pages: Int)], problems: [JobProblem], problemCount: Int,
    retention: TimeInterval
  ) -> JobStatus {
    let state = JobState(rawValue: job.state) ?? .queued
    let finished = job.finishedAt.map { Date(timeIntervalSince1970: $0) }
    let printed = counts["printed"]?.items ?? 0
    return JobStatus(
      id: job.id, document: job.document, format: JobFormat(rawValue: job.format) ?? .zip, state: state,
      items: job.itemCount, printed: printed, failed: counts["failed"]?.items ?? 0,
      remaining: counts["pending"]?.items ?? 0, pages: counts["printed"]?.pages ?? 0,
      createdAt: Date(timeIntervalSince1970: job.createdAt).rfc3339, finishedAt: finished?.rfc3339,
      expiresAt: finished.map { $0.addingTimeInterval(retention).rfc3339 },
      result: state == .completed && printed > 0 ? "/v1/jobs/\(job.id)/result" : nil, problems: problems,
      problemCount: problemCount)
  }
}

/// The columns of a job that its status and webhook read, whichever store it came from.
struct JobRow: Sendable {
  var id: String
  var owner: String
  var document: String
  var format: String
  var state: String
  var itemCount: Int
  var createdAt: Double
  var finishedAt: Double?
  var webhook: String?

  static let columns = "id, owner, document, format, state, item_count, created_at, finished_at, webhook"
}

extension JobRow {
  init(_ row: Row) {
    self.init(
      id: row["id"], owner: row["owner"], document: row["document"], format: row["format"], state: row["state"],
      itemCount: row["item_count"], createdAt: row["created_at"], finishedAt: row["finished_at"],
      webhook: row["webhook"])
  }
}
