import ArgumentParser
import Foundation
import WenshuDocuments
import WenshuLayout
import WenshuRender
import WenshuServer
import WenshuSheets
import WenshuSigning

extension Wenshu {
  struct Print: ParsableCommand {
    static var configuration: CommandConfiguration {
      // The document list reads every layout: only worth it when help is being shown.
      let helping = CommandLine.arguments.contains { ["--help", "-h", "help"].contains($0) }
      return CommandConfiguration(
        commandName: "print",
        abstract:
          "Renders a document from its JSON data into a PDF (or an OFD, GB/T 33190), or its lists into a workbook (.xlsx).",
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

          With --format xlsx (or -o NAME.xlsx), the document's lists are written as a workbook \
          instead: one sheet per table its layout exports (listed above, "xlsx:"), the document's \
          title and number above the table's header, each cell as printed (masked ID numbers \
          stay masked) with numbers, amounts and dates as typed cells. A document with no such \
          table is exit 64, naming it. The same checks run as for the PDF.

          Examples:
            wenshu print confirmation samples/confirmation/henan-12.json -o confirmation.pdf
            wenshu print confirmation samples/confirmation/henan-12.json -o confirmation.ofd
            wenshu print overage-certificate unit.json --members 名单.xlsx -o 超龄证明.pdf
            wenshu print confirmation samples/confirmation/henan-2000.json -o 会员名单.xlsx
          """)
    }

    @Argument(help: "The document to print (see below).")
    var document: String

    @Argument(help: "The JSON data file, or - for standard input.")
    var data: String

    @Option(
      name: .shortAndLong,
      help:
        "Where to write the PDF (OFD, workbook), or - for standard output. Default: the data file's name with .pdf (.ofd, .xlsx), in the current folder (standard output when reading standard input)."
    )
    var output: String?

    @Option(
      help: ArgumentHelp(
        "pdf; ofd (GB/T 33190); or xlsx for the document's lists as a workbook (the tables its layout exports). Default: what the output file's name ends in (.ofd, .xlsx), else pdf.",
        valueName: "format"))
    var format: PrintFormat?

    /// The formats `print` writes.
    enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
      case pdf, ofd, xlsx

      /// The format a file's extension names (`x.ofd`), or nil for another extension.
      init?(fileName: String) {
        self.init(rawValue: URL(fileURLWithPath: fileName).pathExtension.lowercased())
      }
    }

    /// --format, or what the output file's name says, or PDF.
    var chosenFormat: PrintFormat { format ?? output.flatMap(PrintFormat.init(fileName:)) ?? .pdf }

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

    @Option(
      help: ArgumentHelp(
        "The operator's folder of signing keys: <office id>.pem (the office's certificate chain, its own first) and <office id>.key (its private key, P-256 or RSA ≥ 2048, PEM) for --sign; <office id>.ed25519 for the verification QR a layout prints (printed whenever the office has one).",
        valueName: "folder"))
    var signingKeys: String?

    @Flag(
      help:
        "Sign the PDF with its office's key (PAdES B-B; the signature sits on the seal where the layout prints one). Needs --signing-keys."
    )
    var sign = false

    func validate() throws {
      if sign && signingKeys == nil { throw ValidationError("--sign needs --signing-keys <folder>") }
      if sign && chosenFormat != .pdf {
        throw ValidationError("--sign signs a PDF; --format \(chosenFormat.rawValue) is not signed")
      }
      if let format, let output, output != "-", let named = PrintFormat(fileName: output), named != format {
        throw ValidationError("--format \(format.rawValue) does not match the output file \(output)")
      }
      if failedRows != nil && members == nil {
        throw ValidationError("--failed-rows needs --members: it hands back the rows of that list that failed")
      }
    }

    func run() throws {
      // One large print: its freed blocks go back to the system (`ProcessHeap`).
      ProcessHeap.keepThresholds()
      // Keys are read before any work, so a broken key folder stops the print at once.
      var folder: SigningKeys?
      if let signingKeys {
        do { folder = try SigningKeys(folder: URL(fileURLWithPath: signingKeys)) } catch {
          printError("\(error)")
          throw Exit.config
        }
      }
      let keys = sign ? folder : nil
      var failedList: FailedList?
      var officeWithoutKey: String?
      let renderer: DocumentRenderer
      do {
        renderer = try DocumentRenderer(
          home: WenshuHome.locate(), document: document, extraLayouts: extraLayouts.map { URL(fileURLWithPath: $0) },
          allowingOfficeOverrides: allowOfficeOverrides, signingKeys: folder)
      } catch {
        printError("\(error)")
        throw Exit.config
      }
      if chosenFormat == .xlsx, !renderer.sheetDocuments.contains(document),
        renderer.catalog.layouts[document] != nil
      {
        let layout = renderer.catalog.layouts[document]![0].file
        printError(
          OutputFailure.noSheetMessage(document: document, layout: layout, offered: renderer.sheetDocuments))
        throw Exit.usage
      }
      // The input's bytes are let go once parsed: a 20,000-member file is 4 MB.
      var json: [UInt8]
      do { json = try readInput(data) } catch {
        printError("cannot read \(data): \(error.localizedDescription)")
        throw Exit.noInput
      }
      let pdf: [UInt8]
      var unexported: String?
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
        if let keys, let office = DocumentRenderer.office(of: parsed), keys.identities[office] == nil {
          officeWithoutKey = office
          pdf = []
        } else {
          let result: (file: [UInt8]?, warnings: [DataProblem], layout: String)
          // Handed over, not shared: the checks fill the data in where it stands.
          do throws(RenderFailure) { result = try render(renderer, consume parsed, list: list, keys: keys) } catch {
            if case .data(let problems) = error { try failedList?.write(problems) }
            throw error
          }
          pdf = result.file ?? []
          if result.file == nil { unexported = result.layout }
          for warning in list?.locate(result.warnings) ?? result.warnings { printError("warning: \(warning)") }
        }
      } catch {
        switch error {
        case .layout: printError(error.description); throw Exit.config
        case .data, .output, .malformed, .unknownDocument, .cancelled, .forbidden:
          printError(error.description)
          throw Exit.dataError
        }
      }
      if let officeWithoutKey, let keys {
        printError(SigningError.noKey(office: officeWithoutKey, folder: keys.folder.path).description)
        throw Exit.config
      }
      if let unexported {
        printError(
          OutputFailure.noSheetMessage(document: document, layout: unexported, offered: renderer.sheetDocuments))
        throw Exit.usage
      }
      let target = output ?? defaultOutput
      try writeOutputOrExit(pdf, to: target, force: force)
    }

    /// Renders (the file is nil for a workbook of a layout that exports no table); with a
    /// member sheet, every problem is shown at its cell, the sheet's own (which stop the
    /// print) together with what the rest of the checks find.
    func render(
      _ renderer: DocumentRenderer, _ data: consuming DataValue, list: MemberSheet?, keys: SigningKeys?
    ) throws(RenderFailure) -> (file: [UInt8]?, warnings: [DataProblem], layout: String) {
      do throws(RenderFailure) {
        if let list, !list.problems.isEmpty {
          _ = try renderer.prepare(document: document, data: consume data)
          throw RenderFailure.data([])
        }
        let office = DocumentRenderer.office(of: data)
        let prepared = try renderer.prepare(document: document, data: consume data)
        if let note = renderer.missingCodeNote(prepared, office: office) { printError("note: \(note)") }
        let file: [UInt8]?
        let progress = TerminalProgress(total: prepared.pageCount)
        defer { progress.finish() }
        switch chosenFormat {
        case .pdf:
          if let keys {
            file = try renderer.signedPDF(prepared, office: office, keys: keys)
          } else {
            file = try PDFRenderer.render(prepared) { index, _ in progress.show(index + 1) }
          }
        case .ofd: file = try OFDRenderer.render(prepared) { index, _ in progress.show(index + 1) }
        case .xlsx:
          do { file = try ListWorkbook.bytes(prepared) } catch { throw .output("\(error)") }
        }
        return (file, prepared.warnings, prepared.layoutFile)
      } catch .data(let found) {
        guard let list else { throw .data(found) }
        throw .data(list.problems + list.locate(found))
      }
    }

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
          let sheets = ListWorkbook.tableNames(layout)
          if !sheets.isEmpty { lines.append("    xlsx: \(sheets.joined(separator: ", "))") }
        }
      }
      return lines.joined(separator: "\n")
    }
  }
}
