/// The outcome of one reconstitution, as columns: one row per universe line, in universe order,
/// then one per prior member absent from the universe. Rows are numbers and ids; the texts of
/// `membership.csv` are read from the universe and the prior when a row is written
/// (``row(_:)``, ``rows``).
public struct ReconstitutionResult: Sendable {
    public var rulebook: Rulebook
    /// The universe ranked and the prior it started from (for the texts of rows, and for measures).
    public let universe: Universe
    public let prior: PriorMembership
    /// The companies of the universe's common lines.
    public var companies: Companies
    public var breakpoints: Breakpoints
    /// The exclusion of each universe line (`nil` when eligible).
    public var exclusions: [ExclusionReason?]

    // Per row.
    public private(set) var tier: [IndexTier] = []
    public private(set) var priorTier: [IndexTier] = []
    public private(set) var isRussell3000E: [Bool] = []
    public private(set) var isMicrocap: [Bool] = []
    public private(set) var priorMicrocap: [Bool?] = []
    /// The company's 1-based rank among eligible companies, 0 when not ranked.
    public private(set) var rank: [Int32] = []
    /// The company's cumulative share of the Russell 3000E total, NaN outside it.
    public private(set) var cumulativeShare: [Double] = []
    /// The company's total market cap (all classes), or the line's own; NaN when unknown.
    public private(set) var totalMarketCap: [Double] = []
    /// Weight within its index (R1000 or R2000), summing to 1 over the index; NaN outside.
    public internal(set) var weight: [Double] = []
    public internal(set) var weightBasis: [WeightBasis?] = []
    /// How the row was placed, when no screen excluded it.
    public private(set) var placement: [PlacementReason] = []
    /// The company id each row counts under (the universe's ids; an absent member's ``PriorMembership/Entry/key``).
    public private(set) var company: [Int32] = []
    /// For each line, its company among ``companies`` (-1 for a line in none).
    public private(set) var companyOfLine: [Int32] = []
    /// For each absent row, its entry in ``prior``.
    public private(set) var absentEntries: [Int32] = []

    init(universe: Universe, prior: PriorMembership, rulebook: Rulebook, companies: Companies, breakpoints: Breakpoints,
         exclusions: [ExclusionReason?]) {
        self.universe = universe
        self.prior = prior
        self.rulebook = rulebook
        self.companies = companies
        self.breakpoints = breakpoints
        self.exclusions = exclusions
    }

    /// Number of rows: the universe's lines, then the absent prior members.
    public var rowCount: Int { tier.count }
    public var rowIndices: Range<Int> { 0 ..< rowCount }
    /// Number of universe lines (the first rows).
    public var lineCount: Int { universe.count }

    /// The rows of every line, then of every unmatched prior entry.
    mutating func fill(placement byCompany: [Reconstitution.Placed?], lines: Reconstitution.PriorMatch) {
        let count = universe.count + lines.matched.lazy.filter { !$0 }.count
        tier.reserveCapacity(count); priorTier.reserveCapacity(count); isRussell3000E.reserveCapacity(count)
        isMicrocap.reserveCapacity(count); priorMicrocap.reserveCapacity(count); rank.reserveCapacity(count)
        cumulativeShare.reserveCapacity(count); totalMarketCap.reserveCapacity(count); placement.reserveCapacity(count)
        company.reserveCapacity(count)
        companyOfLine = [Int32](repeating: -1, count: universe.count)
        for position in companies.indices {
            for line in companies.classes(position) { companyOfLine[Int(line)] = Int32(position) }
        }
        for line in universe.indices {
            let position = Int(companyOfLine[line])
            let placed = exclusions[line] == nil && position >= 0 ? byCompany[position] : nil
            // A class that is not an index line of its own answers for its own membership only.
            let isAdditionalClass = if case .additionalClass = exclusions[line] { true } else { false }
            let companyPrior: IndexTier? = position >= 0 ? companies.priorTier[position] : nil
            let companyCap = position >= 0 ? companies.totalMarketCap[position] : .nan
            let companyMicrocap: Bool? = position >= 0 ? companies.priorMicrocap[position] : nil
            tier.append(placed?.tier ?? .none)
            priorTier.append(isAdditionalClass ? lines.tiers[line] : companyPrior ?? lines.tiers[line])
            isRussell3000E.append(placed?.isRussell3000E ?? false)
            isMicrocap.append(placed?.isMicrocap ?? false)
            priorMicrocap.append(companyMicrocap ?? lines.microcap[line])
            rank.append(placed?.rank ?? 0)
            cumulativeShare.append(placed?.share ?? .nan)
            totalMarketCap.append(companyCap.isNaN ? universe.marketCap[line] : companyCap)
            placement.append(placed?.reason ?? .unplaced)
            company.append(universe.company[line])
        }
        for (position, entry) in prior.entries.enumerated() where !lines.matched[position] {
            absentEntries.append(Int32(position))
            tier.append(.none)
            priorTier.append(entry.tier)
            isRussell3000E.append(false)
            isMicrocap.append(false)
            priorMicrocap.append(entry.isMicrocap)
            rank.append(0)
            cumulativeShare.append(.nan)
            totalMarketCap.append(.nan)
            placement.append(.absentFromUniverse)
            company.append(entry.key)
        }
        weight = [Double](repeating: .nan, count: tier.count)
        weightBasis = [WeightBasis?](repeating: nil, count: tier.count)
    }

    // MARK: - A row's fields

    /// Whether a row is a universe line (not an absent prior member).
    @inline(__always)
    public func isLine(_ row: Int) -> Bool { row < universe.count }

    /// Prior member companies the universe lists no line of (each a deletion; a company with an
    /// absent class and a listed one is not counted).
    public var companiesAbsentFromUniverse: Int {
        let listed = Set(company[..<universe.count])
        return Set(company[universe.count...]).subtracting(listed).count
    }

    /// The exclusion of a row, `nil` when eligible or absent.
    @inline(__always)
    public func exclusion(_ row: Int) -> ExclusionReason? { row < universe.count ? exclusions[row] : nil }

    /// How a row's membership changed.
    @inline(__always)
    public func change(_ row: Int) -> MembershipChange { MembershipChange(prior: priorTier[row], new: tier[row]) }

    /// The exclusion code, or how the row was placed (`rank`, `band_retained`, …, `absent_from_universe`).
    public func reason(_ row: Int) -> String { exclusion(row)?.code ?? placement[row].rawValue }

    /// The row's ticker: the line's as its source spells it, or an absent member's normalised one.
    public func symbol(_ row: Int) -> String {
        isLine(row) ? universe.text.symbol(row) : universe.keys.symbols[Int(prior.entries[Int(absentEntries[row - universe.count])].symbol)]
    }

    /// The row's permanent identifier: the line's (``UniverseText/id(_:)``: a CRSP PERMNO, else its
    /// ticker), or an absent member's when its prior line carries one (a replay's, a quarterly
    /// IPO addition's included, and a prior `membership.csv`'s; holdings files carry none).
    public func securityID(_ row: Int) -> String? {
        isLine(row) ? universe.text.id(row) : prior.entries[Int(absentEntries[row - universe.count])].securityID
    }

    /// The row's company name: its company's (the pricing vehicle's), the line's own, or an absent member's.
    public func companyName(_ row: Int) -> String { universe.keys.names[Int(companyNameID(row))] }

    /// The row's company name as a name id of the universe's keys.
    public func companyNameID(_ row: Int) -> Int32 {
        guard isLine(row) else { return prior.entries[Int(absentEntries[row - universe.count])].name }
        let position = Int(companyOfLine[row])
        return universe.name[position >= 0 ? companies.pricingVehicle(position) : row]
    }

    /// The row's company key.
    public func companyKey(_ row: Int) -> String { universe.keys.companyKeys[Int(company[row])] }

    /// The row as `membership.csv` shows it.
    public func row(_ row: Int) -> MembershipRow {
        MembershipRow(
            symbol: symbol(row), company: companyName(row), companyKey: companyKey(row),
            universeIndex: isLine(row) ? row : nil, totalMarketCap: totalMarketCap[row].isNaN ? nil : totalMarketCap[row],
            rank: rank[row] > 0 ? Int(rank[row]) : nil, cumulativeShare: cumulativeShare[row].isNaN ? nil : cumulativeShare[row],
            index: tier[row], priorIndex: priorTier[row], isRussell3000E: isRussell3000E[row], isMicrocap: isMicrocap[row],
            priorMicrocap: priorMicrocap[row], change: change(row),
            weight: weight[row].isNaN ? nil : weight[row], weightBasis: weightBasis[row],
            reason: reason(row), exclusion: exclusion(row))
    }

    /// Every row as `membership.csv` shows it.
    public var rows: [MembershipRow] { rowIndices.map(row) }

    // MARK: - Counts

    /// Member rows of an index.
    public func lines(in tier: IndexTier) -> [MembershipRow] { rowIndices.filter { self.tier[$0] == tier }.map(row) }

    /// Number of distinct companies among the rows `include` picks.
    public func companyCount(where include: (Int) -> Bool) -> Int {
        var counter = CompanyCounter(self)
        return counter.count(where: include)
    }

    /// Number of distinct companies in an index.
    public func companyCount(in tier: IndexTier) -> Int { companyCount { self.tier[$0] == tier } }
}

/// Counts the distinct companies of one set of a result's rows after another: one array, by
/// company id, holds the set in which each company was last met, so counting hashes nothing and
/// clears nothing between sets.
struct CompanyCounter {
    private let result: ReconstitutionResult
    private var lastSet: [Int32]
    private var set: Int32 = 0

    init(_ result: ReconstitutionResult) {
        self.result = result
        lastSet = [Int32](repeating: 0, count: result.universe.keys.companyCount)
    }

    /// The distinct companies of the rows `include` picks.
    mutating func count(where include: (Int) -> Bool) -> Int {
        set += 1
        var companies = 0
        for row in result.rowIndices where include(row) {
            let company = Int(result.company[row])
            if lastSet[company] != set {
                lastSet[company] = set
                companies += 1
            }
        }
        return companies
    }

    /// The distinct companies of these rows.
    mutating func count(rows: [Int]) -> Int {
        set += 1
        var companies = 0
        for row in rows {
            let company = Int(result.company[row])
            if lastSet[company] != set {
                lastSet[company] = set
                companies += 1
            }
        }
        return companies
    }
}
