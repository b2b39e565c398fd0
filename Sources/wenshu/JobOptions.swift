import ArgumentParser
import Foundation
import WenshuServer

/// `serve`'s options for batch jobs (`POST /v1/jobs`).
struct JobOptions: ParsableArguments {
  @Option(
    name: .customLong("jobs-db"),
    help: ArgumentHelp(
      "The job store: a SQLite file (created 0600 in a 0700 folder: items hold names and ID numbers); postgres://user:password@host:5432/database (?sslmode=disable|require) for replicas sharing the work; or :memory: to keep jobs only while the process runs. Default: $WENSHU_JOBS_DB, else $XDG_STATE_HOME/wenshu/jobs.sqlite (~/.local/state/wenshu/jobs.sqlite).",
      valueName: "path"))
  var jobsDB: String?
  @Option(
    help: ArgumentHelp(
      "How long a finished job and its result are kept, then removed: 90s, 30m, 24h or 7d.", valueName: "time"))
  var jobRetention: String = "24h"
  @Option(
    help:
      "Seconds a replica holds the items it prints without renewing; a replica that dies loses its items to the others after this."
  )
  var jobLease: Int = 60
  @Option(help: "Jobs waiting or printing at most; a new job beyond gets 429 with Retry-After.") var jobQueue: Int = 100
  @Option(help: "Items one job may have (413 beyond).") var maxJobItems: Int = 10_000
  @Flag(
    help:
      "Let webhooks go to http URLs and to loopback, private and link-local addresses (refused by default: a client could make the server call inside its network)."
  )
  var webhookPrivate = false

  func validate() throws {
    guard Self.seconds(jobRetention) != nil else {
      throw ValidationError("--job-retention: a number with s, m, h or d (90s, 30m, 24h, 7d)")
    }
    guard jobQueue >= 1, maxJobItems >= 1, jobLease >= 1 else {
      throw ValidationError("--job-queue, --max-job-items and --job-lease are at least 1")
    }
  }

  /// The settings, with the store's path resolved.
  func settings(environment: [String: String] = ProcessInfo.processInfo.environment) -> JobSettings {
    let path = jobsDB ?? environment["WENSHU_JOBS_DB"] ?? Self.defaultPath(environment)
    return JobSettings(
      database: path == ":memory:" ? nil : path, retention: Self.seconds(jobRetention) ?? 86_400,
      lease: TimeInterval(jobLease), queueLimit: jobQueue,
      itemLimit: maxJobItems, webhookPrivate: webhookPrivate)
  }

  static func defaultPath(_ environment: [String: String]) -> String {
    let state =
      environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
    return state + "/wenshu/jobs.sqlite"
  }

  /// `90s`, `30m`, `24h`, `7d` or plain seconds.
  static func seconds(_ text: String) -> TimeInterval? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    if let unit = text.last, let factor = units[unit], let n = Double(text.dropLast()), n >= 0 { return n * factor }
    return Double(text).flatMap { $0 >= 0 ? $0 : nil }
  }
}
