// In-process render benchmark: fonts and layouts loaded once, as in a warm server; each
// document rendered to PDF bytes repeatedly and timed. Not part of the tests.
//   swift run -c release wenshu-bench [--runs 50] [--no-warmup] [--extra-layouts folder] [document=data.json ...]
// With no documents it times every sample in samples/. --no-warmup skips each document's
// own warm-up render: `--no-warmup --runs 1 d=other.json d=data.json` times data.json right
// after a different document, the way ../shared/bench times its peers in process.
// --extra-layouts scripts/bench-layouts adds the benchmark's `bench` variants (data made by
// scripts/bench-convert); the product's catalogue does not hold them.
// --prepare times only what comes before the first page is drawn (the JSON parsed, checked,
// the pages counted): the part of a long list that Cairo's writing thread waits for.
import Foundation
import WenshuDocuments

var runs = 30
var warmUp = true
var prepareOnly = false
var extraLayouts: URL?
var jobs: [(document: String, file: String)] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  if argument == "--runs", let n = arguments.popFirst().flatMap(Int.init) {
    runs = n
  } else if argument == "--extra-layouts", let folder = arguments.popFirst() {
    extraLayouts = URL(fileURLWithPath: folder)
  } else if argument == "--no-warmup" {
    warmUp = false
  } else if argument == "--prepare" {
    prepareOnly = true
  } else if let eq = argument.firstIndex(of: "=") {
    jobs.append((String(argument[..<eq]), String(argument[argument.index(after: eq)...])))
  } else {
    FileHandle.standardError.write(
      Data(
        "usage: wenshu-bench [--runs N] [--no-warmup] [--prepare] [--extra-layouts folder] [document=data.json ...]\n"
          .utf8))
    exit(2)
  }
}
let home = try WenshuHome.locate()
if jobs.isEmpty {
  let samples = home.root.appendingPathComponent("samples")
  for document in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted() {
    for file in try FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent(document).path)
      .sorted()
    where file.hasSuffix(".json") {
      jobs.append((document, samples.appendingPathComponent("\(document)/\(file)").path))
    }
  }
}
let renderer = try DocumentRenderer(home: home, extraLayouts: extraLayouts)
print("document".padding(toLength: 44, withPad: " ", startingAt: 0), "median ms", "   p90 ms", "  pages")
for job in jobs {
  let json = [UInt8](try Data(contentsOf: URL(fileURLWithPath: job.file)))
  let count = json.count > 1_000_000 ? max(3, runs / 10) : runs
  if warmUp { _ = try renderer.render(document: job.document, json: json) }
  var times: [Double] = []
  var pdf: [UInt8] = []
  var counted = 0
  for _ in 0..<count {
    let start = ContinuousClock.now
    if prepareOnly {
      counted = try renderer.prepare(document: job.document, json: json).pageCount
    } else {
      pdf = try renderer.render(document: job.document, json: json).pdf
    }
    let d = ContinuousClock.now - start
    times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
  }
  times.sort()
  let text = String(decoding: pdf, as: UTF8.self)
  let pages =
    prepareOnly
    ? counted : text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count
  let name = "\(job.document) \(URL(fileURLWithPath: job.file).lastPathComponent)"
  print(
    name.padding(toLength: 44, withPad: " ", startingAt: 0),
    String(
      format: "%9.2f  %9.2f  %5d", times[times.count / 2], times[min(times.count - 1, times.count * 9 / 10)],
      max(pages, 0)))
}
