/// A replay's `summary.json`: the years, whether the market is synthetic, the return panel and
/// the variants replayed.
public struct HistoryReportSummary: Sendable, Hashable {
    public var from: Int?
    public var to: Int?
    public var synthetic: Bool
    /// The return panel the replay read (a CRSP file, or the synthetic market).
    public var panel: String?
    public var runs: Int?
    public var variants: [String]

    public init(from: Int? = nil, to: Int? = nil, synthetic: Bool = false, panel: String? = nil, runs: Int? = nil,
                variants: [String] = []) {
        self.from = from
        self.to = to
        self.synthetic = synthetic
        self.panel = panel
        self.runs = runs
        self.variants = variants
    }
}
