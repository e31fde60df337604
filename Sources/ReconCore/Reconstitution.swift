/// One reconstitution: universe and prior membership in, membership out.
///
/// The pipeline of russell-rules.md §9: screen each line's type (M7 §5.11, §5.13), merge common
/// classes into companies (§6.5.2), screen companies (§5.3–5.15), rank by total cap (§6.11),
/// cut the Russell 3000E at 4,000 and the Russell 3000 at 3,000 with no band, place the #1,000
/// break with its band (§6.10.2), the Microcap with its band at #2,000, then weight members by
/// float-adjusted cap (§7).
public enum Reconstitution {
    /// - Complexity: O(lines) but for the ranking sort, O(c log c) in the eligible companies.
    public static func run(universe: Universe, prior: PriorMembership, rulebook: Rulebook) -> ReconstitutionResult {
        var lines = PriorMatch(universe: universe, prior: prior)
        var exclusions = [ExclusionReason?](repeating: nil, count: universe.count)
        var commonLines: [Int32] = []
        commonLines.reserveCapacity(universe.count)
        for line in universe.indices {
            if let reason = Eligibility.typeScreen(type: universe.type[line], inferred: universe.typeInferred[line],
                                                   rulebook: rulebook, isPriorMember: lines.tiers[line].isInRussell3000) {
                exclusions[line] = reason
            } else {
                commonLines.append(Int32(line))
            }
        }
        var companies = ShareClassMerger.companies(of: universe, lines: commonLines, priorTiers: lines.tiers,
                                                   priorMicrocap: lines.microcap)
        lines.passMembershipToCompanies(&companies, commonLines: commonLines, universe: universe, prior: prior)

        let (eligible, carriedOver) = screenCompanies(companies, universe: universe, rulebook: rulebook, exclusions: &exclusions)
        screenAdditionalClasses(of: eligible, companies: companies, universe: universe, rulebook: rulebook, exclusions: &exclusions)

        let ranking = Ranking(keyRanks: eligible.map { universe.keys.companyRank[Int(companies.id[$0])] },
                              caps: eligible.map { companies.totalMarketCap[$0] },
                              russell3000ECount: rulebook.russell3000ECount)
        var placement = place(companies: companies, eligible: eligible, ranking: ranking, rulebook: rulebook)
        for company in companies.indices where placement.byCompany[company] == nil {
            placement.byCompany[company] = carriedOver[company]
        }
        var result = ReconstitutionResult(universe: universe, prior: prior, rulebook: rulebook, companies: companies,
                                          breakpoints: placement.breakpoints, exclusions: exclusions)
        result.fill(placement: placement.byCompany, lines: lines)
        IndexWeights.assign(to: &result)
        return result
    }

    /// The prior membership of each universe line.
    ///
    /// Lines that can be common equity are matched first, so a preferred whose ticker normalises to
    /// a member's (`BC^C` → `BCC`) never takes the member's place; a prior line that matches only a
    /// share-type line of a company (iShares lists CleanSpark's common stock as `CLSKW`, Nasdaq's
    /// warrant ticker) is the company's membership under another ticker, and passes to the company.
    /// A line spelled as a preferred (`BC^C`) never takes a prior line by ticker, even one no common
    /// took: its normalised ticker is another security's (Boise Cascade's, gone from the universe).
    struct PriorMatch {
        var tiers: [IndexTier]
        var microcap: [Bool?]
        /// Whether each prior entry matched a universe line.
        var matched: [Bool]

        init(universe: Universe, prior: PriorMembership) {
            tiers = [IndexTier](repeating: .none, count: universe.count)
            microcap = [Bool?](repeating: nil, count: universe.count)
            matched = [Bool](repeating: false, count: prior.entries.count)
            guard !prior.isEmpty else { return }
            for pass in [false, true] {
                for line in universe.indices where universe.isShareType(line) == pass {
                    guard let position = prior.position(company: universe.company[line], symbol: universe.symbol[line]),
                          !pass || !matched[position] && !Self.isClaimByAnotherSecuritysTicker(prior.entries[position], universe, line)
                    else { continue }
                    tiers[line] = prior.entries[position].tier
                    microcap[line] = prior.entries[position].isMicrocap
                    matched[position] = true
                }
            }
        }

        /// Whether a share-type line would take `entry` only through a ticker it does not own: the
        /// entry names no company of the line's, and the line is spelled as a preferred.
        static func isClaimByAnotherSecuritysTicker(_ entry: PriorMembership.Entry, _ universe: Universe, _ line: Int) -> Bool {
            entry.company != universe.company[line] && Ticker.isPreferredSpelling(universe.text.symbol(line))
        }

        /// Gives each company the best prior tier of any of its lines (or of a prior entry of it); a
        /// share-type line whose company has common lines gives its tier up to the company. A prior
        /// entry whose company has no line in the universe names no company here, so it is skipped.
        mutating func passMembershipToCompanies(_ companies: inout Companies, commonLines: [Int32], universe: Universe,
                                                prior: PriorMembership) {
            var tierOfCompany = [IndexTier?](repeating: nil, count: universe.keys.companyCount)
            var isListed: [Bool]?
            var hasCommonLine: [Bool]?
            for line in universe.indices where tiers[line].isInRussell3000 {
                let company = Int(universe.company[line])
                tierOfCompany[company] = min(tierOfCompany[company] ?? .none, tiers[line])
                if universe.isShareType(line) {
                    if hasCommonLine == nil {
                        var flags = [Bool](repeating: false, count: tierOfCompany.count)
                        for common in commonLines { flags[Int(universe.company[Int(common)])] = true }
                        hasCommonLine = flags
                    }
                    if hasCommonLine![company] { tiers[line] = .none }
                }
            }
            for entry in prior.entries where entry.company >= 0 {
                if isListed == nil {
                    var flags = [Bool](repeating: false, count: tierOfCompany.count)
                    for company in universe.company { flags[Int(company)] = true }
                    isListed = flags
                }
                let company = Int(entry.company)
                guard company < tierOfCompany.count, isListed![company] else { continue }
                tierOfCompany[company] = min(tierOfCompany[company] ?? .none, entry.tier)
            }
            for company in companies.indices where companies.priorTier[company] == .none {
                if let tier = tierOfCompany[Int(companies.id[company])] { companies.priorTier[company] = tier }
            }
        }
    }

    /// The company screens. A member whose source gives no market cap cannot be ranked, and is not
    /// removed on a figure nobody has: it keeps its index (carried over) until the data say otherwise.
    static func screenCompanies(_ companies: Companies, universe: Universe, rulebook: Rulebook,
                                exclusions: inout [ExclusionReason?]) -> (eligible: [Int], carriedOver: [Placed?]) {
        var eligible: [Int] = []
        eligible.reserveCapacity(companies.count)
        var carriedOver = [Placed?](repeating: nil, count: companies.count)
        for company in companies.indices {
            switch Eligibility.companyScreen(company, of: companies, universe: universe, rulebook: rulebook) {
            case nil:
                eligible.append(company)
                for line in companies.classes(company) {
                    if let verdict = Eligibility.earlierVerdict(onClass: Int(line), of: company, companies: companies, universe: universe) {
                        exclusions[Int(line)] = verdict
                    }
                }
            case .missingData("market cap") where companies.wasInRussell3000(company):
                carriedOver[company] = Placed(rank: 0, share: .nan, tier: companies.priorTier[company], isRussell3000E: true,
                                              isMicrocap: companies.priorMicrocap[company] ?? false, reason: .carriedOverNoCap)
            case let reason?:
                for line in companies.classes(company) { exclusions[Int(line)] = reason }
            }
        }
        return (eligible, carriedOver)
    }

    /// Classes other than the pricing vehicle of an eligible company must qualify as index lines of
    /// their own (M7 §6.5.1); a class already left out on an earlier verdict keeps that reason.
    static func screenAdditionalClasses(of eligible: [Int], companies: Companies, universe: Universe, rulebook: Rulebook,
                                        exclusions: inout [ExclusionReason?]) {
        guard rulebook.additionalClassMinimumDailyValue != nil else { return }
        for company in eligible where companies.classes(company).count > 1 {
            for line in companies.classes(company).dropFirst() where exclusions[Int(line)] == nil {
                exclusions[Int(line)] = Eligibility.additionalClassScreen(Int(line), universe: universe, rulebook: rulebook)
            }
        }
    }

    /// Where one eligible company lands.
    struct Placed {
        /// 1-based, 0 for a company not ranked.
        var rank: Int32
        /// The cumulative share of the Russell 3000E, NaN outside it.
        var share: Double
        var tier: IndexTier
        var isRussell3000E: Bool
        var isMicrocap: Bool
        var reason: PlacementReason
    }

    struct Placement {
        /// Indexed by company.
        var byCompany: [Placed?]
        var breakpoints: Breakpoints
    }

    /// Assigns indexes to the ranked companies.
    static func place(companies: Companies, eligible: [Int], ranking: Ranking, rulebook: Rulebook) -> Placement {
        let band1000 = ranking.cumulativeShare(atRank: rulebook.russell1000Count).map {
            Band(breakpointRank: rulebook.russell1000Count, breakpointShare: $0, halfWidth: rulebook.band1000)
        }
        let band2000 = rulebook.hasMicrocap ? ranking.cumulativeShare(atRank: rulebook.microcapStartRank).map {
            Band(breakpointRank: rulebook.microcapStartRank, breakpointShare: $0, halfWidth: rulebook.microcapBand)
        } : nil

        var byCompany = [Placed?](repeating: nil, count: companies.count)
        for rankIndex in 0..<ranking.count {
            let rank = rankIndex + 1
            let company = eligible[ranking.order[rankIndex]]
            let priorTier = companies.priorTier[company], priorMicrocap = companies.priorMicrocap[company]
            let share = ranking.cumulative[rankIndex]
            let inRussell3000E = rank <= ranking.russell3000ECount
            guard rank <= rulebook.russell3000Count else {
                let microcap = rulebook.hasMicrocap && inRussell3000E
                byCompany[company] = Placed(rank: Int32(rank), share: share ?? .nan, tier: .none, isRussell3000E: inRussell3000E,
                                            isMicrocap: microcap, reason: inRussell3000E ? .below3000 : .below3000E)
                continue
            }
            // The #1,000 break: only prior Russell 3000 members are banded.
            var tier: IndexTier = rank <= rulebook.russell1000Count ? .r1000 : .r2000
            var reason = PlacementReason.rank
            if let band1000, let share {
                let priorSide: Band.Side? = switch priorTier {
                case .r1000: .above
                case .r2000: .below
                case .none: nil
                }
                let placed = band1000.place(rank: rank, share: share, priorSide: priorSide)
                tier = placed.side == .above ? .r1000 : .r2000
                reason = PlacementReason(placed.placement)
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
            byCompany[company] = Placed(rank: Int32(rank), share: share ?? .nan, tier: tier, isRussell3000E: inRussell3000E,
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

/// How a line was placed, when no screen excluded it (the `reason` column of `membership.csv`).
public enum PlacementReason: String, Sendable, Hashable {
    /// By rank alone.
    case rank
    /// An existing member kept on its side inside the band.
    case bandRetained = "band_retained"
    /// An existing member that moved because it crossed the band's far edge.
    case bandCrossed = "band_crossed"
    /// Ranked in the Russell 3000E but below #3,000.
    case below3000 = "below_3000"
    /// Ranked below the Russell 3000E.
    case below3000E = "below_3000e"
    /// A member whose source gives no market cap keeps its index.
    case carriedOverNoCap = "carried_over_no_cap"
    /// In no company (cannot happen for an eligible line; kept so that every row has a reason).
    case unplaced
    /// A prior member the universe no longer lists.
    case absentFromUniverse = "absent_from_universe"

    init(_ placement: Band.Placement) {
        switch placement {
        case .rank: self = .rank
        case .bandRetained: self = .bandRetained
        case .bandCrossed: self = .bandCrossed
        }
    }
}
