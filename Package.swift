// swift-tools-version:6.0
// recon — replays the reconstitution of the FTSE Russell US equity indexes.
// No package dependencies: Foundation, Dispatch and XCTest only.
import PackageDescription

let package = Package(
    name: "recon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
        .library(name: "ReconCore", targets: ["ReconCore"]),
        .library(name: "ReconData", targets: ["ReconData"]),
        .library(name: "ReconEngine", targets: ["ReconEngine"]),
        .library(name: "ReconReport", targets: ["ReconReport"]),
    ],
    targets: [
        // Pure domain and rules. Standard library only: no Foundation, no I/O.
        .target(name: "ReconCore"),
        // The platform's C library (Glibc or Darwin), imported in one place.
        .target(name: "ReconPlatform"),
        // Readers and writers of formats, Data/ loading, the synthetic market.
        .target(name: "ReconData", dependencies: ["ReconCore", "ReconPlatform"]),
        // The engine: a snapshot run, replays and sweeps over a market's history, the work shared
        // between them, their measures and their output folders.
        .target(name: "ReconEngine", dependencies: ["ReconCore", "ReconData", "ReconPlatform"]),
        // Markdown, HTML and the SVG chart kit.
        .target(name: "ReconReport", dependencies: ["ReconCore"]),
        // The command line: options in, calls out. A library so tests can drive it.
        .target(name: "ReconCLI", dependencies: ["ReconCore", "ReconData", "ReconEngine", "ReconReport", "ReconPlatform"]),
        .executableTarget(name: "recon", dependencies: ["ReconCLI"]),
        .executableTarget(name: "ReconFuzz", dependencies: ["ReconCore", "ReconData", "ReconPlatform"]),

        .testTarget(name: "ReconCoreTests", dependencies: ["ReconCore"]),
        .testTarget(name: "ReconDataTests", dependencies: ["ReconCore", "ReconData", "ReconPlatform"]),
        .testTarget(name: "ReconReportTests", dependencies: ["ReconCore", "ReconReport"]),
        .testTarget(name: "ReconEngineTests", dependencies: ["ReconCore", "ReconData", "ReconEngine"]),
        .testTarget(name: "ReconCLITests", dependencies: ["ReconCore", "ReconData", "ReconEngine", "ReconCLI"]),
    ]
)
