/// The most memory a server may use, from its limits: what `serve --help`,
/// `docs/reliability.md` and the Kubernetes manifest state, and `MemoryTests` measures.
///
/// At rest a server holds its fonts, layouts and renderers (`base`). A request is admitted
/// before its body is read, so at most `workers + queue` bodies are held at once, each at
/// most `--max-body-mib`; a queued body is held as it came. A rendering worker holds its
/// body, the parsed data (several times the JSON: every value a Swift value), the checks'
/// results and the pages being drawn; `perRenderingMiB` is that, per MiB of body.
public struct MemoryBudget: Sendable {
  /// Fonts, layouts, one renderer per worker, the runtime: ~40 MiB at rest in a release build,
  /// but a debug server with one render and two queued bodies of half the limit peaked at
  /// 110–135 MiB (`MemoryTests`), which a base of 64 did not cover: so 112, with room.
  public static let baseMiB = 112
  /// A rendering worker's peak per MiB of its body.
  public static let perRenderingMiB = 12

  public var workers: Int
  public var queue: Int
  public var bodyMiB: Int

  public init(workers: Int, queue: Int, bodyMiB: Int) {
    self.workers = workers
    self.queue = queue
    self.bodyMiB = bodyMiB
  }

  /// `base + body × (perRendering × workers + queue)`, in MiB.
  public var peakMiB: Int { Self.baseMiB + bodyMiB * (Self.perRenderingMiB * workers + queue) }

  /// The formula in words, for `--help` and the docs.
  public static let formula =
    "\(baseMiB) MiB + max-body-mib × (\(perRenderingMiB) × workers + queue)"
}
