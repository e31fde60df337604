/// The headline numbers of one reconstitution as `summary.json` holds them (docs/outputs.md).
///
/// Every field the file may leave out or write as `null` is optional; the report writes `–`
/// for it. Keys of the per-index dictionaries are the file's (`R1000`, `R2000`, `R3000`,
/// `R3000E`, `Microcap`).
public struct RunReportSummary: Sendable, Hashable {
    /// Members of one index.
    public struct IndexCount: Sendable, Hashable {
        public var companies: Int?
        public var securities: Int?

        public init(companies: Int?, securities: Int?) {
            self.companies = companies
            self.securities = securities
        }
    }

    /// What the run read (`input`).
    public struct Input: Sendable, Hashable {
        public var universe: String?
        public var format: String?
        public var priors: [String]
        public var forward: String?
        public var rowsRead: Int?
        /// Rows the reader dropped, per reason, largest first.
        public var rowsDropped: [ReasonCount]
        /// The rule variant the run used, if any.
        public var variant: String?

        public init(universe: String? = nil, format: String? = nil, priors: [String] = [], forward: String? = nil,
                    rowsRead: Int? = nil, rowsDropped: [ReasonCount] = [], variant: String? = nil) {
            self.universe = universe
            self.format = format
            self.priors = priors
            self.forward = forward
            self.rowsRead = rowsRead
            self.rowsDropped = rowsDropped
            self.variant = variant
        }
    }

    /// A count for a reason code (`type:warrant` → 12).
    public struct ReasonCount: Sendable, Hashable {
        public var reason: String
        public var count: Int

        public init(reason: String, count: Int) {
            self.reason = reason
            self.count = count
        }

        /// Largest count first, then by reason: the order reports list reasons in.
        public static func ordered(_ counts: [ReasonCount]) -> [ReasonCount] {
            counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
        }
    }

    /// `breakpoints`: caps in dollars, `*Percent` values in percent of the Russell 3000E.
    public struct Breakpoints: Sendable, Hashable {
        public var cap1000: Double?
        public var cap2000: Double?
        public var cap3000: Double?
        public var smallestRussell3000E: Double?
        public var russell3000ETotal: Double?
        /// Half the band's width as a fraction (0.025 for ±2.5 percentage points); `nil` without a band.
        public var bandHalfWidth: Double?
        public var bandLowPercent: Double?
        public var breakpointPercent: Double?
        public var bandHighPercent: Double?
        /// Total cap of the company just inside the band's upper (larger) edge.
        public var bandCapHigh: Double?
        /// Total cap of the company just inside the band's lower (smaller) edge.
        public var bandCapLow: Double?

        public init(cap1000: Double? = nil, cap2000: Double? = nil, cap3000: Double? = nil,
                    smallestRussell3000E: Double? = nil, russell3000ETotal: Double? = nil, bandHalfWidth: Double? = nil,
                    bandLowPercent: Double? = nil, breakpointPercent: Double? = nil, bandHighPercent: Double? = nil,
                    bandCapHigh: Double? = nil, bandCapLow: Double? = nil) {
            self.cap1000 = cap1000
            self.cap2000 = cap2000
            self.cap3000 = cap3000
            self.smallestRussell3000E = smallestRussell3000E
            self.russell3000ETotal = russell3000ETotal
            self.bandHalfWidth = bandHalfWidth
            self.bandLowPercent = bandLowPercent
            self.breakpointPercent = breakpointPercent
            self.bandHighPercent = bandHighPercent
            self.bandCapHigh = bandCapHigh
            self.bandCapLow = bandCapLow
        }

        /// Whether the run had a band at #1,000 (from 2007 under the published rules). summary.json gives the edge caps of a hard cut too
        /// (both the #1,000 cap), so a band is a half-width above 0, or, in a file without one,
        /// two different edge caps.
        public var hasBand: Bool {
            if let bandHalfWidth { return bandHalfWidth > 0 }
            guard let bandCapHigh, let bandCapLow else { return false }
            return bandCapHigh != bandCapLow
        }
    }

    /// Turnover of one index (`turnover.R2000`); name and weight are fractions.
    public struct IndexTurnover: Sendable, Hashable {
        public var priorMembers: Int?
        public var newMembers: Int?
        public var additions: Int?
        public var deletions: Int?
        public var name: Double?
        public var weight: Double?

        public init(priorMembers: Int? = nil, newMembers: Int? = nil, additions: Int? = nil, deletions: Int? = nil,
                    name: Double? = nil, weight: Double? = nil) {
            self.priorMembers = priorMembers
            self.newMembers = newMembers
            self.additions = additions
            self.deletions = deletions
            self.name = name
            self.weight = weight
        }
    }

    /// Concentration of one index (`concentration.R2000`).
    public struct IndexConcentration: Sendable, Hashable {
        /// The weight of the ten largest lines, a fraction.
        public var top10Weight: Double?
        /// 1 ÷ Σ w².
        public var effectiveNames: Double?

        public init(top10Weight: Double?, effectiveNames: Double?) {
            self.top10Weight = top10Weight
            self.effectiveNames = effectiveNames
        }
    }

    /// `2025-06`.
    public var run: String
    public var rankDay: String?
    public var effectiveDate: String?
    /// Whether the numbers come from the embedded synthetic market.
    public var synthetic: Bool
    public var input: Input
    public var counts: [String: IndexCount]
    public var priorCounts: [String: IndexCount]
    public var eligibleCompanies: Int?
    public var breakpoints: Breakpoints
    /// Company counts per change (`addition`, `deletion`, `upward`, `downward`, `stay`).
    public var changes: [String: Int]
    /// Excluded universe lines per reason code, largest first.
    public var excluded: [ReasonCount]
    public var turnover: [String: IndexTurnover]
    public var concentration: [String: IndexConcentration]
    public var warnings: [String]

    public init(
        run: String, rankDay: String? = nil, effectiveDate: String? = nil, synthetic: Bool = false,
        input: Input = Input(), counts: [String: IndexCount] = [:], priorCounts: [String: IndexCount] = [:],
        eligibleCompanies: Int? = nil, breakpoints: Breakpoints = Breakpoints(), changes: [String: Int] = [:],
        excluded: [ReasonCount] = [], turnover: [String: IndexTurnover] = [:],
        concentration: [String: IndexConcentration] = [:], warnings: [String] = []
    ) {
        self.run = run
        self.rankDay = rankDay
        self.effectiveDate = effectiveDate
        self.synthetic = synthetic
        self.input = input
        self.counts = counts
        self.priorCounts = priorCounts
        self.eligibleCompanies = eligibleCompanies
        self.breakpoints = breakpoints
        self.changes = changes
        self.excluded = ReasonCount.ordered(excluded)
        self.turnover = turnover
        self.concentration = concentration
        self.warnings = warnings
    }
}
