// swift-tools-version: 6.1
// Wenshu (文书): layout descriptions + JSON data → laid-out pages → PDF/PNG, through Pango and Cairo.
import PackageDescription

let package = Package(
  name: "Wenshu",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "wenshu", targets: ["wenshu"]),
    .library(name: "WenshuDocuments", targets: ["WenshuDocuments"]),
    .library(name: "WenshuLayout", targets: ["WenshuLayout"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
  ],
  // Each target declares exactly the modules its files import (and the tests the executable they
  // run, so it is built first).
  targets: [
    // The graphics C libraries, seen only by Graphics: cairo, pango, pangocairo, fontconfig, HarfBuzz's subsetter.
    .systemLibrary(
      name: "CPangoCairo",
      pkgConfig: "pangocairo pangofc fontconfig libqrencode harfbuzz-subset",
      providers: [
        .apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig1-dev", "libqrencode-dev", "libharfbuzz-dev"])
      ]
    ),
    // glibc's allocator controls, seen only by the server's ProcessHeap.
    .systemLibrary(name: "CHeap"),
    // Swift types over the C layer: fonts, shaped text, PDF and PNG surfaces.
    .target(name: "Graphics", dependencies: ["CPangoCairo"]),
    // Chinese business rules: amounts in words, ID numbers, credit codes, ages. No graphics.
    .target(name: "WenshuRules"),
    // Layout descriptions + data → pages of positioned items. Knows nothing about insurance.
    .target(name: "WenshuLayout", dependencies: ["Graphics", "Yams"]),
    // Pages → PDF, PNG or OFD. Reads only laid-out pages.
    .target(
      name: "WenshuRender",
      dependencies: ["Graphics", "WenshuLayout", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    // SpreadsheetML written: sheets of typed cells, never a formula from data. No layout, no domain.
    .target(name: "WenshuWorkbook", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    // Proof of issue: PAdES signatures on PDFs (CMS SignedData) and the signed verification code.
    // Knows nothing about Cairo or layouts: bytes and keys in, bytes out.
    .target(
      name: "WenshuSigning",
      dependencies: [
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ]
    ),
    // The documents: catalogue of layouts, domain formatters and checks, the render entry point.
    .target(
      name: "WenshuDocuments",
      dependencies: [
        "WenshuLayout", "WenshuRender", "WenshuRules", "WenshuWorkbook", "Graphics", "Yams", "WenshuSigning",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // Member lists from the offices' spreadsheets (.xlsx, CSV) and the empty template.
    .target(
      name: "WenshuSheets",
      dependencies: [
        "WenshuDocuments", "WenshuLayout", "WenshuRules", "WenshuWorkbook",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // The HTTP render service: routes, render pool, problem+json, metrics.
    .target(
      name: "WenshuServer",
      dependencies: [
        "WenshuDocuments", "WenshuLayout", "WenshuSheets", "WenshuWorkbook", "Yams", "WenshuSigning", "CHeap",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      // The preview's page, style sheet and script, compiled into the binary (no bundle beside it).
      resources: [
        .embedInCode("Preview/Assets/index.html"), .embedInCode("Preview/Assets/preview.css"),
        .embedInCode("Preview/Assets/preview.js"),
      ]
    ),
    .executableTarget(
      name: "wenshu",
      dependencies: [
        "WenshuDocuments", "WenshuLayout", "WenshuRender", "WenshuRules", "WenshuServer", "WenshuSheets",
        "WenshuSigning",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // In-process render timings, warm (not part of the tests): swift run -c release wenshu-bench
    .executableTarget(name: "wenshu-bench", dependencies: ["WenshuDocuments"]),
    // Writes the generated samples (fixed seed): swift run wenshu-samples
    .executableTarget(name: "wenshu-samples", dependencies: ["WenshuRules"]),
    // What more than one test target needs: sample data made long.
    .target(
      name: "WenshuTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/WenshuTestSupport"),
    .testTarget(
      name: "WenshuRulesTests",
      dependencies: ["WenshuRules", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "WenshuServerTests",
      dependencies: [
        "WenshuServer", "WenshuDocuments", "WenshuSheets", "WenshuTestSupport", "WenshuSigning",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        "Yams",
      ]
    ),
    .testTarget(
      name: "WenshuSheetsTests",
      dependencies: [
        "WenshuSheets", "WenshuWorkbook", "WenshuDocuments", "WenshuLayout", "WenshuRules", "wenshu",
        "WenshuTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "WenshuTests",
      dependencies: [
        "WenshuDocuments", "WenshuLayout", "WenshuRender", "Graphics", "CPangoCairo", "WenshuRules", "wenshu",
        "WenshuTestSupport", "WenshuServer", "WenshuSigning", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Golden", "GoldenOFD"]
    ),
  ]
)
