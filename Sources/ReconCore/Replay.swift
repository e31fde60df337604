/// A market observed over time, as a replay needs it: the universe at a date.
public protocol MarketHistory {
    /// The universe at the last observation on or before `date` (a CRSP panel's last month-end).
    func universe(onOrBefore date: CalendarDate) -> [Security]

    /// ``universe(onOrBefore:)`` with the company keys it lists. A history that serves many
    /// replays (a sweep of rule variants) returns one shared snapshot per date rather than
    /// building it again for each.
    func universeSnapshot(onOrBefore date: CalendarDate) -> UniverseSnapshot

    /// The universe at an IPO window as a replay uses it (``IPOWindowUniverse``), after a run
    /// that ranked `rankDay` under `rulebook`. A history that serves many replays works it out
    /// once per window and screens.
    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: UniverseSnapshot, rulebook: Rulebook) -> IPOWindowUniverse
}

extension MarketHistory {
    public func universeSnapshot(onOrBefore date: CalendarDate) -> UniverseSnapshot {
        UniverseSnapshot(universe(onOrBefore: date))
    }

    public func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: UniverseSnapshot, rulebook: Rulebook) -> IPOWindowUniverse {
        IPOWindowUniverse(universe: universe(onOrBefore: date), listedAtRankDay: rankDay, rulebook: rulebook)
    }
}

/// A universe at a date and the set of company keys it lists; a class so that every replay and
/// step that uses it shares one copy.
public final class UniverseSnapshot: Sendable {
    public let securities: [Security]
    public let companyKeys: Set<String>
    /// Each company's number (in order of first line) and the number of each line's company:
    /// a reconstitution of the snapshot groups lines into companies by number, not by hashing
    /// their keys again.
    let companyNumber: [String: Int32]
    let companyOfLine: [Int32]

    public init(_ securities: [Security]) {
        self.securities = securities
        var numbering = KeyNumbering(capacity: securities.count)
        companyOfLine = securities.indices.map { numbering.number(securities[$0].companyKey) }
        companyNumber = numbering.numberOf
        companyKeys = Set(numbering.numberOf.keys)
    }

    /// A company's number in the snapshot (``ReconstitutionResult/companyOfRow`` numbers the
    /// snapshot's lines by it), `nil` when the snapshot has no line of it.
    public func companyNumber(of key: String) -> Int32? { companyNumber[key] }

    /// The numbers of `keys`, -1 for a key the snapshot has no line of.
    public func companyNumbers(of keys: [String]) -> [Int32] { keys.map { companyNumber[$0] ?? -1 } }
}

/// What a replay needs of the universe at an IPO window: which companies are still listed, the
/// new companies it could add (those with no line at the last rank day, screened as a
/// reconstitution screens them with no prior membership), and every company's cap for the market
/// adjustment.
///
/// A company's screening depends on its own lines only, never on the other candidates, so the
/// new companies screened together give each what screening it alone would: a replay skips the
/// ones it has already added in the year without screening again.
public struct IPOWindowUniverse: Sendable {
    /// An eligible new company.
    public struct Listing: Sendable {
        public var companyKey: String
        /// Its total cap (all its classes).
        public var totalMarketCap: Double?
        /// Its eligible lines, in universe order.
        public var lines: [(symbol: String, company: String)]
    }

    /// The companies with a line at the window.
    public var companyKeys: Set<String>
    /// The companies of the rank day's universe with no line at the window, in key order.
    public var goneSinceRankDay: [String]
    /// The eligible new companies, in company-key order.
    public var listings: [Listing]
    /// Each company's cap at the window as the market adjustment sums it (classes summed, or the
    /// largest where the source reports company totals), in company-key order.
    public var companyCaps: [(companyKey: String, cap: Double)]
    /// For each of ``companyCaps``, the company's number in the rank day's snapshot
    /// (``UniverseSnapshot/companyNumber(of:)``), -1 when it had no line then: the market
    /// adjustment finds each company's cap at the rank day by number, hashing no key.
    public var rankDayCompanyNumbers: [Int32]

    public init(companyKeys: Set<String>, goneSinceRankDay: [String], listings: [Listing], companyCaps: [(companyKey: String, cap: Double)],
                rankDayCompanyNumbers: [Int32]) {
        precondition(rankDayCompanyNumbers.count == companyCaps.count, "a rank-day number for each company cap")
        self.companyKeys = companyKeys
        self.goneSinceRankDay = goneSinceRankDay
        self.listings = listings
        self.companyCaps = companyCaps
        self.rankDayCompanyNumbers = rankDayCompanyNumbers
    }

    /// From the whole universe at the window.
    public init(universe: [Security], listedAtRankDay rankDay: UniverseSnapshot, rulebook: Rulebook) {
        var caps: [String: Double] = [:]
        for security in universe {
            if security.capScope == .company {
                caps[security.companyKey] = max(caps[security.companyKey] ?? 0, security.marketCap ?? 0)
            } else {
                caps[security.companyKey, default: 0] += security.marketCap ?? 0
            }
        }
        let keys = Set(universe.map(\.companyKey))
        let companyCaps = caps.keys.sorted().map { (companyKey: $0, cap: caps[$0]!) }
        self.init(companyKeys: keys, goneSinceRankDay: rankDay.companyKeys.subtracting(keys).sorted(),
                  listings: IPOWindowUniverse.listings(of: universe.filter { !rankDay.companyKeys.contains($0.companyKey) },
                                                       rulebook: rulebook),
                  companyCaps: companyCaps, rankDayCompanyNumbers: rankDay.companyNumbers(of: companyCaps.map(\.companyKey)))
    }

    /// The eligible companies among new lines, in company-key order.
    public static func listings(of candidates: [Security], rulebook: Rulebook) -> [Listing] {
        guard !candidates.isEmpty else { return [] }
        let screened = Reconstitution.run(universe: candidates, prior: PriorMembership(), rulebook: rulebook)
        var byCompany: [String: [Int]] = [:]
        for (index, row) in screened.rows.enumerated() where row.universeIndex != nil && row.exclusion == nil {
            byCompany[row.companyKey, default: []].append(index)
        }
        return byCompany.keys.sorted().map { key in
            let lines = byCompany[key]!
            return Listing(companyKey: key, totalMarketCap: screened.rows[lines[0]].totalMarketCap,
                           lines: lines.map { (symbol: screened.rows[$0].symbol, company: screened.rows[$0].company) })
        }
    }
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
    public var universe: [Security] { snapshot.securities }
    /// That universe with its company keys.
    public var snapshot: UniverseSnapshot
    /// Between the previous reconstitution and this one, in date order.
    public var eventsBefore: [ReplayEvent]
    /// The membership this reconstitution started from (after those events).
    public var prior: PriorMembership

    /// Where a replay stood just before this step: a replay whose rules agree up to here can
    /// continue from it (``Replay/run(rulebooks:history:from:ipoWindows:progress:)``).
    public var stateBefore: Replay.State { Replay.State(prior: prior, events: eventsBefore) }
}

/// Every reconstitution in order, each one's prior membership being the previous result, with
/// what happens between runs: members that leave the universe are deleted and not replaced
/// (M7 §9.2.1), and from Q3 2004 new listings are added at the quarterly IPO dates, placed by the
/// last reconstitution's breakpoints adjusted for the market's move since its rank day (§6.8–6.9).
public enum Replay {
    /// A quarterly IPO window: the rank date the IPOs are measured at.
    public typealias IPOWindow = (rankDay: CalendarDate, effectiveDate: CalendarDate)

    /// Where a replay stands between two reconstitutions: the membership the next one starts
    /// from, and the events that led there since the last one.
    public struct State: Sendable {
        public var prior: PriorMembership
        public var events: [ReplayEvent]

        public init(prior: PriorMembership, events: [ReplayEvent] = []) {
            self.prior = prior
            self.events = events
        }
    }

    /// - Parameters:
    ///   - rulebooks: the runs in order with their rules.
    ///   - ipoWindows: the IPO windows after a run (empty when the era has none).
    ///   - progress: called before each run.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, initialPrior: PriorMembership = PriorMembership(),
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }
    ) -> [ReplayStep] {
        run(rulebooks: rulebooks, history: history, from: State(prior: initialPrior), ipoWindows: ipoWindows, progress: progress)
    }

    /// The runs from `state` on: with a step's ``ReplayStep/stateBefore``, the same steps as the
    /// replay that made it, from that step on, for the same rulebooks.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, from state: State,
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }
    ) -> [ReplayStep] {
        var steps: [ReplayStep] = []
        run(rulebooks: rulebooks, history: history, from: state, ipoWindows: ipoWindows, progress: progress) { steps.append($0) }
        return steps
    }

    /// The same steps, each handed to `step` as soon as it is made (before the events that lead to
    /// the next): a caller can measure and write one run while the next is reconstituted.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, from state: State,
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }, step: (ReplayStep) -> Void
    ) {
        var prior = state.prior
        var events = state.events
        for rulebook in rulebooks {
            progress(rulebook)
            let snapshot = history.universeSnapshot(onOrBefore: rulebook.rankDay)
            let universe = snapshot.securities
            let result = Reconstitution.run(snapshot: snapshot, prior: prior, rulebook: rulebook)
            step(ReplayStep(result: result, snapshot: snapshot, eventsBefore: events, prior: prior))
            prior = membership(of: result, universe: universe)
            events = []
            guard rulebook.quarterlyIPOAdditions else { continue }
            let windows = ipoWindows(rulebook)
            guard !windows.isEmpty else { continue }
            let capsBefore = russell3000ECaps(of: result)
            var added = Set<String>()
            for window in windows {
                let now = history.ipoWindow(onOrBefore: window.rankDay, listedAtRankDay: snapshot, rulebook: rulebook)
                events += removeAbsentMembers(from: &prior, window: now, added: added, date: window.rankDay)
                events += addIPOs(to: &prior, window: now, alreadyAdded: &added, last: result,
                                  capsBefore: capsBefore, date: window.rankDay)
            }
        }
    }

    /// The Russell 3000 members of a result as the next prior (keyed by company).
    public static func membership(of result: ReconstitutionResult, universe: [Security]) -> PriorMembership {
        var prior = PriorMembership()
        let rows = result.rows
        prior.reserveCapacity(result.rulebook.russell3000Count + result.rulebook.russell3000Count / 4)
        for position in rows.indices where rows[position].index.isInRussell3000 {
            let symbol = rows[position].universeIndex.map { universe[$0].symbol } ?? rows[position].symbol
            prior.add(.init(symbol: symbol, name: rows[position].company, tier: rows[position].index,
                            companyKey: rows[position].companyKey, isMicrocap: rows[position].isMicrocap,
                            weight: rows[position].weight))
        }
        return prior
    }

    /// Deletes members whose company no longer has a line in the universe.
    ///
    /// Between two reconstitutions the members' companies are those of the rank day's universe
    /// (the Russell 3000 is drawn from it) and the new listings added since: only the companies
    /// gone since the rank day, and the added ones no longer listed, need looking up.
    static func removeAbsentMembers(from prior: inout PriorMembership, window: IPOWindowUniverse, added: Set<String>,
                                    date: CalendarDate) -> [ReplayEvent] {
        var absent: [Int] = []
        for key in window.goneSinceRankDay { absent += prior.positions(companyKey: key) }
        for key in added where !window.companyKeys.contains(key) { absent += prior.positions(companyKey: key) }
        guard !absent.isEmpty else { return [] }
        absent.sort()
        let events = absent.map { position in
            ReplayEvent(kind: .deletion, date: date, symbol: prior.entries[position].symbol,
                        companyKey: prior.entries[position].companyKey!, tier: prior.entries[position].tier)
        }
        prior.remove(at: absent)
        return events
    }

    /// Adds eligible new listings whose total cap reaches the market-adjusted Russell 3000 cut.
    static func addIPOs(
        to prior: inout PriorMembership, window: IPOWindowUniverse, alreadyAdded: inout Set<String>,
        last: ReconstitutionResult, capsBefore: [Double?], date: CalendarDate
    ) -> [ReplayEvent] {
        guard let cap1000 = last.breakpoints.cap1000, let cap3000 = last.breakpoints.cap3000 else { return [] }
        let factor = marketAdjustment(before: capsBefore, now: window)
        var events: [ReplayEvent] = []
        for listing in window.listings where !alreadyAdded.contains(listing.companyKey) {
            guard let cap = listing.totalMarketCap, cap >= cap3000 * factor else { continue }
            let key = listing.companyKey
            let tier: IndexTier = cap >= cap1000 * factor ? .r1000 : .r2000
            alreadyAdded.insert(key)
            for line in listing.lines {
                prior.add(.init(symbol: line.symbol, name: line.company, tier: tier, companyKey: key, isMicrocap: false))
                events.append(ReplayEvent(kind: .ipoAddition, date: date, symbol: line.symbol, companyKey: key, tier: tier))
            }
        }
        return events
    }

    /// The total cap of each Russell 3000E company of a result (the base of the market adjustment),
    /// by company number (``ReconstitutionResult/companyOfRow``); `nil` for the others.
    static func russell3000ECaps(of last: ReconstitutionResult) -> [Double?] {
        var before = [Double?](repeating: nil, count: last.companyNumbers)
        let rows = last.rows
        for position in rows.indices where rows[position].isRussell3000E {
            before[Int(last.companyOfRow[position])] = rows[position].totalMarketCap
        }
        return before
    }

    /// The Russell 3000E's total-cap change since the last rank day, over the companies present at both
    /// (the "market-adjusted" breaks of M7 §6.9), summed in the window's company order.
    static func marketAdjustment(before: [Double?], now window: IPOWindowUniverse) -> Double {
        var sumBefore = 0.0, sumNow = 0.0
        for (index, company) in window.companyCaps.enumerated() where company.cap > 0 {
            let number = Int(window.rankDayCompanyNumbers[index])
            guard number >= 0, number < before.count, let capBefore = before[number] else { continue }
            sumBefore += capBefore
            sumNow += company.cap
        }
        return sumBefore > 0 ? sumNow / sumBefore : 1
    }
}
