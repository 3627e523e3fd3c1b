// swift-tools-version: 6.0
import PackageDescription

// Linux only: the server runs on libmicrohttpd from the system's packages and calls Glibc directly
// (Sources/SaturnDomain/LinuxOnly.swift says so at build time anywhere else).
let package = Package(
    name: "saturn-mock",
    products: [
        .executable(name: "saturn-mock", targets: ["saturn-mock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CNettle", pkgConfig: "nettle", providers: [.apt(["nettle-dev"])]),
        .target(name: "MicroHTTP", dependencies: ["CMicroHTTPD"]),
        .target(name: "SaturnJSON"),
        .target(name: "SaturnDomain", dependencies: ["SaturnJSON"]),
        // Images read from registries and archives, checked against the document's requirements; no HTTP serving.
        .target(name: "ImageInspection", dependencies: ["CArchive", "CCurl", "SaturnJSON"]),
        .target(name: "SaturnStore", dependencies: ["CMalloc", "CNettle", "SaturnDomain", "SaturnJSON"]),
        .target(
            name: "SaturnAPI",
            dependencies: [
                "CNettle",
                "ImageInspection",
                "SaturnDomain",
                "SaturnJSON",
                "MicroHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            // The UI's files, compiled into the binary: it serves them with nothing to find on disk.
            resources: [.embedInCode("UI")]
        ),
        .executableTarget(
            name: "saturn-mock",
            dependencies: [
                "CMalloc",
                "ImageInspection",
                "SaturnAPI",
                "SaturnDomain",
                "SaturnStore",
                "MicroHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MicroHTTPTests", dependencies: ["MicroHTTP"]),
        .testTarget(name: "SaturnJSONTests", dependencies: ["SaturnJSON"]),
        .testTarget(name: "ImageInspectionTests", dependencies: ["ImageInspection", "SaturnJSON"]),
        .testTarget(name: "SaturnDomainTests", dependencies: ["SaturnDomain", "SaturnJSON"]),
        .testTarget(name: "SaturnStoreTests", dependencies: ["SaturnStore", "SaturnDomain", "SaturnJSON"]),
        .testTarget(
            name: "SaturnAPITests",
            dependencies: [
                "SaturnAPI", "SaturnDomain", "SaturnStore", "MicroHTTP", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SaturnMockCLITests", dependencies: ["saturn-mock", "MicroHTTP"]),
    ],
    swiftLanguageModes: [.v6]
)
