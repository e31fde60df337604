import Foundation
import ReconReport
import ReconIO

/// Reads the folder of one reconstitution: `summary.json` (required), and `membership.csv`,
/// `migration.csv`, `drag.json` and the files of `recon validate` when present.
enum ReportRunFolderReader {
    static func read(folder: String) throws -> RunReportInput {
        func path(_ name: String) -> String { FilePaths.join(folder, name) }
        func ifPresent<Value>(_ name: String, _ read: (String) throws -> Value) throws -> Value? {
            FileManager.default.fileExists(atPath: path(name)) ? try read(path(name)) : nil
        }
        return RunReportInput(
            folder: folder,
            summary: try ReportSummaryReader.read(path: path("summary.json")),
            members: try ifPresent("membership.csv", ReportMembershipReader.read),
            migration: try ifPresent("migration.csv", ReportMigrationReader.read),
            drag: try ifPresent("drag.json", ReportDragReader.read),
            validation: try ifPresent("validation-scores.csv") { scores in
                try ReportValidationReader.read(scores: scores, categories: try ifPresent("validation-categories.csv") { $0 })
            })
    }
}
