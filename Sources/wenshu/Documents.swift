import ArgumentParser
import WenshuDocuments
import WenshuLayout

extension Wenshu {
  struct Documents: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "documents",
      abstract: "Lists the documents Wenshu prints, with their layouts and offices.")

    func run() throws {
      let catalog: DocumentCatalog
      do { catalog = try DocumentCatalog(folder: WenshuHome.locate().layouts) } catch {
        printError("\(error)")
        throw Exit.config
      }
      for name in catalog.documents {
        for layout in catalog.layouts[name]! {
          let offices = layout.offices.isEmpty ? "any" : layout.offices.joined(separator: ",")
          print("\(name)\t\(layout.variant)\t\(layout.file)\t\(offices)\t\(layout.summary)")
        }
      }
    }
  }
}
