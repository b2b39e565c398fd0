// Any bytes as a layout file: the parser may reject them, never crash or hang.
import CFuzzDriver
import WenshuDocuments
import WenshuLayout

let parser = LayoutParser(file: "fuzz.yaml", formatters: DocumentCatalog.formatters, types: DomainTypes.all, imagesFolder: "/nonexistent")

/// SwiftPM names every executable's entry `<module>_main`; it hands over to libFuzzer.
@_cdecl("FuzzLayoutParser_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? parser.parse(text)
  return 0
}
