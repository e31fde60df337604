import ReconCore
import ReconIO

/// A panel's history with a company-facts file laid over every universe it hands out
/// (``FactsOverlay``), at the date asked for: the rank day of a run, or of an IPO window. The
/// replay (``Replay``) sees a ``MarketHistory`` like any other, so the facts reach the screens
/// and weights of every run and every IPO addition, and the panel's own history stays as it is
/// for the runs without facts.
///
/// Each date's overlay and each IPO window's listings are made once and shared by the replays
/// of one command (the published rules and every variant), behind one lock.
final class FactsHistory: MarketHistory, Sendable {
    let base: PanelHistory
    let facts: CompanyFacts
    private let caches = LockedBox(Caches())

    private struct Caches {
        var overlays: [OverlayKey: (universe: Universe, report: FactsOverlay.Report)] = [:]
        var windows: [WindowKey: IPOWindowUniverse] = [:]
    }

    init(base: PanelHistory, facts: CompanyFacts) {
        self.base = base
        self.facts = facts
    }

    var keys: UniverseKeys { base.keys }

    func universe(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> Universe {
        overlay(at: date, convention: convention).universe
    }

    /// What the overlay at `date` did (`summary.json` → `input.facts`).
    func report(at date: CalendarDate, convention: ShareTypeConvention) -> FactsOverlay.Report {
        overlay(at: date, convention: convention).report
    }

    /// A date's universe as one reading of the share codes makes it.
    private struct OverlayKey: Hashable {
        let date: CalendarDate
        let convention: ShareTypeConvention
    }

    /// The universe at `date` with the facts in force then.
    private func overlay(at date: CalendarDate, convention: ShareTypeConvention) -> (universe: Universe, report: FactsOverlay.Report) {
        let key = OverlayKey(date: date, convention: convention)
        if let known = caches.withLock({ $0.overlays[key] }) { return known }
        let made: (universe: Universe, report: FactsOverlay.Report)
        if let section = base.section(onOrBefore: date, convention: convention) {
            made = FactsOverlay.apply(facts, to: section.universe, keys: FactsLoading.lineKeys(of: section, panel: base.panel), at: date)
        } else {
            made = FactsOverlay.apply(facts, to: base.universe(onOrBefore: date, convention: convention), keys: .tickersOnly, at: date)
        }
        return caches.withLock { caches in
            if let stored = caches.overlays[key] { return stored }
            caches.overlays[key] = made
            return made
        }
    }

    /// The IPO window at `date` from its overlaid universe, its new listings screened as a
    /// reconstitution screens them (the facts' country, float and votes included).
    func ipoWindow(onOrBefore date: CalendarDate, listedAtRankDay rankDay: Universe, rulebook: Rulebook) -> IPOWindowUniverse {
        let key = WindowKey(date: date, rulebook: rulebook)
        if let known = caches.withLock({ $0.windows[key] }) { return known }
        let made = IPOWindowUniverse(universe: universe(onOrBefore: date, convention: rulebook.shareTypeConvention),
                                     listedAtRankDay: rankDay, rulebook: rulebook)
        return caches.withLock { caches in
            if let stored = caches.windows[key] { return stored }
            caches.windows[key] = made
            return made
        }
    }

    /// A window's date and the rules that screen it: the band widths place companies but never
    /// decide whether a line passes, so replays that differ only in them share the window (as in
    /// ``PanelHistory``). The rank day's universe is the overlay at the rulebook's rank day.
    private struct WindowKey: Hashable {
        let date: CalendarDate
        let screens: Rulebook

        init(date: CalendarDate, rulebook: Rulebook) {
            self.date = date
            var screens = rulebook
            screens.band1000 = nil
            screens.microcapBand = nil
            self.screens = screens
        }
    }
}
