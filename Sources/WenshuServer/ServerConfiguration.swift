import WenshuSigning

/// How the render service runs. Every replica is stateless but for the job store it names:
/// run as many as needed behind any load balancer, each with its own `workers` and memory.
public struct ServerConfiguration: Sendable {
  public var host: String
  public var port: Int
  /// Renders at once (default: the number of cores).
  public var workers: Int
  /// Requests waiting for a worker (each holding its body) before new ones get 429 with
  /// Retry-After.
  public var queueLimit: Int
  /// Largest request body accepted, in bytes (413 beyond).
  public var bodyLimit: Int
  /// API keys given the old way (`WENSHU_API_KEYS`), in `Authorization: Bearer …` or
  /// `X-API-Key`: each may print every office's documents. With `scopedKeys` empty too, no
  /// authentication.
  public var apiKeys: [String]
  /// Keys from `--api-keys-file`: each prints only its offices' (and documents') data.
  public var scopedKeys: [APIKey]
  /// Names beyond loopback and `host` that `Host` may carry (`AllowedHosts`).
  public var allowedHosts: [String]
  /// Longest a request may hold its worker before it gets 503 and the worker is freed of it.
  public var renderTimeout: Duration
  /// Longest a client may take to send its body (a slow client gets 408, and holds no worker).
  public var bodyTimeout: Duration
  /// A connection with no traffic for this long is closed.
  public var idleTimeout: Duration
  /// Whether data may override fields of its office's profile (name, account, bank, seal,
  /// signer). Off: the profiles in `Layouts/offices/` are the only source of those facts.
  public var allowOfficeOverrides: Bool
  /// The operator's signing keys (`--signing-keys`): every PDF of an office with a key is signed.
  public var signingKeys: SigningKeys? = nil
  /// Batch jobs: where they are kept, for how long, and their limits (`--jobs-db`, `--job-retention`).
  public var jobs = JobSettings()
  /// The secret that signs webhooks of jobs made without a key, or with a key from
  /// `WENSHU_API_KEYS` (`WENSHU_WEBHOOK_SECRET`); a key from the keys file has its own.
  public var webhookSecret: String? = nil

  public init(
    host: String = "127.0.0.1", port: Int = 8080, workers: Int = ServerConfiguration.cores,
    queueLimit: Int = ServerConfiguration.defaultQueue, bodyLimit: Int = ServerConfiguration.defaultBodyLimit,
    apiKeys: [String] = [],
    renderTimeout: Duration = .seconds(defaultRenderTimeout), bodyTimeout: Duration = .seconds(defaultBodyTimeout),
    idleTimeout: Duration = .seconds(60),
    allowOfficeOverrides: Bool = false, scopedKeys: [APIKey] = [], allowedHosts: [String] = []
  ) {
    self.scopedKeys = scopedKeys
    self.allowedHosts = allowedHosts
    self.allowOfficeOverrides = allowOfficeOverrides
    self.bodyTimeout = bodyTimeout
    self.idleTimeout = idleTimeout
    self.host = host
    self.port = port
    self.workers = workers
    self.queueLimit = queueLimit
    self.bodyLimit = bodyLimit
    self.apiKeys = apiKeys
    self.renderTimeout = renderTimeout
  }

  /// Every key the server accepts.
  public var keys: [APIKey] { APIKey.unscoped(apiKeys) + scopedKeys }

  /// The defaults keep 2 workers within 400 MiB (`MemoryBudget`).
  public static let defaultQueue = 8
  public static let defaultBodyLimit = 8 << 20
  /// Seconds; together the longest a request lasts once sent, so what a rollout's drain
  /// must wait for (the Kubernetes manifest's grace period, `RolloutTests`).
  public static let defaultRenderTimeout = 60
  public static let defaultBodyTimeout = 30

  public static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
