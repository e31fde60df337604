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
            return IPOWindowUniverse(companyKeys: [], goneSinceRankDay: rankDay.companyKeys.sorted(), listings: [], companyCaps: [])
        }
        // The band widths decide where companies are placed, never whether a line passes the
        // screens, so replays that differ only in them share the listings.
        var screens = rulebook
        screens.band1000 = nil
        screens.microcapBand = nil
        let key = ListingKey(month: month, rankDay: ObjectIdentifier(rankDay), screens: screens)
        lock.lock()
        defer { lock.unlock() }
        let companies = windowCompanies(month: month)
        if let known = listings[key] {
            return IPOWindowUniverse(companyKeys: companies.keys, goneSinceRankDay: known.gone, listings: known.listings,
                                     companyCaps: companies.caps)
        }
        // Securities are made only for the lines of companies new since the rank day.
        let newLines = companies.lines.indices.filter { !rankDay.companyKeys.contains(companies.lineKeys[$0]) }
        let made = Listings(
            gone: rankDay.companyKeys.subtracting(companies.keys).sorted(),
            listings: IPOWindowUniverse.listings(of: panel.securities(rows: newLines.map { companies.lines[$0] }), rulebook: rulebook))
        listings[key] = made
        return IPOWindowUniverse(companyKeys: companies.keys, goneSinceRankDay: made.gone, listings: made.listings,
                                 companyCaps: companies.caps)
    }

    /// What a window holds after a given rank day.
    private struct Listings {
        let gone: [String]
        let listings: [IPOWindowUniverse.Listing]
    }

    /// The companies of a window's month (call with `lock` held).
    private func windowCompanies(month: Int) -> WindowCompanies {
        if let known = windows[month] { return known }
        let lines = sections[month]?.crossSection.rows ?? panel.crossSectionRows(month: month)
        let (keys, caps, lineKeys) = panel.companies(ofCrossSection: lines)
        let made = WindowCompanies(lines: lines, lineKeys: lineKeys, keys: keys, caps: caps)
        windows[month] = made
        return made
    }

    /// A month's lines, their company keys, and its companies with their caps in key order.
    private struct WindowCompanies {
        let lines: [Int32]
        let lineKeys: [String]
        let keys: Set<String>
        let caps: [(companyKey: String, cap: Double)]
    }

    /// Snapshots are kept for the life of the history, so their identities name them.
    private struct ListingKey: Hashable {
        let month: Int
        let rankDay: ObjectIdentifier
        let screens: Rulebook
    }
}
