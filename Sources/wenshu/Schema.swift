import ArgumentParser
import WenshuDocuments
import WenshuLayout

extension Wenshu {
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schema",
      abstract: "Prints the JSON Schema of a document's data.",
      discussion: """
        Without --variant and --office: the document's schema, which is exactly one of its layouts' \
        (chosen by the data's variant and office). With either: that layout's. The schema is what \
        `wenshu print` and the render service accept, as far as JSON Schema can say it; what it \
        cannot (check characters, sums, characters the fonts lack) is refused with every problem and its path.
        """)

    @Argument(help: "The document, e.g. confirmation.")
    var document: String

    @Option(help: "The office whose form of the document to describe (a profile id such as guangdong).")
    var office: String?

    @Option(help: "The variant, e.g. district for the district union's 告知书 (default: the default form).")
    var variant: String?

    func run() throws {
      let catalog: DocumentCatalog
      do { catalog = try DocumentCatalog(folder: WenshuHome.locate().layouts) } catch {
        printError("\(error)")
        throw Exit.config
      }
      do {
        print(
          JSONWriter.write(try catalog.schema(document: document, variant: variant, office: office)), terminator: "")
      } catch {
        printError("\(error)")
        throw Exit.dataError
      }
    }
  }
}
