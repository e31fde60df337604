import Foundation
import XCTest

/// A fresh folder for the output-folder tests, with small helpers to lay out and read back trees
/// of files (`["membership.csv": "old", "2010-06/summary.json": "{}"]`).
struct OutputFolderFixture {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "recon-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// Writes each file (making its folders).
    func lay(_ files: [String: String], in name: String) throws {
        for (relative, text) in files {
            let path = self.path(name) + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Every file under `name` (relative path → text); empty when it does not exist.
    func tree(_ name: String) throws -> [String: String] {
        let root = path(name)
        guard let paths = FileManager.default.subpaths(atPath: root) else { return [:] }
        var files: [String: String] = [:]
        for relative in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        }
        return files
    }

    /// The names in the fixture's folder, hidden ones included, sorted.
    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
