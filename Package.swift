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
        .library(name: "ReconIO", targets: ["ReconIO"]),
        .library(name: "ReconCRSP", targets: ["ReconCRSP"]),
        .library(name: "ReconFormats", targets: ["ReconFormats"]),
        .library(name: "ReconSynthetic", targets: ["ReconSynthetic"]),
        .library(name: "ReconEngine", targets: ["ReconEngine"]),
        .library(name: "ReconReport", targets: ["ReconReport"]),
    ],
    targets: [
        // Pure domain and rules. Standard library only: no Foundation, no I/O.
        .target(name: "ReconCore"),
        // The platform's C library (Glibc or Darwin), imported in one place.
        .target(name: "ReconPlatform"),
        // Bytes in and out, with no domain in it: mapped files and checksums, the CSV reader, CSV
        // and JSON writers, files and folders replaced whole, input errors, and the small
        // concurrency tools the readers and the engine use.
        .target(name: "ReconIO", dependencies: ["ReconPlatform"]),
        // CRSP monthly stock files (legacy and CIZ): the one load path from bytes to the panel's
        // columns, the panel and its cross-sections and returns, the imported binary panel.
        .target(name: "ReconCRSP", dependencies: ["ReconCore", "ReconIO", "ReconPlatform"]),
        // Readers and writers of the other formats: Nasdaq screener, iShares holdings, recon's own
        // CSVs, company facts, format detection, prior membership, a run's folder, the rules in Data/.
        .target(name: "ReconFormats", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconPlatform"]),
        // The embedded synthetic market, written as a CRSP-format panel.
        .target(name: "ReconSynthetic", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconPlatform"]),
        // The engine: a snapshot run, replays and sweeps over a market's history, the work shared
        // between them, their measures and their output folders; validation and reports of them.
        .target(name: "ReconEngine", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconSynthetic",
                                                  "ReconReport", "ReconPlatform"]),
        // Markdown, HTML and the SVG chart kit.
        .target(name: "ReconReport", dependencies: ["ReconCore"]),
        // The command line: options in, calls out. A library so tests can drive it.
        .target(name: "ReconCLI", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconSynthetic",
                                               "ReconEngine", "ReconPlatform"]),
        .executableTarget(name: "recon", dependencies: ["ReconCLI"]),
        .executableTarget(name: "ReconFuzz", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconPlatform"]),

        // Reference definitions the tests of several modules share (an independent CSV line splitter).
        .target(name: "ReconTestSupport", path: "Tests/ReconTestSupport"),
        .testTarget(name: "ReconCoreTests", dependencies: ["ReconCore"]),
        .testTarget(name: "ReconIOTests", dependencies: ["ReconIO"]),
        .testTarget(name: "ReconCRSPTests", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconSynthetic",
                                                        "ReconPlatform", "ReconTestSupport"]),
        .testTarget(name: "ReconFormatsTests", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats"]),
        .testTarget(name: "ReconSyntheticTests", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconSynthetic",
                                                             "ReconTestSupport"]),
        .testTarget(name: "ReconReportTests", dependencies: ["ReconCore", "ReconReport"]),
        .testTarget(name: "ReconEngineTests", dependencies: ["ReconCore", "ReconCRSP", "ReconFormats", "ReconSynthetic", "ReconEngine"]),
        .testTarget(name: "ReconCLITests", dependencies: ["ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconSynthetic",
                                                       "ReconEngine", "ReconCLI"]),
    ]
)
