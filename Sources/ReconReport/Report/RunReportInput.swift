/// Everything a run report reads from a folder written by `recon reconstitute`: the summary
/// (required) and the optional files, each `nil` or empty when the folder lacks it.
public struct RunReportInput: Sendable, Hashable {
    /// The folder as the user named it, shown in the footer.
    public var folder: String
    public var summary: RunReportSummary
    /// `membership.csv`; `nil` when the file is missing.
    public var members: [RunReportMember]?
    /// `migration.csv`; `nil` when the file is missing.
    public var migration: [RunReportMigration]?
    /// `drag.json`; `nil` when the run had no forward prices.
    public var drag: RunReportDrag?
    /// `validation-scores.csv` and `validation-categories.csv`; `nil` when `recon validate` has
    /// not written them beside the run.
    public var validation: RunReportValidation?

    public init(folder: String, summary: RunReportSummary, members: [RunReportMember]? = nil,
                migration: [RunReportMigration]? = nil, drag: RunReportDrag? = nil, validation: RunReportValidation? = nil) {
        self.folder = folder
        self.summary = summary
        self.members = members
        self.migration = migration
        self.drag = drag
        self.validation = validation
    }
}
