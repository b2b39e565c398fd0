import Foundation
import Testing
import WenshuTestSupport

/// A long member list costs memory in proportion to its data, once: the parsed list is held
/// once (the checks fill in each member's derived fields where it stands, not in a copy) and
/// compactly (a list's rows share one table of keys, a repeated text is stored once). Measured
/// as a same-run ratio, never in MiB: another machine's peaks differ, the ratio does not.
@Suite("Member list memory", .serialized)
struct MemberListMemoryTests {
  /// Each further byte of members' data may cost at most this many bytes of peak memory.
  /// Measured in debug builds (as the tests run): 3.04–3.16 (load 4), 2.9 in a release build,
  /// since the unique check keeps identity numbers as two words, the reader leaves room for
  /// the derived fields and the print keeps glibc's thresholds (before: 4.6–6.0 debug, 5.5
  /// release; before the data was held once and compactly, 8.2). The bound is 42 % above the
  /// highest, room for another machine's allocator and scheduling (CI peaks ~19 % higher).
  static let bytesPerByte = 4.5

  @Test("200,000 members: each byte of data past 20,000 members costs at most 4.5 bytes of peak memory")
  func peakGrowsWithTheData() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("members-memory-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = try Fixtures.sample("confirmation", "henan-2000")
    var peaks: [Double] = []
    var sizes: [Double] = []
    for times in [10, 100] {
      let input = folder.appendingPathComponent("members-\(times).json")
      let data = try longMemberList(from: sample, times: times)
      try data.write(to: input)
      peaks.append(try Self.peakBytes(printing: input, to: folder.appendingPathComponent("out-\(times).pdf")))
      sizes.append(Double(data.count))
    }
    let ratio = (peaks[1] - peaks[0]) / (sizes[1] - sizes[0])
    print(
      "memory: peak \(Int(peaks[0]) >> 20) MiB for 20,000 members, \(Int(peaks[1]) >> 20) MiB for 200,000: "
        + "\(String(format: "%.2f", ratio)) bytes a byte of data")
    #expect(ratio <= Self.bytesPerByte, "\(ratio) bytes of peak memory a byte of data")
  }

  /// The peak resident memory of `wenshu print confirmation`, in bytes, as the kernel counted
  /// it for that process. Started by a small Python, not from here: a child spawned by this
  /// process is credited with this process's own peak (the kernel keeps the larger across
  /// exec), and the test process holds the 200,000 members it wrote.
  static func peakBytes(printing input: URL, to output: URL) throws -> Double {
    let binary =
      FileManager.default.fileExists(atPath: CLITests.binary)
      ? CLITests.binary : Fixtures.root.appendingPathComponent(".build/debug/wenshu").path
    let script = """
      import resource, subprocess, sys
      status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
      print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      """
    let r = try run("python3", ["-c", script, binary, "print", "confirmation", input.path, "-o", output.path])
    let fields = String(decoding: r.stdout, as: UTF8.self).split(separator: " ")
    try #require(fields.count == 2 && fields[0] == "0", "wenshu print failed: \(r.stderr)")
    return (Double(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) * 1024  // Linux counts KiB
  }
}
