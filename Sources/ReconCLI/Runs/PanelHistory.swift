import Foundation
import ReconCore
import ReconData

/// A CRSP panel as the replays of one command use it: each cross-section, each IPO window's
/// companies and screened new listings, is made once and then shared by every replay (the
/// published rules and each variant), whichever thread asks. An IPO window needs no securities
/// but those of its new companies.
final class PanelHistory: MarketHistory, @unchecked Sendable {
    // @unchecked Sendable: the panel is immutable, and the caches below are read and written only
    // while holding `lock`; what they hand out (snapshots, listings) is immutable.
    let panel: CRSPPanel
    private let lock = NSLock()
    private var sections: [Int: Section] = [:]
    private var windows: [Int: WindowCompanies] = [:]
    private var listings: [ListingKey: Listings] = [:]
    private var returns: [ReturnsKey: [[Double?]]] = [:]
    private let empty = UniverseSnapshot([])

    /// A cross-section with its panel rows and its snapshot.
    struct Section: Sendable {
        let crossSection: CRSPPanel.CrossSection
        let snapshot: UniverseSnapshot
    }

    init(panel: CRSPPanel) {
        self.panel = panel
    }

    func universe(onOrBefore date: CalendarDate) -> [Security] {
        universeSnapshot(onOrBefore: date).securities
    }

    func universeSnapshot(onOrBefore date: CalendarDate) -> UniverseSnapshot {
        guard let month = panel.monthIndex(onOrBefore: date) else { return empty }
        return section(month: month).snapshot
    }

    /// The cross-section of the month at `month` in ``CRSPPanel/months``.
    func section(month: Int) -> Section {
        lock.lock()
        defer { lock.unlock() }
        if let known = sections[month] { return known }
        let crossSection = panel.crossSection(month: month)
        let section = Section(crossSection: crossSection, snapshot: UniverseSnapshot(crossSection.securities))
        sections[month] = section
        return section
    }

    /// The cross-section at the last month-end on or before `date`, `nil` before the panel.
    func section(onOrBefore date: CalendarDate) -> Section? {
        panel.monthIndex(onOrBefore: date).map { section(month: $0) }
    }

    /// Makes the cross-sections of these months on every core (they are then shared).
    func prepare(months: Set<Int>) {
        lock.lock()
        let missing = months.subtracting(sections.keys).sorted()
        lock.unlock()
        let panel = self.panel
        let made = Parallel.map(missing.count) { index in
            let crossSection = panel.crossSection(month: missing[index])
            return Section(crossSection: crossSection, snapshot: UniverseSnapshot(crossSection.securities))
        }
        lock.lock()
        for (month, section) in zip(missing, made) where sections[month] == nil { sections[month] = section }
        lock.unlock()
    }

    /// The drag windows' returns of every line of a month's cross-section (``CRSPPanel/windowReturns(row:after:through:)``),
    /// made once for all the variants whose steps rank that month with that effective date.
    func windowReturns(month: Int, after start: CalendarDate, through ends: [CalendarDate]) -> [[Double?]] {
        let key = ReturnsKey(month: month, start: start, ends: ends)
        let lines = section(month: month).crossSection.rows
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

    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: UniverseSnapshot, rulebook: Rulebook) -> IPOWindowUniverse {
        guard let month = panel.monthIndex(onOrBefore: date) else {
            return IPOWindowUniverse(companyKeys: [], goneSinceRankDay: rankDay.companyKeys.sorted(), listings: [], companyCaps: [],
                                     rankDayCompanyNumbers: [])
        }
        let key = ListingKey(month: month, rankDay: rankDay, rulebook: rulebook)
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
            made = makeListings(companies, rankDay: rankDay, rulebook: rulebook)
            lock.lock()
            if listings[key] == nil { listings[key] = made } else { made = listings[key] }
            lock.unlock()
        }
        guard let made else { fatalError("unreachable") }
        return IPOWindowUniverse(companyKeys: companies.keys, goneSinceRankDay: made.gone, listings: made.listings,
                                 companyCaps: companies.caps, rankDayCompanyNumbers: made.rankDayNumbers)
    }

    /// Makes, on every core, what the IPO windows after these runs will ask for (then shared).
    func prepareIPOWindows(after rulebooks: [Rulebook], ipoWindows: (Rulebook) -> [Replay.IPOWindow]) {
        var tasks: [(month: Int, rankDay: UniverseSnapshot, rulebook: Rulebook)] = []
        for rulebook in rulebooks where rulebook.quarterlyIPOAdditions {
            guard let rankMonth = panel.monthIndex(onOrBefore: rulebook.rankDay) else { continue }
            let rankDay = section(month: rankMonth).snapshot
            for window in ipoWindows(rulebook) {
                if let month = panel.monthIndex(onOrBefore: window.rankDay) { tasks.append((month, rankDay, rulebook)) }
            }
        }
        lock.lock()
        let months = Array(Set(tasks.map(\.month)).subtracting(windows.keys)).sorted()
        lock.unlock()
        let companies = Parallel.map(months.count) { self.makeCompanies(month: months[$0]) }
        lock.lock()
        for (month, made) in zip(months, companies) where windows[month] == nil { windows[month] = made }
        var seen = Set(listings.keys)
        let missing = tasks.filter { seen.insert(ListingKey(month: $0.month, rankDay: $0.rankDay, rulebook: $0.rulebook)).inserted }
        let inputs = missing.map { (companies: windows[$0.month]!, rankDay: $0.rankDay, rulebook: $0.rulebook) }
        lock.unlock()
        let made = Parallel.map(inputs.count) { self.makeListings(inputs[$0].companies, rankDay: inputs[$0].rankDay, rulebook: inputs[$0].rulebook) }
        lock.lock()
        for (task, listing) in zip(missing, made) {
            let key = ListingKey(month: task.month, rankDay: task.rankDay, rulebook: task.rulebook)
            if listings[key] == nil { listings[key] = listing }
        }
        lock.unlock()
    }

    /// The companies of a window's month, from its rows.
    private func makeCompanies(month: Int) -> WindowCompanies {
        lock.lock()
        let known = sections[month]?.crossSection.rows
        lock.unlock()
        let lines = known ?? panel.crossSectionRows(month: month)
        let (keys, caps, lineKeys) = panel.companies(ofCrossSection: lines)
        return WindowCompanies(lines: lines, lineKeys: lineKeys, keys: keys, caps: caps)
    }

    /// A window's new listings after a rank day: securities are made only for the lines of
    /// companies new since then.
    private func makeListings(_ companies: WindowCompanies, rankDay: UniverseSnapshot, rulebook: Rulebook) -> Listings {
        let newLines = companies.lines.indices.filter { !rankDay.companyKeys.contains(companies.lineKeys[$0]) }
        return Listings(
            gone: rankDay.companyKeys.subtracting(companies.keys).sorted(),
            listings: IPOWindowUniverse.listings(of: panel.securities(rows: newLines.map { companies.lines[$0] }), rulebook: rulebook),
            rankDayNumbers: rankDay.companyNumbers(of: companies.caps.map(\.companyKey)))
    }

    /// What a window holds after a given rank day.
    private struct Listings: Sendable {
        let gone: [String]
        let listings: [IPOWindowUniverse.Listing]
        /// The rank day's number of each of the window's companies (``IPOWindowUniverse/rankDayCompanyNumbers``).
        let rankDayNumbers: [Int32]
    }

    /// A month's lines, their company keys, and its companies with their caps in key order.
    private struct WindowCompanies: Sendable {
        let lines: [Int32]
        let lineKeys: [String]
        let keys: Set<String>
        let caps: [(companyKey: String, cap: Double)]
    }

    /// Snapshots are kept for the life of the history, so their identities name them. The band
    /// widths decide where companies are placed, never whether a line passes the screens, so
    /// replays that differ only in them share the listings.
    private struct ListingKey: Hashable {
        let month: Int
        let rankDay: ObjectIdentifier
        let screens: Rulebook

        init(month: Int, rankDay: UniverseSnapshot, rulebook: Rulebook) {
            self.month = month
            self.rankDay = ObjectIdentifier(rankDay)
            var screens = rulebook
            screens.band1000 = nil
            screens.microcapBand = nil
            self.screens = screens
        }
    }
}
