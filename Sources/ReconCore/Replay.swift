/// A market observed over time, as a replay needs it: the universe at a date.
public protocol MarketHistory {
    /// The universe at the last observation on or before `date` (a CRSP panel's last month-end).
    func universe(onOrBefore date: CalendarDate) -> [Security]
}

/// Something that happened to the membership between two reconstitutions.
public struct ReplayEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A member left the universe (delisted, acquired): deleted and not replaced (M7 §9.2.1).
        case deletion
        /// A new listing added at a quarterly IPO date (M7 §6.8–6.9).
        case ipoAddition = "ipo_addition"
    }

    public var kind: Kind
    /// The IPO window's rank date the event was observed at.
    public var date: CalendarDate
    public var symbol: String
    public var companyKey: String
    public var tier: IndexTier
}

/// One reconstitution of a replay, with the events since the previous one.
public struct ReplayStep: Sendable {
    public var result: ReconstitutionResult
    /// The universe the reconstitution ranked.
    public var universe: [Security]
    /// Between the previous reconstitution and this one, in date order.
    public var eventsBefore: [ReplayEvent]
    /// The membership this reconstitution started from (after those events).
    public var prior: PriorMembership
}

/// Every reconstitution in order, each one's prior membership being the previous result, with
/// what happens between runs: members that leave the universe are deleted and not replaced
/// (M7 §9.2.1), and from Q3 2004 new listings are added at the quarterly IPO dates, placed by the
/// last reconstitution's breakpoints adjusted for the market's move since its rank day (§6.8–6.9).
public enum Replay {
    /// A quarterly IPO window: the rank date the IPOs are measured at.
    public typealias IPOWindow = (rankDay: CalendarDate, effectiveDate: CalendarDate)

    /// - Parameters:
    ///   - rulebooks: the runs in order with their rules.
    ///   - ipoWindows: the IPO windows after a run (empty when the era has none).
    ///   - progress: called before each run.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, initialPrior: PriorMembership = PriorMembership(),
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }
    ) -> [ReplayStep] {
        var steps: [ReplayStep] = []
        var prior = initialPrior
        var events: [ReplayEvent] = []
        for rulebook in rulebooks {
            progress(rulebook)
            let universe = history.universe(onOrBefore: rulebook.rankDay)
            let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
            steps.append(ReplayStep(result: result, universe: universe, eventsBefore: events, prior: prior))
            prior = membership(of: result, universe: universe)
            events = []
            guard rulebook.quarterlyIPOAdditions else { continue }
            let listedAtRankDay = Set(universe.map(\.companyKey))
            var added = Set<String>()
            for window in ipoWindows(rulebook) {
                let now = history.universe(onOrBefore: window.rankDay)
                events += removeAbsentMembers(from: &prior, universe: now, date: window.rankDay)
                events += addIPOs(to: &prior, universe: now, listedAtRankDay: listedAtRankDay, alreadyAdded: &added,
                                  last: result, lastUniverse: universe, rulebook: rulebook, date: window.rankDay)
            }
        }
        return steps
    }

    /// The Russell 3000 members of a result as the next prior (keyed by company).
    public static func membership(of result: ReconstitutionResult, universe: [Security]) -> PriorMembership {
        var prior = PriorMembership()
        for row in result.rows where row.index.isInRussell3000 {
            let security = row.universeIndex.map { universe[$0] }
            prior.add(.init(symbol: security?.symbol ?? row.symbol, name: row.company, tier: row.index,
                            companyKey: row.companyKey, isMicrocap: row.isMicrocap, weight: row.weight))
        }
        return prior
    }

    /// Deletes members whose company no longer has a line in the universe.
    static func removeAbsentMembers(from prior: inout PriorMembership, universe: [Security], date: CalendarDate) -> [ReplayEvent] {
        let present = Set(universe.map(\.companyKey))
        var kept = PriorMembership()
        var events: [ReplayEvent] = []
        for entry in prior.entries {
            if let key = entry.companyKey, !present.contains(key) {
                events.append(ReplayEvent(kind: .deletion, date: date, symbol: entry.symbol, companyKey: key, tier: entry.tier))
            } else {
                kept.add(entry)
            }
        }
        prior = kept
        return events
    }

    /// Adds eligible new listings whose total cap reaches the market-adjusted Russell 3000 cut.
    static func addIPOs(
        to prior: inout PriorMembership, universe: [Security], listedAtRankDay: Set<String>, alreadyAdded: inout Set<String>,
        last: ReconstitutionResult, lastUniverse: [Security], rulebook: Rulebook, date: CalendarDate
    ) -> [ReplayEvent] {
        guard let cap1000 = last.breakpoints.cap1000, let cap3000 = last.breakpoints.cap3000 else { return [] }
        let factor = marketAdjustment(last: last, lastUniverse: lastUniverse, now: universe)
        let newLines = universe.indices.filter { index in
            let key = universe[index].companyKey
            return !listedAtRankDay.contains(key) && !alreadyAdded.contains(key)
        }
        guard !newLines.isEmpty else { return [] }
        let candidates = newLines.map { universe[$0] }
        let screened = Reconstitution.run(universe: candidates, prior: PriorMembership(), rulebook: rulebook)
        var byCompany: [String: [Int]] = [:]
        for (index, row) in screened.rows.enumerated() where row.universeIndex != nil && row.exclusion == nil {
            byCompany[row.companyKey, default: []].append(index)
        }
        var events: [ReplayEvent] = []
        for key in byCompany.keys.sorted() {
            let lines = byCompany[key]!
            guard let cap = screened.rows[lines[0]].totalMarketCap, cap >= cap3000 * factor else { continue }
            let tier: IndexTier = cap >= cap1000 * factor ? .r1000 : .r2000
            alreadyAdded.insert(key)
            for line in lines {
                let row = screened.rows[line]
                prior.add(.init(symbol: row.symbol, name: row.company, tier: tier, companyKey: key, isMicrocap: false))
                events.append(ReplayEvent(kind: .ipoAddition, date: date, symbol: row.symbol, companyKey: key, tier: tier))
            }
        }
        return events
    }

    /// The Russell 3000E's total-cap change since the last rank day, over the companies present at both
    /// (the "market-adjusted" breaks of M7 §6.9).
    static func marketAdjustment(last: ReconstitutionResult, lastUniverse: [Security], now: [Security]) -> Double {
        var before: [String: Double] = [:]
        for row in last.rows where row.isRussell3000E { before[row.companyKey] = row.totalMarketCap }
        var capNow: [String: Double] = [:]
        for security in now where before[security.companyKey] != nil {
            if security.capScope == .company {
                capNow[security.companyKey] = max(capNow[security.companyKey] ?? 0, security.marketCap ?? 0)
            } else {
                capNow[security.companyKey, default: 0] += security.marketCap ?? 0
            }
        }
        var sumBefore = 0.0, sumNow = 0.0
        for key in capNow.keys.sorted() where (capNow[key] ?? 0) > 0 {
            sumBefore += before[key] ?? 0
            sumNow += capNow[key]!
        }
        return sumBefore > 0 ? sumNow / sumBefore : 1
    }
}
