// swift-tools-version: 6.1
// libFuzzer targets for the parsers that read outside input. Built apart from the main
// package because they need -sanitize=fuzzer: scripts/fuzz builds and runs them.
import PackageDescription

let package = Package(
  name: "WenshuFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "CFuzzDriver"),
    .executableTarget(
      name: "FuzzLayoutParser",
      dependencies: ["CFuzzDriver", .product(name: "WenshuDocuments", package: "main"), .product(name: "WenshuLayout", package: "main")]),
    .executableTarget(
      name: "FuzzDataDecoder",
      dependencies: ["CFuzzDriver", .product(name: "WenshuDocuments", package: "main"), .product(name: "WenshuLayout", package: "main")]),
  ]
)
