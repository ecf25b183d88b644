// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Concord",
    products: [
        .executable(name: "concord", targets: ["concord"]),
        .library(name: "Concord", targets: ["Concord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        // PCRE2 from Debian's libpcre2-dev; the shim header fixes the code unit width to 8 bits.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(
            name: "Concord",
            dependencies: ["CPCRE2", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "concord",
            dependencies: ["Concord", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "ConcordTests",
            dependencies: ["Concord"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
