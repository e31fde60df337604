import XCTest

/// The shared real data (`../shared/data` next to the package), never copied into the repo.
enum RealData {
    /// The folder, or `XCTSkip` when it is absent.
    static func folder() throws -> String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: folder + "/2025/nasdaq_screener_2025-05-23.csv") else {
            throw XCTSkip("real data not found at \(folder) (expected ../shared/data next to the package); real-data checks skipped")
        }
        return folder
    }
}
