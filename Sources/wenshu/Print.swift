import ArgumentParser
import Foundation
import WenshuDocuments
import WenshuLayout
import WenshuSheets
import WenshuSigning

extension Wenshu {
  struct Print: ParsableCommand {
    static var configuration: CommandConfiguration {
      // The document list reads every layout: only worth it when help is being shown.
      let helping = CommandLine.arguments.contains { ["--help", "-h", "help"].contains($0) }
      return CommandConfiguration(
        abstract: "Renders a document from its JSON data into a PDF.",
        discussion: (helping ? documentHelp() : "") + """


          Every problem in the data is reported at once on stderr, each with its JSON path \
          (e.g. members[12].name: U+2A6D7 '𪛗' has no glyph in any bundled font), and the \
          exit status is 65; nothing is written then. Exit 66: input unreadable; 73: output \
          not writable; 78: layouts or fonts missing or broken.

          With --members, the member list comes from a spreadsheet (.xlsx, or .csv in UTF-8 or \
          GBK as Excel saves it): columns are found by their header names (姓名, 证件类型, \
          证件号码 or 身份证号, 性别, 出生日期, 保障活动, …; `wenshu template <document> --xlsx` \
          writes an empty one), and each problem names the cell to fix (Sheet1!C12: …).

          Examples:
            wenshu print confirmation samples/confirmation/henan-12.json -o confirmation.pdf
            wenshu print overage-certificate unit.json --members 名单.xlsx -o 超龄证明.pdf
            wenshu print payment-notice notice.json --signing-keys /run/secrets/wenshu-signing --sign
          """)
    }

    @Argument(help: "The document to print (see below).")
    var document: String

    @Argument(help: "The JSON data file, or - for standard input.")
    var data: String

    @Option(
      name: .shortAndLong,
      help:
        "Where to write the PDF, or - for standard output. Default: the data file's name with .pdf, in the current folder (standard output when reading standard input)."
    )
    var output: String?

    @Option(
      help: ArgumentHelp(
        "A spreadsheet (.xlsx or .csv) whose rows replace the data's member list (`members`); of a workbook, the first sheet with the list's header row is read.",
        valueName: "file"))
    var members: String?

    @Option(
      help: ArgumentHelp(
        "A further folder of layout files to read besides Layouts/, e.g. scripts/bench-layouts (the benchmark's `bench` variants). Not needed for the product's documents.",
        valueName: "folder"))
    var extraLayouts: String?
    @Flag(
      help:
        "Let the data override fields of its office's profile (name, account, bank, seal, signer); refused otherwise.")
    var allowOfficeOverrides = false

    @Option(
      help: ArgumentHelp(
        "The operator's folder of signing keys: <office id>.pem (the office's certificate chain, its own first) and <office id>.key (its private key, P-256 or RSA ≥ 2048, PEM).",
        valueName: "folder"))
    var signingKeys: String?

    @Flag(
      help:
        "Sign the PDF with its office's key (PAdES B-B; the signature sits on the seal where the layout prints one). Needs --signing-keys."
    )
    var sign = false

    func validate() throws {
      if sign && signingKeys == nil { throw ValidationError("--sign needs --signing-keys <folder>") }
    }

    func run() throws {
      // Keys are read before any work, so a broken key folder stops the print at once.
      var keys: SigningKeys?
      if sign, let signingKeys {
        do { keys = try SigningKeys(folder: URL(fileURLWithPath: signingKeys)) } catch {
          printError("\(error)")
          throw Exit.config
        }
      }
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
      var parsed: DataValue
      var list: MemberSheet?
      do {
        parsed = try renderer.parse(document: document, json: json)
        json = []
        if let members {
          let imported = try memberImport(members, data: parsed, catalog: renderer.catalog, document: document)
          (parsed, list) = (imported.data, imported.sheet)
        }
      } catch {
        throw exit(for: error)
      }
      if let keys, let office = DocumentRenderer.office(of: parsed), keys.identities[office] == nil {
        printError(SigningError.noKey(office: office, folder: keys.folder.path).description)
        throw Exit.config
      }
      let pdf: [UInt8]
      do {
        let result = try render(renderer, parsed, list: list, keys: keys)
        pdf = result.pdf
        for warning in list?.locate(result.warnings) ?? result.warnings { printError("warning: \(warning)") }
      } catch {
        throw exit(for: error)
      }
      let target = output ?? defaultOutput
      do { try writeOutput(pdf, to: target) } catch {
        printError("cannot write \(target): \(error.localizedDescription)")
        throw Exit.cannotCreate
      }
    }

    /// Reports a failure on stderr; the exit status says whose it is (layouts: 78, data: 65).
    func exit(for error: RenderFailure) -> ExitCode {
      printError(error.description)
      switch error {
      case .layout: return Exit.config
      case .data, .output, .malformed, .unknownDocument, .cancelled, .forbidden: return Exit.dataError
      }
    }

    /// Renders; with a member sheet, every problem is shown at its cell, the sheet's own
    /// (which stop the print) together with what the rest of the checks find.
    func render(
      _ renderer: DocumentRenderer, _ data: DataValue, list: MemberSheet?, keys: SigningKeys?
    ) throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
      func output() throws(RenderFailure) -> (pdf: [UInt8], warnings: [DataProblem]) {
        guard let keys else { return try renderer.render(document: document, data: data) }
        return try renderer.renderSigned(document: document, data: data, keys: keys)
      }
      guard let list else { return try output() }
      do throws(RenderFailure) {
        guard list.problems.isEmpty else {
          _ = try renderer.prepare(document: document, data: data)
          throw RenderFailure.data([])
        }
        return try output()
      } catch .data(let found) {
        throw .data(list.problems + list.locate(found))
      }
    }

    var defaultOutput: String {
      guard data != "-" else { return "-" }
      return URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent + ".pdf"
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
