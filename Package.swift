// swift-tools-version:6.0
// recon — replays the reconstitution of the FTSE Russell US equity indexes.
// No package dependencies: Foundation, Dispatch and XCTest only.
import PackageDescription

/// The Swift runtime, Dispatch and Foundation linked into the `recon` binary, for release builds
/// on Linux: loading and relocating the shared libFoundation, ICU and libswiftCore took about
/// 6 of the 10 ms a `recon --help` lasts. `-static-stdlib` alone links libswiftCore and
/// libFoundation statically but not what those archives need (the driver takes the list from
/// the objects, which were compiled against the shared modules), hence the libraries named.
let staticRuntime: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
] + ["CoreFoundation", "FoundationInternationalization", "_FoundationICU", "FoundationEssentials",
     "_FoundationCShims", "_FoundationCollections", "CoreFoundation", "swiftSynchronization",
     "swiftDispatch", "dispatch", "BlocksRuntime"].map { .linkedLibrary($0, .when(platforms: [.linux], configuration: .release)) }

let package = Package(
    name: "recon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
        .library(name: "ReconCore", targets: ["ReconCore"]),
        .library(name: "ReconData", targets: ["ReconData"]),
        .library(name: "ReconReport", targets: ["ReconReport"]),
    ],
    targets: [
        // Pure domain and rules. Standard library only: no Foundation, no I/O.
        .target(name: "ReconCore"),
        // Readers and writers of formats, Data/ loading, the synthetic market.
        .target(name: "ReconData", dependencies: ["ReconCore"]),
        // Markdown, HTML and the SVG chart kit.
        .target(name: "ReconReport", dependencies: ["ReconCore"]),
        // The command line: commands, argument parsing, progress. A library so tests can drive it.
        .target(name: "ReconCLI", dependencies: ["ReconCore", "ReconData", "ReconReport"]),
        // Release builds on Linux carry the runtime and Foundation (see `staticRuntime`).
        .executableTarget(name: "recon", dependencies: ["ReconCLI"],
                          linkerSettings: staticRuntime),
        .executableTarget(name: "ReconFuzz", dependencies: ["ReconCore", "ReconData"]),

        .testTarget(name: "ReconCoreTests", dependencies: ["ReconCore"]),
        .testTarget(name: "ReconDataTests", dependencies: ["ReconCore", "ReconData"]),
        .testTarget(name: "ReconReportTests", dependencies: ["ReconCore", "ReconReport"]),
        .testTarget(name: "ReconCLITests", dependencies: ["ReconCore", "ReconData", "ReconCLI"]),
    ]
)
