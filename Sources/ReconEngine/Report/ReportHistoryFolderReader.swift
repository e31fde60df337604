import Foundation
import ReconReport
import ReconIO

/// Reads the folder of a replay: `history.csv` (required), `summary.json` and `variants.csv`
/// when present, and the 12-month returns of every `<run>/drag.json` there is.
enum ReportHistoryFolderReader {
    static func read(folder: String) throws -> HistoryReportInput {
        func path(_ name: String) -> String { FilePaths.join(folder, name) }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
        let runs = try ReportHistoryReader.readHistory(path: path("history.csv"))
        let returns = try runs.compactMap { run -> HistoryReportReturns? in
            let dragPath = FilePaths.join(path(run.run), "drag.json")
            return exists(dragPath) ? try ReportHistoryReader.readReturns(run: run.run, path: dragPath) : nil
        }
        return HistoryReportInput(
            folder: folder,
            summary: exists(path("summary.json")) ? try ReportHistoryReader.readSummary(path: path("summary.json")) : nil,
            runs: runs,
            variants: exists(path("variants.csv")) ? try ReportHistoryReader.readVariants(path: path("variants.csv")) : nil,
            returns: returns)
    }
}
