import ArgumentParser
import WenshuDocuments
import WenshuLayout

extension Wenshu {
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Prints the JSON Schema of a document's data.",
      discussion: "Data that breaks it is rejected by `wenshu print` with every problem and its path.")

    @Argument(help: "The document, e.g. confirmation.")
    var document: String

    @Option(help: "The office whose form of the document to describe (a profile id such as guangdong).")
    var office: String?

    @Option(help: "The variant, e.g. district for the district union's 告知书.")
    var variant: String = "default"

    func run() throws {
      let catalog: DocumentCatalog
      do { catalog = try DocumentCatalog(folder: WenshuHome.locate().layouts) } catch {
        printError("\(error)")
        throw Exit.config
      }
      guard let layout = catalog.layout(document: document, office: office, variant: variant) else {
        printError("no layout of '\(document)' for office \(office ?? "-") and variant \(variant) (documents: \(catalog.documents.joined(separator: ", ")))")
        throw Exit.dataError
      }
      print(JSONSchemaWriter.schema(for: layout, types: DomainTypes.all), terminator: "")
    }
  }
}
