/// A market observed over time, as a replay needs it: the universe at a date, every universe
/// numbering its companies and tickers into the same ``keys``.
public protocol MarketHistory {
    /// The id spaces of the market's companies and tickers.
    var keys: UniverseKeys { get }

    /// The universe at the last observation on or before `date` (a CRSP panel's last month-end),
    /// its share types and exchanges read by `convention`.
    func universe(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> Universe

    /// The universe at an IPO window as a replay uses it (``IPOWindowUniverse``), after a run
    /// that ranked `rankDay` under `rulebook`. A history that serves many replays works it out
    /// once per window and screens.
    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: Universe, rulebook: Rulebook) -> IPOWindowUniverse
}

extension MarketHistory {
    public func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: Universe, rulebook: Rulebook) -> IPOWindowUniverse {
        IPOWindowUniverse(universe: universe(onOrBefore: date, convention: rulebook.shareTypeConvention),
                          listedAtRankDay: rankDay, rulebook: rulebook)
    }
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
        public var company: Int32
        /// Its total cap (all its classes), NaN when unknown.
        public var totalMarketCap: Double
        /// Its eligible lines, in universe order: ticker id, company name id and the line's
        /// permanent identifier (``UniverseText/id(_:)``), kept by the member it becomes.
        public var lines: [(symbol: Int32, name: Int32, securityID: String)]

        public init(company: Int32, totalMarketCap: Double, lines: [(symbol: Int32, name: Int32, securityID: String)]) {
            self.company = company
            self.totalMarketCap = totalMarketCap
            self.lines = lines
        }
    }

    /// Whether each company id has a line at the window.
    public var isListed: [Bool]
    /// The companies of the rank day's universe with no line at the window, in key order.
    public var goneSinceRankDay: [Int32]
    /// The eligible new companies, in company-key order.
    public var listings: [Listing]
    /// Each company's cap at the window as the market adjustment sums it (classes summed, or the
    /// largest where the source reports company totals), in company-key order.
    public var companyCaps: [(company: Int32, cap: Double)]

    public init(isListed: [Bool], goneSinceRankDay: [Int32], listings: [Listing], companyCaps: [(company: Int32, cap: Double)]) {
        self.isListed = isListed
        self.goneSinceRankDay = goneSinceRankDay
        self.listings = listings
        self.companyCaps = companyCaps
    }

    /// From the whole universe at the window.
    public init(universe: Universe, listedAtRankDay rankDay: Universe, rulebook: Rulebook) {
        let (listed, companyCaps) = IPOWindowUniverse.companies(of: universe)
        let wasListed = IPOWindowUniverse.listed(rankDay)
        self.init(isListed: listed, goneSinceRankDay: IPOWindowUniverse.gone(wasListed: wasListed, isListed: listed, keys: universe.keys),
                  listings: IPOWindowUniverse.listings(of: universe.indices.filter { !wasListed[Int(universe.company[$0])] },
                                                       in: universe, rulebook: rulebook),
                  companyCaps: companyCaps)
    }

    /// The companies of a universe: whether each company id has a line, and the cap of each that
    /// has, in key order (classes summed, or the largest where the source reports company totals).
    public static func companies(of universe: Universe) -> (isListed: [Bool], caps: [(company: Int32, cap: Double)]) {
        let keys = universe.keys
        var caps = [Double](repeating: .nan, count: keys.companyCount)
        for line in universe.indices {
            let company = Int(universe.company[line]), cap = universe.marketCap[line].isNaN ? 0 : universe.marketCap[line]
            let sum = caps[company].isNaN ? 0 : caps[company]
            caps[company] = universe.capScope[line] == .company ? max(sum, cap) : sum + cap
        }
        let listed = caps.map { !$0.isNaN }
        return (listed, inKeyOrder(keys.companyCount, keys: keys) { listed[$0] }.map { (company: $0, cap: caps[Int($0)]) })
    }

    /// The companies listed at the rank day with no line at the window, in key order.
    public static func gone(wasListed: [Bool], isListed: [Bool], keys: UniverseKeys) -> [Int32] {
        inKeyOrder(keys.companyCount, keys: keys) { wasListed[$0] && !isListed[$0] }
    }

    /// Whether each company id has a line in `universe`.
    public static func listed(_ universe: Universe) -> [Bool] {
        var listed = [Bool](repeating: false, count: universe.keys.companyCount)
        for company in universe.company { listed[Int(company)] = true }
        return listed
    }

    /// The company ids `0 ..< count` that `include` picks, in key order.
    static func inKeyOrder(_ count: Int, keys: UniverseKeys, _ include: (Int) -> Bool) -> [Int32] {
        (0 ..< count).filter(include).map(Int32.init).sorted { keys.companyRank[Int($0)] < keys.companyRank[Int($1)] }
    }

    /// The eligible companies among new lines (`candidates` of `universe`), in company-key order.
    public static func listings(of candidates: [Int], in universe: Universe, rulebook: Rulebook) -> [Listing] {
        guard !candidates.isEmpty else { return [] }
        let screened = Reconstitution.run(universe: universe.subset(candidates), prior: PriorMembership(), rulebook: rulebook)
        var linesOf: [Int32: [Int]] = [:]
        for line in 0 ..< screened.lineCount where screened.exclusions[line] == nil {
            linesOf[screened.company[line], default: []].append(line)
        }
        let keys = universe.keys
        return linesOf.keys.sorted { keys.companyRank[Int($0)] < keys.companyRank[Int($1)] }.map { company in
            let lines = linesOf[company]!
            return Listing(company: company, totalMarketCap: screened.totalMarketCap[lines[0]],
                           lines: lines.map { (symbol: screened.universe.symbol[$0], name: screened.companyNameID($0),
                                                securityID: screened.universe.text.id($0)) })
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
    /// The line's ticker id and company id (of the replay's keys).
    public var symbol: Int32
    public var company: Int32
    public var tier: IndexTier
}

/// One reconstitution of a replay, with the events since the previous one.
public struct ReplayStep: Sendable {
    public var result: ReconstitutionResult
    /// The universe the reconstitution ranked.
    public var universe: Universe { result.universe }
    /// Between the previous reconstitution and this one, in date order.
    public var eventsBefore: [ReplayEvent]
    /// The membership this reconstitution started from (after those events).
    public var prior: PriorMembership { result.prior }

    /// Where a replay stood just before this step: a replay whose rules agree up to here can
    /// continue from it (``Replay/run(rulebooks:history:from:ipoWindows:progress:step:)``).
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

        public init(prior: PriorMembership = PriorMembership(), events: [ReplayEvent] = []) {
            self.prior = prior
            self.events = events
        }
    }

    /// - Parameters:
    ///   - rulebooks: the runs in order with their rules.
    ///   - ipoWindows: the IPO windows after a run (empty when the era has none).
    ///   - progress: called before each run.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, from state: State = State(),
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }
    ) -> [ReplayStep] {
        var steps: [ReplayStep] = []
        run(rulebooks: rulebooks, history: history, from: state, ipoWindows: ipoWindows, progress: progress) { steps.append($0) }
        return steps
    }

    /// The same steps, each handed to `step` as soon as it is made (before the events that lead to
    /// the next): a caller can measure and write one run while the next is reconstituted. With a
    /// step's ``ReplayStep/stateBefore``, the same steps as the replay that made it, from that
    /// step on, for the same rulebooks.
    public static func run(
        rulebooks: [Rulebook], history: MarketHistory, from state: State,
        ipoWindows: (Rulebook) -> [IPOWindow], progress: (Rulebook) -> Void = { _ in }, step: (ReplayStep) -> Void
    ) {
        var prior = state.prior
        var events = state.events
        for rulebook in rulebooks {
            progress(rulebook)
            let universe = history.universe(onOrBefore: rulebook.rankDay, convention: rulebook.shareTypeConvention)
            let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
            step(ReplayStep(result: result, eventsBefore: events))
            prior = membership(of: result)
            events = []
            guard rulebook.quarterlyIPOAdditions else { continue }
            let windows = ipoWindows(rulebook)
            guard !windows.isEmpty else { continue }
            let capsBefore = russell3000ECaps(of: result)
            var added = Set<Int32>()
            for window in windows {
                let now = history.ipoWindow(onOrBefore: window.rankDay, listedAtRankDay: universe, rulebook: rulebook)
                events += removeAbsentMembers(from: &prior, window: now, added: added, date: window.rankDay)
                events += addIPOs(to: &prior, window: now, alreadyAdded: &added, last: result,
                                  capsBefore: capsBefore, date: window.rankDay)
            }
        }
    }

    /// The Russell 3000 members of a result as the next prior (keyed by company).
    public static func membership(of result: ReconstitutionResult) -> PriorMembership {
        var prior = PriorMembership()
        let keys = result.universe.keys
        prior.reserveCapacity(result.rulebook.russell3000Count + result.rulebook.russell3000Count / 4,
                              companies: keys.companyCount, symbols: keys.symbolCount)
        let lines = result.lineCount
        for row in result.rowIndices where result.tier[row].isInRussell3000 {
            let symbol = row < lines ? result.universe.symbol[row] : result.prior.entries[Int(result.absentEntries[row - lines])].symbol
            prior.add(.init(symbol: symbol, company: result.company[row], name: result.companyNameID(row), tier: result.tier[row],
                            isMicrocap: result.isMicrocap[row], weight: result.weight[row].isNaN ? nil : result.weight[row],
                            securityID: result.securityID(row)))
        }
        return prior
    }

    /// Deletes members whose company no longer has a line in the universe.
    ///
    /// Between two reconstitutions the members' companies are those of the rank day's universe
    /// (the Russell 3000 is drawn from it) and the new listings added since: only the companies
    /// gone since the rank day, and the added ones no longer listed, need looking up.
    static func removeAbsentMembers(from prior: inout PriorMembership, window: IPOWindowUniverse, added: Set<Int32>,
                                    date: CalendarDate) -> [ReplayEvent] {
        var absent: [Int] = []
        for company in window.goneSinceRankDay { absent += prior.positions(company: company) }
        for company in added where !window.isListed[Int(company)] { absent += prior.positions(company: company) }
        guard !absent.isEmpty else { return [] }
        absent.sort()
        let events = absent.map { position in
            ReplayEvent(kind: .deletion, date: date, symbol: prior.entries[position].symbol,
                        company: prior.entries[position].company, tier: prior.entries[position].tier)
        }
        prior.remove(at: absent)
        return events
    }

    /// Adds eligible new listings whose total cap reaches the market-adjusted Russell 3000 cut.
    static func addIPOs(
        to prior: inout PriorMembership, window: IPOWindowUniverse, alreadyAdded: inout Set<Int32>,
        last: ReconstitutionResult, capsBefore: [Double], date: CalendarDate
    ) -> [ReplayEvent] {
        guard let cap1000 = last.breakpoints.cap1000, let cap3000 = last.breakpoints.cap3000 else { return [] }
        let factor = marketAdjustment(before: capsBefore, now: window)
        var events: [ReplayEvent] = []
        for listing in window.listings where !alreadyAdded.contains(listing.company) {
            let cap = listing.totalMarketCap
            guard cap >= cap3000 * factor else { continue }
            let tier: IndexTier = cap >= cap1000 * factor ? .r1000 : .r2000
            alreadyAdded.insert(listing.company)
            for line in listing.lines {
                prior.add(.init(symbol: line.symbol, company: listing.company, name: line.name, tier: tier, isMicrocap: false,
                                securityID: line.securityID))
                events.append(ReplayEvent(kind: .ipoAddition, date: date, symbol: line.symbol, company: listing.company, tier: tier))
            }
        }
        return events
    }

    /// The total cap of each Russell 3000E company of a result (the base of the market adjustment),
    /// by company id; NaN for the others.
    static func russell3000ECaps(of last: ReconstitutionResult) -> [Double] {
        var before = [Double](repeating: .nan, count: last.universe.keys.companyCount)
        for row in last.rowIndices where last.isRussell3000E[row] {
            before[Int(last.company[row])] = last.totalMarketCap[row]
        }
        return before
    }

    /// The Russell 3000E's total-cap change since the last rank day, over the companies present at both
    /// (the "market-adjusted" breaks of M7 §6.9), summed in the window's company order.
    static func marketAdjustment(before: [Double], now window: IPOWindowUniverse) -> Double {
        var sumBefore = 0.0, sumNow = 0.0
        for company in window.companyCaps where company.cap > 0 {
            let capBefore = before[Int(company.company)]
            guard !capBefore.isNaN else { continue }
            sumBefore += capBefore
            sumNow += company.cap
        }
        return sumBefore > 0 ? sumNow / sumBefore : 1
    }
}
