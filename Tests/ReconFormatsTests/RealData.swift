import XCTest

/// The shared real data (`../shared/data` next to the package), never copied into the repo.
enum RealData {
    /// Where the folder is expected: `../shared/data` next to the package.
    static var expectedPath: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path
    }

    /// The folder, or `nil` when it is absent (for tests that add real names to their own when they can).
    static var folderIfPresent: String? {
        FileManager.default.fileExists(atPath: expectedPath + "/2025/nasdaq_screener_2025-05-23.csv") ? expectedPath : nil
    }

    /// The folder, or `XCTSkip` when it is absent.
    static func folder() throws -> String {
        guard let folder = folderIfPresent else {
            throw XCTSkip("real data not found at \(expectedPath) (expected ../shared/data next to the package); real-data checks skipped")
        }
        return folder
    }
}
