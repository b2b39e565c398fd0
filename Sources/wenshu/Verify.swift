import ArgumentParser
import Foundation
import WenshuSigning

extension Wenshu {
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Checks the verification code printed on a document: valid or not, and what it states.",
      discussion: """
        The argument is a PDF (each page is rasterised at 300 dpi by Poppler's pdftoppm and its \
        codes read by zbarimg), a picture of the page (PNG or JPEG: a scan or a phone's photo), \
        or the code's text itself (WS1:…). Every Wenshu code found is checked against the \
        office keys in --signing-keys (current <office>.ed25519 and retired/<office>.<label>.pub). \
        Exit status: 0 every code valid, 65 a code invalid (altered, forged, unknown key), \
        66 the input unreadable or holding no code, 78 the keys or a needed tool missing \
        (apt-get install poppler-utils zbar-tools).
        """)

    @Argument(help: "A PDF, a PNG/JPEG picture of a page, or a code's text (WS1:…).")
    var input: String

    @Option(
      help: ArgumentHelp(
        "The folder of office keys (as for print): <office>.ed25519 and retired/*.pub.", valueName: "folder"))
    var signingKeys: String

    @Flag(help: "Print the answer as JSON (as GET /v1/verify answers).")
    var json = false

    func run() throws {
      let ring: CodeKeyRing
      do { ring = try CodeKeyRing(folder: URL(fileURLWithPath: signingKeys)) } catch {
        printError("\(error)")
        throw Exit.config
      }
      let codes: [String]
      do { codes = try CodeReader.codes(in: input) } catch {
        printError(error.message)
        throw error.missingTool ? Exit.config : Exit.noInput
      }
      let answers = codes.map { VerificationAnswer(code: $0, keys: ring) }
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // One code: the object GET /v1/verify answers; several (a PDF of many documents): a list.
        let data = try answers.count == 1 ? encoder.encode(answers[0]) : encoder.encode(answers)
        print(String(decoding: data, as: UTF8.self))
      } else {
        for (index, answer) in answers.enumerated() {
          if answers.count > 1 { print("code \(index + 1) of \(answers.count)") }
          for line in answer.lines { print(line) }
        }
      }
      if answers.contains(where: { !$0.valid }) { throw Exit.dataError }
    }
  }
}

/// Finds the verification codes in what `wenshu verify` is given.
enum CodeReader {
  struct Failure: Error {
    var message: String
    var missingTool = false
  }

  static func codes(in input: String) throws(Failure) -> [String] {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix(VerificationCode.prefix) { return [trimmed] }
    guard FileManager.default.isReadableFile(atPath: input) else {
      throw Failure(
        message: "\(input): no such readable file, and not a code (a code starts with \(VerificationCode.prefix))")
    }
    var pictures = [input]
    var work: URL?
    defer { work.map { try? FileManager.default.removeItem(at: $0) } }
    if input.lowercased().hasSuffix(".pdf") {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-verify-\(UUID().uuidString)")
      do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
        throw Failure(message: "cannot make a folder for the page images: \(error.localizedDescription)")
      }
      work = folder
      let page = folder.appendingPathComponent("page").path
      let result = try run("pdftoppm", ["-r", "300", "-gray", "-png", input, page], package: "poppler-utils")
      guard result.status == 0 else { throw Failure(message: "\(input): not a readable PDF (\(result.stderr))") }
      pictures =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map {
          folder.appendingPathComponent($0).path
        }
    }
    var found: [String] = []
    for picture in pictures {
      // zbarimg exits 4 when a picture holds no code, 2 when it cannot read it.
      let result = try run(
        "zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", picture], package: "zbar-tools")
      guard result.status == 0 || result.status == 4 else {
        throw Failure(message: "\(input): not a readable picture (\(result.stderr))")
      }
      found += result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(VerificationCode.prefix) }
    }
    guard !found.isEmpty else { throw Failure(message: "\(input): no Wenshu verification code found") }
    return found
  }

  static func run(_ tool: String, _ arguments: [String], package: String) throws(Failure) -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map {
      "\($0)/\(tool)"
    }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else {
      throw Failure(
        message: "\(tool) is not installed: apt-get install \(package) (scripts/setup does)", missingTool: true)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let (out, err) = (Pipe(), Pipe())
    (process.standardOutput, process.standardError) = (out, err)
    do { try process.run() } catch { throw Failure(message: "cannot run \(tool): \(error.localizedDescription)") }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: stdout, as: UTF8.self),
      String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    )
  }
}
