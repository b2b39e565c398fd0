import ArgumentParser
import Foundation
import WenshuDocuments
import WenshuLayout
import WenshuSheets

extension Wenshu {
  struct Print: ParsableCommand {
    static var configuration: CommandConfiguration {
      // The document list reads every layout: only worth it when help is being shown.
      let helping = CommandLine.arguments.contains { ["--help", "-h", "help"].contains($0) }
      return CommandConfiguration(
        abstract: "Renders a document from its JSON data into a PDF (or an OFD, GB/T 33190).",
        discussion: (helping ? documentHelp() : "") + """


          Every problem in the data is reported at once on stderr, each with its JSON path \
          (e.g. members[12].name: U+2A6D7 '𪛗' has no glyph in any bundled font), and the \
          exit status is 65; nothing is written then. Exit 66: input unreadable; 73: output \
          cannot be created (a missing folder, a read-only file without --force); 74: writing \
          failed (a full disk; no partial file is left); 78: layouts or fonts missing or broken.

          With --format ofd, or an output file named *.ofd, the document is written as OFD \
          (GB/T 33190-2016, 版式文档), the national fixed-layout format: the same pages, the \
          text selectable, the fonts embedded as subsets.

          The PDF holds names and ID numbers: a new file is created with mode 0600 (less if \
          the umask asks), a replaced file keeps its mode. It is written to a temporary file \
          beside it (mode 0600) and renamed into place; one left by a killed run is removed \
          by the next write to that folder.

          With --members, the member list comes from a spreadsheet (.xlsx, or .csv in UTF-8 or \
          GBK as Excel saves it): columns are found by their header names (姓名, 证件类型, \
          证件号码 or 身份证号, 性别, 出生日期, 保障活动, …; `wenshu template <document> --xlsx` \
          writes an empty one), and each problem names the cell to fix (Sheet1!C12: …).

          Examples:
            wenshu print confirmation samples/confirmation/henan-12.json -o confirmation.pdf
            wenshu print confirmation samples/confirmation/henan-12.json -o confirmation.ofd
            wenshu print overage-certificate unit.json --members 名单.xlsx -o 超龄证明.pdf
          """)
    }

    @Argument(help: "The document to print (see below).")
    var document: String

    @Argument(help: "The JSON data file, or - for standard input.")
    var data: String

    @Option(
      name: .shortAndLong,
      help:
        "Where to write the PDF, or - for standard output. Default: the data file's name with .pdf (.ofd), in the current folder (standard output when reading standard input)."
    )
    var output: String?

    @Option(
      help: ArgumentHelp(
        "pdf or ofd (GB/T 33190). Default: ofd when the output file's name ends in .ofd, else pdf.",
        valueName: "format"))
    var format: FileFormat?

    @Option(
      help: ArgumentHelp(
        "A spreadsheet (.xlsx or .csv) whose rows replace the data's member list (`members`); of a workbook, the first sheet with the list's header row is read.",
        valueName: "file"))
    var members: String?

    @Option(
      help: ArgumentHelp(
        "With --members: when rows of the list fail, write them here to fix and upload again — the list's header and columns, only the failed rows with their row numbers (原行号) and reasons (失败原因), each cell to fix filled red with a comment. An .xlsx list gives an .xlsx, a CSV list a CSV. Written only when the print fails.",
        valueName: "file"))
    var failedRows: String?

    @Option(
      help: ArgumentHelp(
        "A further folder of layout files to read besides Layouts/, e.g. scripts/bench-layouts (the benchmark's `bench` variants). Not needed for the product's documents.",
        valueName: "folder"))
    var extraLayouts: String?
    @Flag(help: "Replace the output file even if it is read-only (its mode is kept).")
    var force = false

    @Flag(
      help:
        "Let the data override fields of its office's profile (name, account, bank, seal, signer); refused otherwise.")
    var allowOfficeOverrides = false

    func validate() throws {
      if let format, let output, output != "-", let named = FileFormat(fileName: output), named != format {
        throw ValidationError("--format \(format.rawValue) does not match the output file \(output)")
      }
      if failedRows != nil && members == nil {
        throw ValidationError("--failed-rows needs --members: it hands back the rows of that list that failed")
      }
    }

    func run() throws {
      var failedList: FailedList?
      let renderer: DocumentRenderer
      do {
        renderer = try DocumentRenderer(
          home: WenshuHome.locate(), document: document, extraLayouts: extraLayouts.map { URL(fileURLWithPath: $0) },
          allowingOfficeOverrides: allowOfficeOverrides)
      } catch {
        printError("\(error)")
        throw Exit.config
      }
      // The input's bytes are let go once parsed: a 20,000-member file is 4 MB.
      var json: [UInt8]
      do { json = try readInput(data) } catch {
        printError("cannot read \(data): \(error.localizedDescription)")
        throw Exit.noInput
      }
      let pdf: [UInt8]
      do throws(RenderFailure) {
        var parsed = try renderer.parse(document: document, json: json)
        json = []
        var list: MemberSheet?
        if let members {
          let (imported, sheet, isWorkbook) = try memberImport(
            members, data: parsed, catalog: renderer.catalog, document: document)
          (parsed, list) = (imported.data, imported.sheet)
          if let failedRows {
            failedList = FailedList(
              target: failedRows, sheet: sheet, list: imported.sheet,
              fields: MemberImport.memberFields(data: parsed, catalog: renderer.catalog, document: document),
              csv: !isWorkbook)
          }
        }
        let result: (pdf: [UInt8], warnings: [DataProblem])
        do throws(RenderFailure) { result = try render(renderer, parsed, list: list) } catch {
          if case .data(let problems) = error { try failedList?.write(problems) }
          throw error
        }
        pdf = result.pdf
        for warning in list?.locate(result.warnings) ?? result.warnings { printError("warning: \(warning)") }
      } catch {
        switch error {
        case .layout: printError(error.description); throw Exit.config
        case .data, .output, .malformed, .unknownDocument, .cancelled, .forbidden:
          printError(error.description)
          throw Exit.dataError
        }
      }
      let target = output ?? defaultOutput
      try writeOutputOrExit(pdf, to: target, force: force)
    }

    /// Renders; with a member sheet, every problem is shown at its cell, the sheet's own
    /// (which stop the print) together with what the rest of the checks find.
    func render(
      _ renderer: DocumentRenderer, _ data: DataValue, list: MemberSheet?
    ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
      guard let list else { return try render(renderer, data) }
      do throws(RenderFailure) {
        guard list.problems.isEmpty else {
          _ = try renderer.prepare(document: document, data: data)
          throw RenderFailure.data([])
        }
        return try render(renderer, data)
      } catch .data(let found) {
        throw .data(list.problems + list.locate(found))
      }
    }

    /// The file in the chosen format.
    private func render(
      _ renderer: DocumentRenderer, _ data: DataValue
    ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
      switch chosenFormat {
      case .pdf: return try renderer.render(document: document, data: data)
      case .ofd:
        let (ofd, warnings) = try renderer.renderOFD(document: document, data: data)
        return (ofd, warnings)
      }
    }

    /// --format, or what the output file's name says, or PDF.
    var chosenFormat: FileFormat { format ?? output.flatMap(FileFormat.init(fileName:)) ?? .pdf }

    var defaultOutput: String {
      guard data != "-" else { return "-" }
      return URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent + "." + chosenFormat.rawValue
    }

    static func documentHelp() -> String {
      guard let home = try? WenshuHome.locate(), let catalog = try? DocumentCatalog(folder: home.layouts) else {
        return "Documents: (layouts not found; run scripts/setup or set WENSHU_HOME)"
      }
      var lines = ["Documents:"]
      for name in catalog.documents {
        for layout in catalog.layouts[name]! {
          lines.append(
            "  \(name)\(layout.variant == "default" ? "" : " (variant \(layout.variant))") — \(layout.summary)")
          lines.append(
            "    layout \(layout.file); offices: \(layout.offices.isEmpty ? "any" : layout.offices.joined(separator: ", "))"
          )
          lines.append("    data fields: \(LayoutFields.topLevel(layout).joined(separator: ", "))")
        }
      }
      return lines.joined(separator: "\n")
    }
  }
}

/// The file formats `print` writes.
enum FileFormat: String, ExpressibleByArgument, CaseIterable {
  case pdf, ofd

  /// The format a file's extension names (`x.ofd`), or nil for another extension.
  init?(fileName: String) {
    self.init(rawValue: URL(fileURLWithPath: fileName).pathExtension.lowercased())
  }
}
