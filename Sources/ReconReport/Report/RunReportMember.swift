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

    /// One line per company, in the order companies first appear, standing for the company's
    /// membership as `summary.json` counts companies: its index before and after are the best of
    /// its lines' (the Russell 1000 first), it is in the Microcap when a line is, and its change
    /// follows from them. Its symbol, rank and weight are those of the line that holds that
    /// membership: a company's notes listed before its common stock, or a class screened out
    /// while another stays, do not stand for it.
    public static func linePerCompany(_ members: [RunReportMember]) -> [RunReportMember] {
        var companies: [String] = []
        var lines: [String: [RunReportMember]] = [:]
        for member in members {
            if lines[member.companyKey] == nil { companies.append(member.companyKey) }
            lines[member.companyKey, default: []].append(member)
        }
        return companies.map { company in
            let ofCompany = lines[company]!
            let index = ofCompany.map(\.index).min()!, priorIndex = ofCompany.map(\.priorIndex).min()!
            var line = ofCompany.first { $0.index == index && $0.priorIndex == priorIndex }
                ?? ofCompany.first { index != .none ? $0.index == index : $0.priorIndex == priorIndex } ?? ofCompany[0]
            line.index = index
            line.priorIndex = priorIndex
            line.microcap = ofCompany.contains(where: \.microcap)
            line.change = MembershipChange(prior: priorIndex, new: index)
            return line
        }
    }
}
