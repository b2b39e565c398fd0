import ArgumentParser
import WenshuDocuments
import WenshuServer

extension Wenshu {
  struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "openapi",
      abstract: "Prints the render service's OpenAPI 3.1 description (what `wenshu serve` serves at /openapi.yaml).",
      discussion:
        "Written from the layouts in Layouts/, with the samples as examples: `wenshu openapi > docs/openapi.yaml` refreshes the committed copy."
    )

    func run() throws {
      let home: WenshuHome
      let catalog: DocumentCatalog
      do {
        home = try WenshuHome.locate()
        catalog = try DocumentCatalog(folder: home.layouts)
      } catch {
        printError("\(error)")
        throw Exit.config
      }
      print(WenshuService.openAPI(catalog: catalog, home: home), terminator: "")
    }
  }
}
