import Foundation
import ReconCore
import ReconData

/// A CRSP panel as the replays of one command use it: each cross-section, each IPO window's
/// companies and screened new listings, is made once and then shared by every replay (the
/// published rules and each variant), whichever thread asks.
final class PanelHistory: MarketHistory, @unchecked Sendable {
    // @unchecked Sendable: the panel is immutable, and the caches below are read and written only
    // while holding `lock`; what they hand out (universes, listings) is immutable.
    let panel: CRSPPanel
    private let lock = NSLock()
    private var sections: [Int: CRSPPanel.CrossSection] = [:]
    private var windows: [Int: WindowCompanies] = [:]
    private var listings: [ListingKey: Listings] = [:]
    private var returns: [ReturnsKey: [[Double?]]] = [:]

    init(panel: CRSPPanel) {
        self.panel = panel
    }

    var keys: UniverseKeys { panel.keys }

    func universe(onOrBefore date: CalendarDate) -> Universe {
        guard let month = panel.monthIndex(onOrBefore: date) else { return panel.universe(rows: []) }
        return section(month: month).universe
    }

    /// The cross-section of the month at `month` in ``CRSPPanel/months``.
    func section(month: Int) -> CRSPPanel.CrossSection {
        lock.lock()
        defer { lock.unlock() }
        if let known = sections[month] { return known }
        let section = panel.crossSection(month: month)
        sections[month] = section
        return section
    }

    /// The cross-section at the last month-end on or before `date`, `nil` before the panel.
    func section(onOrBefore date: CalendarDate) -> CRSPPanel.CrossSection? {
        panel.monthIndex(onOrBefore: date).map { section(month: $0) }
    }

    /// Makes the cross-sections of these months on every core (they are then shared).
    func prepare(months: Set<Int>) {
        lock.lock()
        let missing = months.subtracting(sections.keys).sorted()
        lock.unlock()
        let panel = self.panel
        let made = Parallel.map(missing.count) { panel.crossSection(month: missing[$0]) }
        lock.lock()
        for (month, section) in zip(missing, made) where sections[month] == nil { sections[month] = section }
        lock.unlock()
    }

    /// The drag windows' returns of every line of a month's cross-section (``CRSPPanel/windowReturns(row:after:through:)``),
    /// made once for all the variants whose steps rank that month with that effective date.
    func windowReturns(month: Int, after start: CalendarDate, through ends: [CalendarDate]) -> [[Double?]] {
        let key = ReturnsKey(month: month, start: start, ends: ends)
        let lines = section(month: month).rows
        lock.lock()
        defer { lock.unlock() }
        if let known = returns[key] { return known }
        let made = lines.map { panel.windowReturns(row: $0, after: start, through: ends) }
        returns[key] = made
        return made
    }

    private struct ReturnsKey: Hashable {
        let month: Int
        let start: CalendarDate
        let ends: [CalendarDate]
    }

    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: Universe, rulebook: Rulebook) -> IPOWindowUniverse {
        guard let month = panel.monthIndex(onOrBefore: date) else {
            let none = [Bool](repeating: false, count: keys.companyCount)
            return IPOWindowUniverse(isListed: none, goneSinceRankDay: IPOWindowUniverse.gone(wasListed: IPOWindowUniverse.listed(rankDay),
                                                                                              isListed: none, keys: keys),
                                     listings: [], companyCaps: [])
        }
        let key = ListingKey(month: month, rankMonth: panel.monthIndex(onOrBefore: rulebook.rankDay) ?? -1, rulebook: rulebook)
        // Made outside the lock (whoever stores first wins: both made the same).
        lock.lock()
        var companies = windows[month]
        var made = listings[key]
        lock.unlock()
        if companies == nil {
            companies = makeCompanies(month: month)
            lock.lock()
            if windows[month] == nil { windows[month] = companies } else { companies = windows[month] }
            lock.unlock()
        }
        guard let companies else { fatalError("unreachable") }
        if made == nil {
            made = makeListings(companies, wasListed: IPOWindowUniverse.listed(rankDay), rulebook: rulebook)
            lock.lock()
            if listings[key] == nil { listings[key] = made } else { made = listings[key] }
            lock.unlock()
        }
        guard let made else { fatalError("unreachable") }
        return IPOWindowUniverse(isListed: companies.isListed, goneSinceRankDay: made.gone, listings: made.listings,
                                 companyCaps: companies.caps)
    }

    /// Makes, on every core, what the IPO windows after these runs will ask for (then shared).
    func prepareIPOWindows(after rulebooks: [Rulebook], ipoWindows: (Rulebook) -> [Replay.IPOWindow]) {
        var tasks: [(month: Int, rankMonth: Int, rulebook: Rulebook)] = []
        for rulebook in rulebooks where rulebook.quarterlyIPOAdditions {
            guard let rankMonth = panel.monthIndex(onOrBefore: rulebook.rankDay) else { continue }
            for window in ipoWindows(rulebook) {
                if let month = panel.monthIndex(onOrBefore: window.rankDay) { tasks.append((month, rankMonth, rulebook)) }
            }
        }
        lock.lock()
        let months = Array(Set(tasks.map(\.month)).subtracting(windows.keys)).sorted()
        lock.unlock()
        let companies = Parallel.map(months.count) { self.makeCompanies(month: months[$0]) }
        lock.lock()
        for (month, made) in zip(months, companies) where windows[month] == nil { windows[month] = made }
        var seen = Set(listings.keys)
        let missing = tasks.filter { seen.insert(ListingKey(month: $0.month, rankMonth: $0.rankMonth, rulebook: $0.rulebook)).inserted }
        let inputs = missing.map { (companies: windows[$0.month]!, rankMonth: $0.rankMonth, rulebook: $0.rulebook) }
        lock.unlock()
        let made = Parallel.map(inputs.count) { index in
            let rankDay = self.section(month: inputs[index].rankMonth).universe
            return self.makeListings(inputs[index].companies, wasListed: IPOWindowUniverse.listed(rankDay), rulebook: inputs[index].rulebook)
        }
        lock.lock()
        for (task, listing) in zip(missing, made) {
            let key = ListingKey(month: task.month, rankMonth: task.rankMonth, rulebook: task.rulebook)
            if listings[key] == nil { listings[key] = listing }
        }
        lock.unlock()
    }

    /// The companies of a window's month, from its cross-section.
    private func makeCompanies(month: Int) -> WindowCompanies {
        lock.lock()
        let known = sections[month]
        lock.unlock()
        let universe = (known ?? panel.crossSection(month: month)).universe
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

    /// The band widths decide where companies are placed, never whether a line passes the
    /// screens, so replays that differ only in them share the listings.
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
