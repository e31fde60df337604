import ReconCore
import ReconIO
import ReconCRSP

/// A CRSP panel as the replays of one command use it: each cross-section, each IPO window's
/// companies and screened new listings, and each drag window's returns, is made once and then
/// shared by every replay (the published rules and each variant), whichever thread asks.
///
/// What is shared is made outside the lock and stored by whoever finishes first: two threads
/// that ask at once both make the same value, and the one stored is handed to both afterwards.
final class PanelHistory: MarketHistory, Sendable {
    let panel: CRSPPanel
    private let caches = LockedBox(Caches())

    private struct Caches {
        var sections: [SectionKey: CRSPPanel.CrossSection] = [:]
        var windows: [SectionKey: WindowCompanies] = [:]
        var listings: [ListingKey: Listings] = [:]
        var returns: [ReturnsKey: [[Double?]]] = [:]
    }

    init(panel: CRSPPanel) {
        self.panel = panel
    }

    var keys: UniverseKeys { panel.keys }

    func universe(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> Universe {
        guard let month = panel.monthIndex(onOrBefore: date) else { return panel.universe(rows: [], convention: convention) }
        return section(month: month, convention: convention).universe
    }

    /// The value of `key` in one of the caches, made by `make` when absent (outside the lock).
    private func shared<Key: Hashable, Value>(_ cache: WritableKeyPath<Caches, [Key: Value]>, _ key: Key,
                                              make: () -> Value) -> Value {
        if let known = caches.withLock({ $0[keyPath: cache][key] }) { return known }
        let made = make()
        return caches.withLock { caches in
            if let stored = caches[keyPath: cache][key] { return stored }
            caches[keyPath: cache][key] = made
            return made
        }
    }

    /// A month's cross-section as one reading of the share codes makes it.
    private struct SectionKey: Hashable {
        let month: Int
        let convention: ShareTypeConvention
    }

    /// The cross-section of the month at `month` in ``CRSPPanel/months``.
    func section(month: Int, convention: ShareTypeConvention) -> CRSPPanel.CrossSection {
        shared(\.sections, SectionKey(month: month, convention: convention)) { panel.crossSection(month: month, convention: convention) }
    }

    /// The cross-section at the last month-end on or before `date`, `nil` before the panel.
    func section(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> CRSPPanel.CrossSection? {
        panel.monthIndex(onOrBefore: date).map { section(month: $0, convention: convention) }
    }

    /// Makes the cross-sections of these months on every core (they are then shared).
    func prepare(months: Set<Int>, convention: ShareTypeConvention) {
        let missing = caches.withLock { caches in
            months.filter { caches.sections[SectionKey(month: $0, convention: convention)] == nil }.sorted()
        }
        let panel = self.panel
        let made = Parallel.map(missing.count) { panel.crossSection(month: missing[$0], convention: convention) }
        caches.withLock { caches in
            for (month, section) in zip(missing, made) {
                let key = SectionKey(month: month, convention: convention)
                if caches.sections[key] == nil { caches.sections[key] = section }
            }
        }
    }

    /// The drag windows' returns of every line of a month's cross-section (``CRSPPanel/windowReturns(ofRows:after:through:)``),
    /// made once for all the variants whose steps rank that month with that effective date.
    func windowReturns(month: Int, after start: CalendarDate, through ends: [CalendarDate]) -> [[Double?]] {
        shared(\.returns, ReturnsKey(month: month, start: start, ends: ends)) {
            // A cross-section's rows are the same under either convention.
            panel.windowReturns(ofRows: panel.crossSectionRows(month: month), after: start, through: ends)
        }
    }

    private struct ReturnsKey: Hashable {
        let month: Int
        let start: CalendarDate
        let ends: [CalendarDate]
    }

    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: Universe, rulebook: Rulebook) -> IPOWindowUniverse {
        let convention = rulebook.shareTypeConvention
        guard let month = panel.monthIndex(onOrBefore: date) else {
            let none = [Bool](repeating: false, count: keys.companyCount)
            return IPOWindowUniverse(isListed: none, goneSinceRankDay: IPOWindowUniverse.gone(wasListed: IPOWindowUniverse.listed(rankDay),
                                                                                              isListed: none, keys: keys),
                                     listings: [], companyCaps: [])
        }
        let companies = shared(\.windows, SectionKey(month: month, convention: convention)) {
            makeCompanies(SectionKey(month: month, convention: convention))
        }
        let key = ListingKey(month: month, rankMonth: panel.monthIndex(onOrBefore: rulebook.rankDay) ?? -1, rulebook: rulebook)
        let made = shared(\.listings, key) {
            makeListings(companies, wasListed: IPOWindowUniverse.listed(rankDay), rulebook: rulebook)
        }
        return IPOWindowUniverse(isListed: companies.isListed, goneSinceRankDay: made.gone, listings: made.listings,
                                 companyCaps: companies.caps)
    }

    /// Makes, on every core, what the IPO windows after these runs will ask for (then shared).
    func prepareIPOWindows(after rulebooks: [Rulebook], ipoWindows: (Rulebook) -> [Replay.IPOWindow]) {
        var tasks: [(key: ListingKey, rulebook: Rulebook)] = []
        for rulebook in rulebooks where rulebook.quarterlyIPOAdditions {
            guard let rankMonth = panel.monthIndex(onOrBefore: rulebook.rankDay) else { continue }
            for window in ipoWindows(rulebook) {
                if let month = panel.monthIndex(onOrBefore: window.rankDay) {
                    tasks.append((ListingKey(month: month, rankMonth: rankMonth, rulebook: rulebook), rulebook))
                }
            }
        }
        let sections = caches.withLock { caches in
            Set(tasks.map { SectionKey(month: $0.key.month, convention: $0.rulebook.shareTypeConvention) })
                .filter { caches.windows[$0] == nil }.sorted { ($0.month, $0.convention.rawValue) < ($1.month, $1.convention.rawValue) }
        }
        let companies = Parallel.map(sections.count) { self.makeCompanies(sections[$0]) }
        let missing = caches.withLock { caches -> [(key: ListingKey, rulebook: Rulebook)] in
            for (section, made) in zip(sections, companies) where caches.windows[section] == nil { caches.windows[section] = made }
            var seen = Set(caches.listings.keys)
            return tasks.filter { seen.insert($0.key).inserted }
        }
        let made = Parallel.map(missing.count) { index in
            let (key, rulebook) = missing[index]
            let section = SectionKey(month: key.month, convention: rulebook.shareTypeConvention)
            let companies = self.shared(\.windows, section) { self.makeCompanies(section) }
            let rankDay = self.section(month: key.rankMonth, convention: rulebook.shareTypeConvention).universe
            return self.makeListings(companies, wasListed: IPOWindowUniverse.listed(rankDay), rulebook: rulebook)
        }
        caches.withLock { caches in
            for (task, listing) in zip(missing, made) where caches.listings[task.key] == nil { caches.listings[task.key] = listing }
        }
    }

    /// The companies of a window's month, from its cross-section.
    private func makeCompanies(_ key: SectionKey) -> WindowCompanies {
        let universe = (caches.withLock { $0.sections[key] } ?? panel.crossSection(month: key.month, convention: key.convention)).universe
        let (listed, caps) = IPOWindowUniverse.companies(of: universe)
        return WindowCompanies(universe: universe, isListed: listed, caps: caps)
    }

    /// A window's new listings after a rank day.
    private func makeListings(_ companies: WindowCompanies, wasListed: [Bool], rulebook: Rulebook) -> Listings {
        let universe = companies.universe
        return Listings(
            gone: IPOWindowUniverse.gone(wasListed: wasListed, isListed: companies.isListed, keys: keys),
            listings: IPOWindowUniverse.listings(of: universe.indices.filter { !wasListed[Int(universe.company[$0])] },
                                                 in: universe, rulebook: rulebook))
    }

    /// What a window holds after a given rank day.
    private struct Listings: Sendable {
        let gone: [Int32]
        let listings: [IPOWindowUniverse.Listing]
    }

    /// A month's universe, which companies it lists, and their caps in key order.
    private struct WindowCompanies: Sendable {
        let universe: Universe
        let isListed: [Bool]
        let caps: [(company: Int32, cap: Double)]
    }

    /// The listings of a window after a rank day under a rulebook's screens. The band widths
    /// decide where companies are placed, never whether a line passes the screens, so replays
    /// that differ only in them share the listings.
    private struct ListingKey: Hashable {
        let month: Int
        /// The month of the rank day whose universe the window's new companies are new to.
        let rankMonth: Int
        let screens: Rulebook

        init(month: Int, rankMonth: Int, rulebook: Rulebook) {
            self.month = month
            self.rankMonth = rankMonth
            var screens = rulebook
            screens.band1000 = nil
            screens.microcapBand = nil
            self.screens = screens
        }
    }
}
