import ArgumentParser
import Foundation
import WenshuDocuments
import WenshuLayout

extension Wenshu {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Checks a layout file and sample data against it, without writing a PDF.",
      discussion: """
        Reports every problem at once on stderr: the layout's (file:line: message; the parser \
        stops at the first mistake in a file) and each sample's data problems with their JSON \
        paths (sample.json: members[3].idNumber: …), exactly as print and the service would \
        refuse them, pagination included. With no sample given, the document's samples in \
        samples/<document>/ are checked. Exit 0 when all is clean, 65 with problems.

        The layout is read with the others of its document from Layouts/ (or, for a file \
        elsewhere, from its folder too, as --extra-layouts does), so samples naming a variant \
        or an office are checked against the form they would print with.

        Example: wenshu check Layouts/overage-certificate.yaml samples/overage-certificate/henan.json
        """)

    @Argument(help: "The layout file, e.g. Layouts/confirmation.yaml.") var layout: String
    @Argument(help: "Sample data files (JSON) to check against it.") var samples: [String] = []

    func run() throws {
      let home: WenshuHome
      do { home = try WenshuHome.locate() } catch {
        printError("\(error)")
        throw Exit.config
      }
      let file = URL(fileURLWithPath: layout).standardizedFileURL
      guard let text = try? String(contentsOf: file, encoding: .utf8) else {
        printError("cannot read \(layout) as UTF-8")
        throw Exit.noInput
      }
      let parsed: LayoutDescription
      do {
        parsed = try DocumentLayouts.parser(
          file: layout, imagesFolder: home.layouts.appendingPathComponent("images").path,
          bases: DocumentCatalog.layoutBases(in: [file.deletingLastPathComponent(), home.layouts])
        ).parse(text)
      } catch {
        printError(error.description)
        throw Exit.dataError
      }
      let inLayouts = file.deletingLastPathComponent().path == home.layouts.standardizedFileURL.path
      let renderer: DocumentRenderer
      do {
        renderer = try DocumentRenderer(
          home: home, document: parsed.document, extraLayouts: inLayouts ? nil : file.deletingLastPathComponent())
      } catch {
        printError("\(error)")
        throw Exit.dataError
      }
      let files = samples.isEmpty ? defaultSamples(home: home, document: parsed.document) : samples
      let failed = files.filter { !check($0, document: parsed.document, renderer: renderer) }
      print("\(layout): layout ok; \(files.count) sample(s) checked, \(failed.count) with problems")
      if !failed.isEmpty { throw Exit.dataError }
    }

    /// Prints a sample's problems and warnings; true when it has no problem.
    func check(_ sample: String, document: String, renderer: DocumentRenderer) -> Bool {
      let json: [UInt8]
      do { json = try readInput(sample) } catch {
        printError("\(sample): cannot read: \(error.localizedDescription)")
        return false
      }
      do {
        let report = try renderer.validate(document: document, json: json)
        for warning in report.warnings.first { printError("\(sample): warning: \(warning)") }
        for problem in report.problems.first { printError("\(sample): \(problem)") }
        if report.problems.total > report.problems.first.count {
          printError("\(sample): … \(report.problems.total - report.problems.first.count) more problem(s)")
        }
        return report.isValid
      } catch {
        printError("\(sample): \(error.description)")
        return false
      }
    }

    func defaultSamples(home: WenshuHome, document: String) -> [String] {
      let folder = home.root.appendingPathComponent("samples/\(document)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }
  }
}
