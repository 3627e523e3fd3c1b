// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "saturn-mock",
    platforms: [.macOS(.v15)],
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
        .target(
            name: "MicroHTTP",
            dependencies: ["CMicroHTTPD"]
        ),
        .target(name: "SaturnDomain"),
        .target(
            name: "SaturnAPI",
            dependencies: [
                "SaturnDomain",
                "MicroHTTP",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "saturn-mock",
            dependencies: [
                "SaturnAPI",
                "SaturnDomain",
                "MicroHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MicroHTTPTests", dependencies: ["MicroHTTP"]),
        .testTarget(name: "SaturnDomainTests", dependencies: ["SaturnDomain"]),
        .testTarget(
            name: "SaturnAPITests",
            dependencies: ["SaturnAPI", "SaturnDomain", "MicroHTTP", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "SaturnMockCLITests", dependencies: ["saturn-mock"]),
    ],
    swiftLanguageModes: [.v6]
)
