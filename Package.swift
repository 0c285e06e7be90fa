// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "jobscan",
    products: [
        .executable(name: "jobscan", targets: ["jobscan"]),
        .library(name: "JobscanCore", targets: ["JobscanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: streaming inflate of rotated .gz logs.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "JobscanCore",
            dependencies: [
                "CZlib",
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "jobscan",
            dependencies: [
                "JobscanCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "JobscanCoreTests",
            dependencies: ["JobscanCore"]
        ),
        .testTarget(
            name: "JobscanCLITests",
            dependencies: ["JobscanCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
