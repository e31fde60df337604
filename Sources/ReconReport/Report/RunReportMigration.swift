/// One line of `migration.csv`: a migration class, how many lines and companies it holds, their
/// weight in the prior index and its largest names.
public struct RunReportMigration: Sendable, Hashable {
    /// `upward`, `fall_out_microcap`, `ipo_entry`, …
    public var migrationClass: String
    public var lines: Int?
    public var companies: Int?
    /// A fraction of the prior index's weight.
    public var priorWeight: Double?
    /// Up to ten tickers, largest total cap first.
    public var largest: [String]

    public init(migrationClass: String, lines: Int?, companies: Int?, priorWeight: Double?, largest: [String]) {
        self.migrationClass = migrationClass
        self.lines = lines
        self.companies = companies
        self.priorWeight = priorWeight
        self.largest = largest
    }
}
