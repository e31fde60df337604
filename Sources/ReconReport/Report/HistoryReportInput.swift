/// Everything a history report reads from a folder written by `recon replay`.
public struct HistoryReportInput: Sendable, Hashable {
    /// The folder as the user named it; the report shows its last component.
    public var folder: String
    /// `summary.json`; `nil` when missing.
    public var summary: HistoryReportSummary?
    /// `history.csv`, in file order.
    public var runs: [HistoryReportRun]
    /// `variants.csv`; `nil` when the replay had no `--variant`.
    public var variants: [HistoryReportVariantRun]?
    /// The 12-month returns of the runs whose `drag.json` gives them, in run order.
    public var returns: [HistoryReportReturns]

    public init(folder: String, summary: HistoryReportSummary? = nil, runs: [HistoryReportRun],
                variants: [HistoryReportVariantRun]? = nil, returns: [HistoryReportReturns] = []) {
        self.folder = folder
        self.summary = summary
        self.runs = runs
        self.variants = variants
        self.returns = returns
    }
}
