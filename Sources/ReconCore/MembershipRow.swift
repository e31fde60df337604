/// One line of a reconstitution's output: a security of the universe, or a prior member that the
/// universe no longer lists.
public struct MembershipRow: Sendable, Hashable {
    public var symbol: String
    public var company: String
    public var companyKey: String
    /// Index into the universe, or `nil` for a prior member absent from it.
    public var universeIndex: Int?
    /// The company's total market cap (all classes), when known.
    public var totalMarketCap: Double?
    /// The company's 1-based rank among eligible companies, when eligible.
    public var rank: Int?
    /// The company's cumulative share of the Russell 3000E total, when in the Russell 3000E.
    public var cumulativeShare: Double?
    public var index: IndexTier
    public var priorIndex: IndexTier
    /// In the Russell 3000E (ranks 1–4,000 or all eligible).
    public var isRussell3000E: Bool
    public var isMicrocap: Bool
    public var priorMicrocap: Bool?
    public var change: MembershipChange
    /// Weight within its index (R1000 or R2000), summing to 1 over the index; `nil` outside.
    public var weight: Double?
    public var weightBasis: WeightBasis?
    /// The exclusion code, or how the line was placed (`rank`, `band_retained`, `band_crossed`,
    /// `below_3000`, `below_3000e`, `absent_from_universe`).
    public var reason: String
    /// The exclusion, for excluded lines.
    public var exclusion: ExclusionReason?

    public init(symbol: String, company: String, companyKey: String, universeIndex: Int?, totalMarketCap: Double?,
                rank: Int?, cumulativeShare: Double?, index: IndexTier, priorIndex: IndexTier,
                isRussell3000E: Bool, isMicrocap: Bool, priorMicrocap: Bool?, change: MembershipChange,
                weight: Double?, weightBasis: WeightBasis?, reason: String, exclusion: ExclusionReason?) {
        self.symbol = symbol
        self.company = company
        self.companyKey = companyKey
        self.universeIndex = universeIndex
        self.totalMarketCap = totalMarketCap
        self.rank = rank
        self.cumulativeShare = cumulativeShare
        self.index = index
        self.priorIndex = priorIndex
        self.isRussell3000E = isRussell3000E
        self.isMicrocap = isMicrocap
        self.priorMicrocap = priorMicrocap
        self.change = change
        self.weight = weight
        self.weightBasis = weightBasis
        self.reason = reason
        self.exclusion = exclusion
    }
}

/// The breakpoints and bands of one reconstitution.
public struct Breakpoints: Sendable, Hashable {
    /// Total cap of the company ranked #1,000 (the Russell 1000/2000 breakpoint).
    public var cap1000: Double?
    /// Total cap of the company ranked #2,000 (the Microcap's upper breakpoint).
    public var cap2000: Double?
    /// Total cap of the company ranked #3,000 (the Russell 3000 cut).
    public var cap3000: Double?
    /// Total cap of the last Russell 3000E company.
    public var capRussell3000ELast: Double?
    /// The ±2.5% band at #1,000 (hard cut when its half-width is `nil`).
    public var band1000: Band?
    /// The ±0.5% band at #2,000.
    public var band2000: Band?
    /// Rank of the last company inside the #1,000 band's lower and upper edges.
    public var bandRankLow: Int?
    public var bandRankHigh: Int?
    /// Total caps at the band edges (the companies just inside each edge).
    public var bandCapHigh: Double?
    public var bandCapLow: Double?
    public var russell3000ETotal: Double
    public var eligibleCompanies: Int
}
