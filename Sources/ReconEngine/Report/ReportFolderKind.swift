import Foundation
import ReconIO

/// What a folder given to `recon report` holds: a replay (it has `history.csv`) or one
/// reconstitution (it has `summary.json`).
enum ReportFolderKind: Equatable {
    case run
    case history

    /// The kind of `folder`.
    /// - Throws: ``InputError`` when the folder is missing or holds neither file.
    static func of(_ folder: String) throws -> ReportFolderKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: folder, message: "is not a folder, expected the output folder of a run or a replay",
                             help: "pass the --out folder of recon reconstitute or recon replay, e.g. recon report out/2025")
        }
        if FileManager.default.fileExists(atPath: FilePaths.join(folder, "history.csv")) { return .history }
        if FileManager.default.fileExists(atPath: FilePaths.join(folder, "summary.json")) { return .run }
        throw InputError(file: folder, message: "holds neither summary.json nor history.csv, expected the output folder of a run or a replay",
                         help: "run recon reconstitute --out DIR (or recon replay --out DIR) first, then recon report DIR")
    }
}
