/// The most memory a server may use, from its limits: what `serve --help`,
/// `docs/reliability.md` and the Kubernetes manifest state, and `MemoryTests` measures.
///
/// At rest a server holds its fonts, layouts and renderers (`base`). A request is admitted
/// before its body is read, so at most `workers + queue` bodies are held at once, each at
/// most `--max-body-mib`; a queued body is held as it came, at its declared size. A rendering
/// worker holds its body, the parsed data (several times the JSON: every value a Swift
/// value), the checks' results, the pages being drawn and the file; `perRenderingMiB` is
/// that, per MiB of body.
///
/// Measured on a debug server (1 worker, 5 MiB bodies of 34,000 members): 50 MiB fresh,
/// 71 MiB at rest after a first render; one render alone adds ~53 MiB (10.6 per MiB of
/// body). One rendering and two queued at the limit, three renders in a row, peaked at
/// 171–175 MiB here and 201 MiB on CI until `ProcessHeap` bounded glibc's arenas and handed
/// a large render's freed memory back; since then 144 MiB. 14 per MiB allows 192.
public struct MemoryBudget: Sendable {
  /// Fonts, layouts, one renderer per worker, the runtime, and what glibc keeps of freed memory.
  public static let baseMiB = 112
  /// A rendering worker's peak per MiB of its body.
  public static let perRenderingMiB = 14

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
