// Any bytes as a layout file: the parser may reject them, never crash or hang.
import CFuzzDriver
import WenshuDocuments
import WenshuLayout

nonisolated(unsafe) var parser: LayoutParser!

/// The parser with the domain's formatters and types, made once before libFuzzer starts so
/// its allocations are not taken for a leak of the first input (scripts/fuzz suppresses them).
@inline(never)
func loadFixtures() -> LayoutParser {
  let parser = DocumentLayouts.parser(file: "fuzz.yaml", imagesFolder: "/nonexistent")
  // One input through it, so lazily made caches are made here too.
  _ = try? parser.parse("document: fuzz\n")
  return parser
}

/// SwiftPM names every executable's entry `<module>_main`; it hands over to libFuzzer.
@_cdecl("FuzzLayoutParser_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  parser = loadFixtures()
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
