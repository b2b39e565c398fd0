// Any bytes as a document's data: the JSON reader, the office and variant selection and
// the schema of every shipped layout may reject them, never crash or hang.
import Foundation
import CFuzzDriver
import WenshuDocuments
import WenshuLayout

let home = try! WenshuHome.locate()
let catalog = try! DocumentCatalog(folder: home.layouts)
let validator = SchemaValidator(types: Dictionary(DomainTypes.all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
let schemas = catalog.layouts.values.joined().compactMap(\.schema)

/// SwiftPM names every executable's entry `<module>_main`; it hands over to libFuzzer.
@_cdecl("FuzzDataDecoder_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let value = try? JSONReader.parse(Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
  for schema in schemas { _ = validator.validate(value, schema) }
  return 0
}
