import ArgumentParser
import Foundation
import WenshuDocuments
import WenshuSheets

extension Wenshu {
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template",
      abstract: "Writes the empty member-list spreadsheet a unit fills in for `print --members`.",
      discussion: """
        The first row holds the column names the document reads (姓名, 证件类型, 证件号码, …), \
        in the form of the layout chosen by --variant and --office. In the .xlsx the text \
        columns are formatted as 文本, so Excel keeps an 18-digit ID number as typed. Columns \
        a member may leave empty (性别 and 出生日期 when the ID number states them) may also \
        be deleted.

        Example: wenshu template overage-certificate --xlsx -o 超龄人员名单.xlsx
        """)

    @Argument(help: "The document whose member list to write, e.g. confirmation or overage-certificate.")
    var document: String

    @Option(help: "The office whose form of the document to follow (a profile id such as guangdong).")
    var office: String?

    @Option(help: "The variant, e.g. dispatch (default: the default form).")
    var variant: String?

    @Flag(help: "Write an .xlsx workbook (the default).") var xlsx = false
    @Flag(help: "Write a CSV file instead (UTF-8 with the BOM Excel needs to read it).") var csv = false

    @Option(name: .shortAndLong, help: "Where to write it, or - for standard output.")
    var output: String = "-"

    func validate() throws {
      if xlsx && csv { throw ValidationError("--xlsx or --csv, not both") }
    }

    func run() throws {
      let catalog: DocumentCatalog
      do { catalog = try DocumentCatalog(folder: WenshuHome.locate().layouts, document: document) } catch {
        printError("\(error)")
        throw Exit.config
      }
      guard let layout = catalog.layout(document: document, office: office, variant: variant ?? "default") else {
        let choices = (catalog.layouts[document] ?? []).map { l in
          "--variant \(l.variant)" + (l.offices.isEmpty ? "" : " --office \(l.offices.joined(separator: "|"))")
        }
        printError(
          "no layout of '\(document)' for office \(office ?? "(none)") and variant \(variant ?? "default"); its layouts: "
            + choices.joined(separator: "; "))
        throw Exit.dataError
      }
      let fields = MemberImport.memberFields(layout)
      guard !fields.isEmpty else {
        printError("'\(document)' (\(layout.file)) has no member list")
        throw Exit.dataError
      }
      let columns = fields.map {
        TemplateXLSX.Column(
          header: MemberColumns.header(forField: $0.name) ?? $0.name, text: $0.type != "count" && $0.type != "age")
      }
      let bytes: [UInt8]
      if csv {
        bytes = [0xEF, 0xBB, 0xBF] + Array((columns.map(\.header).joined(separator: ",") + "\r\n").utf8)
      } else {
        do { bytes = try TemplateXLSX.write(columns: columns) } catch {
          printError("cannot write the workbook: \(error)")
          throw Exit.cannotCreate
        }
      }
      try writeOutputOrExit(bytes, to: output, force: false)
    }
  }
}
