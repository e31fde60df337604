import Foundation
import ReconData
import ReconEngine
import ReconReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files into a folder atomically: each goes to a temporary file in the same
/// folder and is renamed over its final name, so a reader never sees half a report.
enum ReportFileWriter {
    /// Writes every file of `report` into `folder`; returns their paths in order.
    @discardableResult
    static func write(_ report: RenderedReport, to folder: String) throws -> [String] {
        try report.files.map { file in
            let path = FilePaths.join(folder, file.name)
            try write(Data(file.contents.utf8), to: path)
            return path
        }
    }

    /// Removes the chart files (`report-*.svg`) an earlier report left in `folder` that `report`
    /// does not have, so the folder holds exactly the report of its current files.
    static func removeStaleCharts(keeping report: RenderedReport, in folder: String) throws {
        let current = Set(report.files.map(\.name))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where name.hasPrefix("report-") && name.hasSuffix(".svg") && !current.contains(name) {
            try FileManager.default.removeItem(atPath: FilePaths.join(folder, name))
        }
    }

    /// Writes `data` to `path` through a temporary file beside it.
    static func write(_ data: Data, to path: String) throws {
        let temporary = FilePaths.join(FilePaths.directory(of: path), ".\(FilePaths.fileName(of: path)).\(getpid()).tmp")
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw InputError(file: path, message: "cannot write the file (\(error.localizedDescription))",
                             help: "check that the folder exists and is writable")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(file: path, message: "cannot replace the file (\(reason))")
        }
    }
}
