import ArgumentParser
import WenshuDocuments
import WenshuLayout

extension Wenshu {
  struct Documents: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Lists the documents Wenshu prints, with their layouts and offices.")

    func run() throws {
      let catalog: DocumentCatalog
      do { catalog = try DocumentCatalog(folder: WenshuHome.locate().layouts) } catch {
        printError("\(error)")
        throw Exit.config
      }
      for name in catalog.documents {
        let layout = catalog.layouts[name]!
        print("\(name)\t\(layout.file)\t\(layout.offices.joined(separator: ","))\t\(layout.summary)")
      }
    }
  }
}
