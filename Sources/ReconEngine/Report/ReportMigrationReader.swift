import ReconReport

/// Reads a run's `migration.csv`: `class,lines,companies,prior_weight,largest`.
enum ReportMigrationReader {
    static func read(path: String) throws -> [RunReportMigration] {
        var lines: [RunReportMigration] = []
        try ReportCSVFile.read(path: path, required: ["class"], format: "migration") { row in
            lines.append(RunReportMigration(
                migrationClass: try row.string("class") ?? "", lines: try row.int("lines"),
                companies: try row.int("companies"), priorWeight: try row.double("prior_weight"),
                largest: (try row.string("largest") ?? "").split(separator: " ").map(String.init)))
        }
        return lines
    }
}
