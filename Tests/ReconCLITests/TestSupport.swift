import Foundation
import XCTest
@testable import ReconCLI
import ReconEngine

/// Runs the command line in-process and keeps what it printed.
struct CommandRun {
    var status: Int32
    var out: String
    var error: String

    init(_ arguments: [String]) {
        let (console, recording) = Console.recording()
        status = ReconCommandLine.run(arguments, console: console)
        out = recording.out
        error = recording.error
    }
}

enum TestPaths {
    /// The package root (from this file's path).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Where the real data is looked for: `../shared/data` beside the package.
    static let realDataFolder = URL(fileURLWithPath: packageRoot + "/../shared/data").standardizedFileURL.path

    /// ``realDataFolder``, or a skip with a clear message.
    static func realData() throws -> String {
        let folder = realDataFolder
        guard FileManager.default.fileExists(atPath: folder + "/2025/nasdaq_screener_2025-05-23.csv") else {
            throw XCTSkip("real data not found at \(folder) (expected ../shared/data next to the package); real-data checks skipped")
        }
        return folder
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "recon-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in `folder` and returns its path.
    static func write(_ text: String, named name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
