import ReconCore

/// One line of `membership.csv`: a security, its company, where it was and where it went.
public struct RunReportMember: Sendable, Hashable {
    public var symbol: String
    public var company: String
    /// Share classes of one company share it.
    public var companyKey: String
    /// The company's total market cap in USD, all classes.
    public var totalMarketCap: Double?
    /// Rank among eligible companies; `nil` when excluded or absent from the universe.
    public var rank: Int?
    public var index: IndexTier
    public var priorIndex: IndexTier
    /// In the Russell Microcap after the reconstitution.
    public var microcap: Bool
    public var change: MembershipChange
    /// Weight in its index, a fraction.
    public var weight: Double?
    /// The exclusion code or how the line was placed (`rank`, `band_retained`, …).
    public var reason: String

    public init(
        symbol: String, company: String, companyKey: String, totalMarketCap: Double?, rank: Int?, index: IndexTier,
        priorIndex: IndexTier, microcap: Bool, change: MembershipChange, weight: Double? = nil, reason: String = ""
    ) {
        self.symbol = symbol
        self.company = company
        self.companyKey = companyKey
        self.totalMarketCap = totalMarketCap
        self.rank = rank
        self.index = index
        self.priorIndex = priorIndex
        self.microcap = microcap
        self.change = change
        self.weight = weight
        self.reason = reason
    }

    /// One line per company: the first line of each company key, in file order. Share classes
    /// share a company's rank, cap and placement, so counting companies counts these.
    public static func firstLinePerCompany(_ members: [RunReportMember]) -> [RunReportMember] {
        var seen: Set<String> = []
        return members.filter { seen.insert($0.companyKey).inserted }
    }
}
