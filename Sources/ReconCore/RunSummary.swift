/// The headline numbers of one reconstitution, as `summary.json` holds them and reports show them.
///
/// Built from a ``ReconstitutionResult`` by ``init(result:input:)``; the run's writers serialise
/// it and ``ReconReport`` reads it back, so a number in a report is the number in the file.
public struct RunSummary: Sendable, Equatable {
    /// What the run read.
    public struct Input: Sendable, Equatable {
        public var universe: String
        public var format: String
        public var priors: [String]
        public var forward: String?
        public var synthetic: Bool
        public var rowsRead: Int
        /// Rows the reader dropped, per reason (never silently).
        public var rowsDropped: [String: Int]
        public var variant: String?
        /// Which input priced how many lines for the rank day (a snapshot run: `RankDayPrices`).
        public var prices: [PriceSource]
        /// What a company-facts file gave the run (`--facts`), `nil` without one.
        public var facts: FactsOverlay.Report?

        public init(universe: String, format: String, priors: [String], forward: String? = nil, synthetic: Bool,
                    rowsRead: Int, rowsDropped: [String: Int], variant: String? = nil, prices: [PriceSource] = []) {
            self.universe = universe
            self.format = format
            self.priors = priors
            self.forward = forward
            self.synthetic = synthetic
            self.rowsRead = rowsRead
            self.rowsDropped = rowsDropped
            self.variant = variant
            self.prices = prices
        }
    }

    /// An input that priced lines, its date (`YYYY-MM-DD`, `nil` when unknown) and how many.
    public struct PriceSource: Sendable, Equatable {
        public var source: String
        public var date: String?
        public var lines: Int

        public init(source: String, date: String?, lines: Int) {
            self.source = source
            self.date = date
            self.lines = lines
        }
    }

    /// Members of one index.
    public struct Count: Sendable, Equatable {
        public var companies: Int
        public var securities: Int

        public init(companies: Int, securities: Int) {
            self.companies = companies
            self.securities = securities
        }
    }

    public var run: String
    public var rankDay: String
    public var effectiveDate: String
    public var input: Input
    /// `R1000`, `R2000`, `R3000`, `R3000E`, `Microcap` → counts.
    public var counts: [String: Count]
    public var priorCounts: [String: Count]
    /// Whether the run had prior Russell 1000 or 2000 members to change from. Without them (a
    /// replay's first run, a snapshot without a prior file) every company is an addition and none
    /// moves: counts that measure the start of the data, not the rules, and a mean over runs must
    /// leave them out.
    public var hasPriorMembers: Bool { priorCounts.values.contains { $0.securities > 0 } }
    public var eligibleCompanies: Int
    public var breakpoint1000: Double?
    public var breakpoint2000: Double?
    public var breakpoint3000: Double?
    public var smallestRussell3000E: Double?
    public var russell3000ETotal: Double
    /// Cumulative shares at the band edges and the breakpoint (p* − w, p*, p* + w).
    public var bandLowShare: Double?
    public var breakpointShare: Double?
    public var bandHighShare: Double?
    public var bandHalfWidth: Double?
    /// Total caps of the companies just inside the band's upper (largest) and lower (smallest) edges.
    public var bandCapHigh: Double?
    public var bandCapLow: Double?
    /// Company counts per change (`addition`, `deletion`, `upward`, `downward`, `stay`).
    public var changes: [String: Int]
    /// Excluded universe lines per reason code.
    public var excluded: [String: Int]

    public init(result: ReconstitutionResult, input: Input) {
        let tally = Counts(result)
        let prior = result.prior
        run = result.rulebook.run.description
        rankDay = result.rulebook.rankDay.description
        effectiveDate = result.rulebook.effectiveDate.description
        self.input = input
        counts = [
            "R1000": tally.count(.r1000),
            "R2000": tally.count(.r2000),
            "R3000": tally.count(.r3000),
            "R3000E": tally.count(.r3000E),
            "Microcap": tally.count(.microcap),
        ]
        let priorR1000 = prior.entries.filter { $0.tier == .r1000 }.count
        let priorR2000 = prior.entries.filter { $0.tier == .r2000 }.count
        priorCounts = [
            "R1000": Count(companies: tally.companies(.priorR1000), securities: priorR1000),
            "R2000": Count(companies: tally.companies(.priorR2000), securities: priorR2000),
        ]
        let breakpoints = result.breakpoints
        eligibleCompanies = breakpoints.eligibleCompanies
        breakpoint1000 = breakpoints.cap1000
        breakpoint2000 = breakpoints.cap2000
        breakpoint3000 = breakpoints.cap3000
        smallestRussell3000E = breakpoints.capRussell3000ELast
        russell3000ETotal = breakpoints.russell3000ETotal
        bandHalfWidth = breakpoints.band1000?.halfWidth
        breakpointShare = breakpoints.band1000?.breakpointShare
        bandLowShare = breakpoints.band1000?.lowerEdge
        bandHighShare = breakpoints.band1000?.upperEdge
        bandCapHigh = breakpoints.bandCapHigh
        bandCapLow = breakpoints.bandCapLow
        changes = [
            MembershipChange.addition.rawValue: tally.companies(.addition),
            MembershipChange.deletion.rawValue: tally.companies(.deletion),
            MembershipChange.upward.rawValue: tally.companies(.upward),
            MembershipChange.downward.rawValue: tally.companies(.downward),
            MembershipChange.stay.rawValue: tally.companies(.stay),
        ]
        var excluded: [String: Int] = [:]
        for position in result.exclusions.indices {
            if let code = result.exclusions[position]?.code { excluded[code, default: 0] += 1 }
        }
        self.excluded = excluded
    }
}
