/// One reconstitution: universe and prior membership in, membership out.
///
/// The pipeline of russell-rules.md §9: screen each line's type (M7 §5.11, §5.13), merge common
/// classes into companies (§6.5.2), screen companies (§5.3–5.15), rank by total cap (§6.11),
/// cut the Russell 3000E at 4,000 and the Russell 3000 at 3,000 with no band, place the #1,000
/// break with its band (§6.10.2), the Microcap with its band at #2,000, then weight members by
/// float-adjusted cap (§7).
///
/// (Loops index the universe rather than iterate it: a `Security` copied out of the array costs a
/// retain and a release of each of its strings, and a replay runs this thousands of times.)
public enum Reconstitution {
    public static func run(universe: [Security], prior: PriorMembership, rulebook: Rulebook) -> ReconstitutionResult {
        run(snapshot: UniverseSnapshot(universe), prior: prior, rulebook: rulebook)
    }

    /// The same for a snapshot, whose lines carry their company's number: companies are grouped
    /// and given their prior tiers by number (a replay's snapshots are made once and shared).
    static func run(snapshot numbered: UniverseSnapshot, prior: PriorMembership, rulebook: Rulebook) -> ReconstitutionResult {
        let universe = numbered.securities
        var lines = PriorMatch(universe: universe, prior: prior)
        var exclusions = [ExclusionReason?](repeating: nil, count: universe.count)
        var commonLines: [Int] = []
        commonLines.reserveCapacity(universe.count)
        for index in universe.indices {
            if let reason = Eligibility.typeScreen(type: universe[index].type, inferred: universe[index].typeEvidence != nil,
                                                   rulebook: rulebook, isPriorMember: lines.tiers[index].isInRussell3000) {
                exclusions[index] = reason
            } else {
                commonLines.append(index)
            }
        }
        var companies = ShareClassMerger.companies(of: universe, indices: commonLines, priorTiers: lines.tiers,
                                                   priorMicrocap: lines.microcap, numbered: numbered)
        lines.passMembershipToCompanies(&companies, commonLines: commonLines, universe: universe, numbered: numbered, prior: prior)

        let (eligible, carriedOver) = screenCompanies(companies, universe: universe, rulebook: rulebook, exclusions: &exclusions)
        screenAdditionalClasses(of: eligible, companies: companies, universe: universe, rulebook: rulebook, exclusions: &exclusions)

        let ranking = Ranking(keys: eligible.map { companies[$0].key },
                              caps: eligible.map { companies[$0].totalMarketCap! },
                              russell3000ECount: rulebook.russell3000ECount)
        var placement = place(companies: companies, eligible: eligible, ranking: ranking, rulebook: rulebook)
        for position in companies.indices where placement.byCompany[position] == nil {
            placement.byCompany[position] = carriedOver[position]
        }

        var companyOfLine = [Int?](repeating: nil, count: universe.count)
        for position in companies.indices {
            for line in companies[position].classes { companyOfLine[line] = position }
        }
        var rows: [MembershipRow] = []
        rows.reserveCapacity(universe.count + prior.entries.count)
        for index in universe.indices {
            rows.append(row(for: index, universe: universe, companies: companies, companyOfLine: companyOfLine,
                            placement: placement, exclusions: exclusions, lines: lines))
        }
        for (position, entry) in prior.entries.enumerated() where !lines.matched[position] {
            rows.append(MembershipRow(
                symbol: entry.symbol, company: entry.name, companyKey: entry.companyKey ?? entry.symbol,
                universeIndex: nil, totalMarketCap: nil, rank: nil, cumulativeShare: nil,
                index: .none, priorIndex: entry.tier, isRussell3000E: false, isMicrocap: false,
                priorMicrocap: entry.isMicrocap, change: MembershipChange(prior: entry.tier, new: .none),
                weight: nil, weightBasis: nil, reason: "absent_from_universe", exclusion: nil))
        }
        IndexWeights.assign(to: &rows, universe: universe, companies: companies, companyOfLine: companyOfLine)

        let (companyOfRow, companyNumbers) = numberCompanies(of: rows, universeCount: universe.count, numbered: numbered)
        return ReconstitutionResult(rulebook: rulebook, rows: rows, companyOfRow: companyOfRow, companyNumbers: companyNumbers,
                                    companies: companies, breakpoints: placement.breakpoints, exclusions: exclusions)
    }

    /// The company number of each row: a universe line's is its snapshot's; a prior member absent
    /// from the universe takes the number of a universe company with its key, or a new one.
    static func numberCompanies(of rows: [MembershipRow], universeCount: Int, numbered: UniverseSnapshot) -> ([Int32], Int) {
        var companyOfRow = Array(numbered.companyOfLine.prefix(universeCount))
        companyOfRow.reserveCapacity(rows.count)
        var count = numbered.companyNumber.count
        var absentNumber: [String: Int32] = [:]
        for position in universeCount ..< rows.count {
            let key = rows[position].companyKey
            if let known = numbered.companyNumber[key] ?? absentNumber[key] {
                companyOfRow.append(known)
            } else {
                absentNumber[key] = Int32(count)
                companyOfRow.append(Int32(count))
                count += 1
            }
        }
        return (companyOfRow, count)
    }

    /// The prior membership of each universe line.
    ///
    /// Lines that can be common equity are matched first, so a preferred whose ticker normalises to
    /// a member's (`BC^C` → `BCC`) never takes the member's place; a prior line that matches only a
    /// share-type line of a company (iShares lists CleanSpark's common stock as `CLSKW`, Nasdaq's
    /// warrant ticker) is the company's membership under another ticker, and passes to the company.
    struct PriorMatch {
        var tiers: [IndexTier]
        var microcap: [Bool?]
        /// Whether each prior entry matched a universe line.
        var matched: [Bool]
        let isShareType: [Bool]

        init(universe: [Security], prior: PriorMembership) {
            tiers = [IndexTier](repeating: .none, count: universe.count)
            microcap = [Bool?](repeating: nil, count: universe.count)
            matched = [Bool](repeating: false, count: prior.entries.count)
            var isShareType = [Bool](repeating: false, count: universe.count)
            for index in universe.indices {
                let type = universe[index].type
                isShareType[index] = !type.isEligibleType && !type.isCompanyStructure
            }
            self.isShareType = isShareType
            guard !prior.isEmpty else { return }
            for pass in [false, true] {
                for index in universe.indices where isShareType[index] == pass {
                    guard let position = prior.position(companyKey: universe[index].companyKey, symbol: universe[index].symbol),
                          !pass || !matched[position] else { continue }
                    tiers[index] = prior.entries[position].tier
                    microcap[index] = prior.entries[position].isMicrocap
                    matched[position] = true
                }
            }
        }

        /// Gives each company the best prior tier of any of its lines (or of a prior entry with its
        /// key); a share-type line whose company has common lines gives its tier up to the company.
        /// Companies are found by number; a prior entry whose company is not in the universe names
        /// no company here, so it is skipped.
        mutating func passMembershipToCompanies(_ companies: inout [Company], commonLines: [Int], universe: [Security],
                                                numbered: UniverseSnapshot, prior: PriorMembership) {
            let companyOfLine = numbered.companyOfLine
            var tierOfCompany = [IndexTier?](repeating: nil, count: numbered.companyNumber.count)
            var hasCommonLine: [Bool]?
            for index in universe.indices where tiers[index].isInRussell3000 {
                let company = Int(companyOfLine[index])
                tierOfCompany[company] = min(tierOfCompany[company] ?? .none, tiers[index])
                if isShareType[index] {
                    if hasCommonLine == nil {
                        var flags = [Bool](repeating: false, count: tierOfCompany.count)
                        for line in commonLines { flags[Int(companyOfLine[line])] = true }
                        hasCommonLine = flags
                    }
                    if hasCommonLine![company] { tiers[index] = .none }
                }
            }
            for entry in prior.entries {
                guard let key = entry.companyKey, let company = numbered.companyNumber[key] else { continue }
                tierOfCompany[Int(company)] = min(tierOfCompany[Int(company)] ?? .none, entry.tier)
            }
            for position in companies.indices where companies[position].priorTier == .none {
                if let tier = tierOfCompany[Int(companyOfLine[companies[position].classes[0]])] { companies[position].priorTier = tier }
            }
        }
    }

    /// The company screens. A member whose source gives no market cap cannot be ranked, and is not
    /// removed on a figure nobody has: it keeps its index (carried over) until the data say otherwise.
    static func screenCompanies(_ companies: [Company], universe: [Security], rulebook: Rulebook,
                                exclusions: inout [ExclusionReason?]) -> (eligible: [Int], carriedOver: [Placed?]) {
        var eligible: [Int] = []
        eligible.reserveCapacity(companies.count)
        var carriedOver = [Placed?](repeating: nil, count: companies.count)
        for position in companies.indices {
            switch Eligibility.companyScreen(companies[position], universe: universe, rulebook: rulebook) {
            case nil:
                eligible.append(position)
            case .missingData("market cap") where companies[position].wasInRussell3000:
                carriedOver[position] = Placed(rank: nil, share: nil, tier: companies[position].priorTier, isRussell3000E: true,
                                               isMicrocap: companies[position].priorMicrocap ?? false, reason: "carried_over_no_cap")
            case let reason?:
                for line in companies[position].classes { exclusions[line] = reason }
            }
        }
        return (eligible, carriedOver)
    }

    /// Classes other than the pricing vehicle of an eligible company must qualify as index lines of
    /// their own (M7 §6.5.1).
    static func screenAdditionalClasses(of eligible: [Int], companies: [Company], universe: [Security], rulebook: Rulebook,
                                        exclusions: inout [ExclusionReason?]) {
        guard rulebook.additionalClassMinimumDailyValue != nil else { return }
        for position in eligible where companies[position].classes.count > 1 {
            for line in companies[position].classes.dropFirst() {
                exclusions[line] = Eligibility.additionalClassScreen(universe[line], rulebook: rulebook)
            }
        }
    }

    /// The output row of one universe line.
    static func row(for index: Int, universe: [Security], companies: [Company], companyOfLine: [Int?],
                    placement: Placement, exclusions: [ExclusionReason?], lines: PriorMatch) -> MembershipRow {
        let position = companyOfLine[index]
        let placed = exclusions[index] == nil ? position.flatMap { placement.byCompany[$0] } : nil
        // A class that is not an index line of its own answers for its own membership only.
        let isAdditionalClass = if case .additionalClass = exclusions[index] { true } else { false }
        let companyPriorTier = position.map { companies[$0].priorTier }
        let priorTier = isAdditionalClass ? lines.tiers[index] : companyPriorTier ?? lines.tiers[index]
        let newTier = placed?.tier ?? .none
        return MembershipRow(
            symbol: universe[index].symbol, company: position.map { companies[$0].name } ?? universe[index].companyName,
            companyKey: universe[index].companyKey,
            universeIndex: index, totalMarketCap: position.flatMap { companies[$0].totalMarketCap } ?? universe[index].marketCap,
            rank: placed?.rank, cumulativeShare: placed?.share,
            index: newTier, priorIndex: priorTier,
            isRussell3000E: placed?.isRussell3000E ?? false, isMicrocap: placed?.isMicrocap ?? false,
            priorMicrocap: position.flatMap { companies[$0].priorMicrocap } ?? lines.microcap[index],
            change: MembershipChange(prior: priorTier, new: newTier),
            weight: nil, weightBasis: nil,
            reason: exclusions[index]?.code ?? placed?.reason ?? "unplaced",
            exclusion: exclusions[index])
    }

    /// Where one eligible company lands.
    struct Placed {
        var rank: Int?
        var share: Double?
        var tier: IndexTier
        var isRussell3000E: Bool
        var isMicrocap: Bool
        var reason: String
    }

    struct Placement {
        /// Indexed by company position.
        var byCompany: [Placed?]
        var breakpoints: Breakpoints
    }

    /// Assigns indexes to the ranked companies.
    static func place(companies: [Company], eligible: [Int], ranking: Ranking, rulebook: Rulebook) -> Placement {
        let band1000 = ranking.cumulativeShare(atRank: rulebook.russell1000Count).map {
            Band(breakpointRank: rulebook.russell1000Count, breakpointShare: $0, halfWidth: rulebook.band1000)
        }
        let band2000 = rulebook.hasMicrocap ? ranking.cumulativeShare(atRank: rulebook.microcapStartRank).map {
            Band(breakpointRank: rulebook.microcapStartRank, breakpointShare: $0, halfWidth: rulebook.microcapBand)
        } : nil

        var byCompany = [Placed?](repeating: nil, count: companies.count)
        for rankIndex in 0..<ranking.count {
            let rank = rankIndex + 1
            let position = eligible[ranking.order[rankIndex]]
            let priorTier = companies[position].priorTier, priorMicrocap = companies[position].priorMicrocap
            let share = ranking.cumulative[rankIndex]
            let inRussell3000E = rank <= ranking.russell3000ECount
            guard rank <= rulebook.russell3000Count else {
                let microcap = rulebook.hasMicrocap && inRussell3000E
                byCompany[position] = Placed(rank: rank, share: share, tier: .none, isRussell3000E: inRussell3000E,
                                             isMicrocap: microcap, reason: inRussell3000E ? "below_3000" : "below_3000e")
                continue
            }
            // The #1,000 break: only prior Russell 3000 members are banded.
            var tier: IndexTier = rank <= rulebook.russell1000Count ? .r1000 : .r2000
            var reason = "rank"
            if let band1000, let share {
                let priorSide: Band.Side? = switch priorTier {
                case .r1000: .above
                case .r2000: .below
                case .none: nil
                }
                let placed = band1000.place(rank: rank, share: share, priorSide: priorSide)
                tier = placed.side == .above ? .r1000 : .r2000
                reason = placed.placement.rawValue
            }
            // The Microcap: ranks after #2,000 (banded for prior Russell 2000 members whose Microcap
            // status is known; ex-Russell 2000 Microcap members are new adds, M7 §6.10.3).
            var microcap = false
            if let band2000, let share, tier == .r2000 {
                var priorSide: Band.Side?
                if priorTier == .r2000, let wasMicrocap = priorMicrocap {
                    priorSide = wasMicrocap ? .below : .above
                }
                microcap = band2000.place(rank: rank, share: share, priorSide: priorSide).side == .below
            }
            byCompany[position] = Placed(rank: rank, share: share, tier: tier, isRussell3000E: inRussell3000E,
                                         isMicrocap: microcap, reason: reason)
        }

        let breakpoints = Breakpoints(
            cap1000: ranking.cap(atRank: rulebook.russell1000Count),
            cap2000: ranking.cap(atRank: rulebook.microcapStartRank),
            cap3000: ranking.cap(atRank: rulebook.russell3000Count),
            capRussell3000ELast: ranking.cap(atRank: ranking.russell3000ECount),
            band1000: band1000, band2000: band2000,
            bandRankLow: band1000.map { band in lastRank(in: ranking, atOrBelow: band.lowerEdge) },
            bandRankHigh: band1000.map { band in lastRank(in: ranking, atOrBelow: band.upperEdge) },
            bandCapHigh: band1000.flatMap { band in ranking.cap(atRank: lastRank(in: ranking, atOrBelow: band.lowerEdge)) },
            bandCapLow: band1000.flatMap { band in ranking.cap(atRank: lastRank(in: ranking, atOrBelow: band.upperEdge)) },
            russell3000ETotal: ranking.russell3000ETotal, eligibleCompanies: ranking.count)
        return Placement(byCompany: byCompany, breakpoints: breakpoints)
    }

    /// The last 1-based rank whose cumulative share is at most `edge` (0 when none).
    static func lastRank(in ranking: Ranking, atOrBelow edge: Double) -> Int {
        var low = 0, high = ranking.russell3000ECount
        while low < high {
            let middle = (low + high + 1) / 2
            if let share = ranking.cumulative[middle - 1], share <= edge { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// The outcome of one reconstitution.
public struct ReconstitutionResult: Sendable {
    public var rulebook: Rulebook
    /// One row per universe line, in universe order, then one per prior member absent from the universe.
    public private(set) var rows: [MembershipRow]
    /// The company of each row as a number: rows with the same company key have the same number,
    /// `0 ..< companyNumbers`. Counting companies by number hashes no key.
    public let companyOfRow: [Int32]
    public let companyNumbers: Int
    /// The companies of the universe's common lines.
    public var companies: [Company]
    public var breakpoints: Breakpoints
    /// The exclusion of each universe line (`nil` when eligible).
    public var exclusions: [ExclusionReason?]

    /// Member lines of an index.
    public func lines(in tier: IndexTier) -> [MembershipRow] { rows.filter { $0.index == tier } }

    /// Number of distinct companies in an index.
    public func companyCount(in tier: IndexTier) -> Int {
        Set(rows.lazy.filter { $0.index == tier }.map(\.companyKey)).count
    }

    /// Number of distinct Microcap companies.
    public var microcapCompanyCount: Int { Set(rows.lazy.filter(\.isMicrocap).map(\.companyKey)).count }

    /// Number of distinct companies whose membership changed in the given way.
    public func companyCount(changed change: MembershipChange) -> Int {
        Set(rows.lazy.filter { $0.change == change }.map(\.companyKey)).count
    }
}
