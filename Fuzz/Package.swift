// swift-tools-version: 6.1
// libFuzzer targets for the parsers that read outside input. Built apart from the main
// package because they need -sanitize=fuzzer: scripts/fuzz builds and runs them.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the checkout is called.
let wenshu = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "WenshuFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "CFuzzDriver"),
    .executableTarget(
      name: "FuzzLayoutParser",
      dependencies: [
        "CFuzzDriver", .product(name: "WenshuDocuments", package: wenshu),
        .product(name: "WenshuLayout", package: wenshu),
      ]),
    .executableTarget(
      name: "FuzzDataDecoder",
      dependencies: [
        "CFuzzDriver", .product(name: "WenshuDocuments", package: wenshu),
        .product(name: "WenshuLayout", package: wenshu),
      ]),
  ]
)
