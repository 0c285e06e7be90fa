// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "jobscan",
    products: [
        .executable(name: "jobscan", targets: ["jobscan"]),
        .library(name: "JobscanCore", targets: ["JobscanCore"]),
    ],
    // ISAL: inflate gzip with Intel's ISA-L (about three times zlib's speed); on by default.
    // `--disable-default-traits` builds the zlib inflater in its place.
    traits: [
        .trait(name: "ISAL", description: "Inflate gzip input with ISA-L (libisal-dev) instead of zlib"),
        .default(enabledTraits: ["ISAL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: the inflater without the ISAL trait. Always built, so
        // that the tests hold both inflaters to the same inputs.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // ISA-L's igzip from Debian's libisal-dev: the fast inflater, with the ISAL trait.
        .systemLibrary(
            name: "CIsal",
            providers: [.apt(["libisal-dev"])]
        ),
        .target(
            name: "JobscanCore",
            dependencies: [
                "CZlib",
                .target(name: "CIsal", condition: .when(traits: ["ISAL"])),
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
