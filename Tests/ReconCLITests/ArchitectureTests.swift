import Foundation
import XCTest

/// The arrows of docs/architecture.md, read from the sources: each module imports only the
/// modules below it, ReconCore no Foundation (the domain does no I/O), the platform's C library
/// is chosen in ReconPlatform alone, and ReconCLI holds no lock, queue or cache. Package.swift
/// declares the dependencies, but a module built earlier can be imported without being declared,
/// and nothing there keeps Foundation out of ReconCore.
final class ArchitectureTests: XCTestCase {
    /// What each module may import, besides the standard library.
    private static let allowedImports: [String: Set<String>] = [
        "ReconCore": [],
        "ReconPlatform": ["Glibc", "Musl", "Darwin"],
        "ReconIO": ["Foundation", "Dispatch", "ReconPlatform"],
        "ReconCRSP": ["Foundation", "Dispatch", "ReconPlatform", "ReconCore", "ReconIO"],
        "ReconFormats": ["Foundation", "Dispatch", "ReconPlatform", "ReconCore", "ReconIO", "ReconCRSP"],
        "ReconSynthetic": ["Foundation", "Dispatch", "ReconPlatform", "ReconCore", "ReconIO", "ReconCRSP"],
        "ReconReport": ["Foundation", "ReconCore"],
        "ReconEngine": ["Foundation", "Dispatch", "ReconPlatform", "ReconCore", "ReconIO", "ReconCRSP", "ReconFormats",
                        "ReconSynthetic", "ReconReport"],
        "ReconCLI": ["ReconPlatform", "ReconCore", "ReconIO", "ReconCRSP", "ReconFormats", "ReconSynthetic",
                     "ReconEngine"],
        "recon": ["ReconCLI"],
        "ReconFuzz": ["Foundation", "ReconPlatform", "ReconCore", "ReconIO", "ReconCRSP", "ReconFormats"],
    ]

    private let sources = TestPaths.packageRoot + "/Sources"

    /// Each Swift file of a module, with its text.
    private func files(of module: String) throws -> [(path: String, text: String)] {
        let folder = sources + "/" + module
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.sorted()
        return try paths.map { (path: module + "/" + $0, text: try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
    }

    /// The modules a file imports (`import X`, `@testable import X`, `@_exported import X`).
    static func imports(of text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") }),
                  index + 1 < words.count else { return nil }
            return String(words[index + 1])
        }
    }

    func testTheSourcesHoldEveryModuleAndNoOther() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: sources).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(folders), Set(Self.allowedImports.keys))
    }

    func testEachModuleImportsOnlyTheModulesBelowIt() throws {
        for (module, allowed) in Self.allowedImports {
            for file in try files(of: module) {
                for imported in Self.imports(of: file.text) where !allowed.contains(imported) {
                    XCTFail("\(file.path) imports \(imported); \(module) may import \(allowed.sorted())")
                }
            }
        }
    }

    func testThePlatformIsChosenInReconPlatformAlone() throws {
        for module in Self.allowedImports.keys where module != "ReconPlatform" {
            for file in try files(of: module) where file.text.contains("canImport(") {
                XCTFail("\(file.path) chooses the platform itself; put the call in ReconPlatform")
            }
        }
    }

    func testTheCommandLineHoldsNoLockQueueOrCache() throws {
        let engineWords = ["LockedBox", "NSLock", "Mutex", "DispatchQueue", "DispatchSemaphore", "OrderedPipeline", "Cache"]
        for file in try files(of: "ReconCLI") {
            let code = file.text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            for word in engineWords where code.contains(word) {
                XCTFail("\(file.path) uses \(word): ReconCLI maps options to calls; such state belongs in ReconEngine")
            }
        }
    }

    /// The reader of imports, on the spellings it must tell apart.
    func testImportsAreReadFromEachSpelling() {
        XCTAssertEqual(Self.imports(of: "import Foundation\n@testable import ReconIO\n@_exported import Glibc\n"),
                       ["Foundation", "ReconIO", "Glibc"])
        XCTAssertEqual(Self.imports(of: "// import ReconEngine\nlet important = 1\n  /// see `import X`\n"), [])
    }
}
