// Any bytes as a document's data: the JSON reader, the office and variant selection and
// the schema of every shipped layout may reject them, never crash or hang.
import CFuzzDriver
import Foundation
import WenshuDocuments
import WenshuLayout

/// What every input is checked against: read once, before libFuzzer starts, so its
/// allocations are not taken for a leak of the first input (scripts/fuzz suppresses them).
struct Fixtures {
  let validator: SchemaValidator
  let schemas: [DataSchema]
}

nonisolated(unsafe) var fixtures: Fixtures!

@inline(never)
func loadFixtures() -> Fixtures {
  let home = try! WenshuHome.locate()
  let catalog = try! DocumentCatalog(folder: home.layouts)
  let validator = SchemaValidator(
    types: Dictionary(DomainTypes.all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
  let fixtures = Fixtures(validator: validator, schemas: catalog.layouts.values.joined().compactMap(\.schema))
  // One input through everything, so lazily made caches are made here too.
  if let value = try? JSONReader.parse(Array("{\"office\": \"qingdao\"}".utf8)) {
    for schema in fixtures.schemas { _ = fixtures.validator.validate(value, schema) }
  }
  return fixtures
}

/// SwiftPM names every executable's entry `<module>_main`; it hands over to libFuzzer.
@_cdecl("FuzzDataDecoder_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  fixtures = loadFixtures()
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let value = try? JSONReader.parse(Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
  for schema in fixtures.schemas { _ = fixtures.validator.validate(value, schema) }
  return 0
}
