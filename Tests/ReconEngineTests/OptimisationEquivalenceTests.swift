import Foundation
import XCTest
@testable import ReconCore
@testable import ReconEngine
@testable import ReconCRSP
@testable import ReconFormats
@testable import ReconSynthetic

/// The integer-keyed, cached replay gives exactly what straightforward code gives, on a small
/// generated panel: the cached history (cross-sections and IPO windows made once) against the
/// panel's own universes, and against the replay loop as first written, over `Security` values
/// and company keys as text (``ReferenceReplay``); a replay resumed from another's step; the run
/// measures (drag by one pass over each security's rows, portfolios sorted once, turnover and
/// counts by company id) against the textbook computations; and a variant replayed inside a sweep
/// against the same variant alone. (Loading is compared in `CRSPLoadEquivalenceTests`, number
/// formatting in `FormatNumberEquivalenceTests`.)
final class OptimisationEquivalenceTests: XCTestCase {
    /// A panel small enough for a debug build, with the Russell counts scaled down to it so that
    /// the Russell 2000, the bands (from 2007) and the IPO windows (from Q3 2004) all matter.
    /// Made once for every test; a failure to make it fails each test with its error.
    private static let fixture = Result { try Fixture() }

    private struct Fixture {
        let folder: String
        let path: String
        let panel: CRSPPanel
        let table: RulebookTable
        let rulebooks: [Rulebook]

        init() throws {
            folder = try TestPaths.temporaryFolder()
            path = folder + "/panel.csv"
            _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 2002, lastYear: 2008, firms: 3_000, seed: 5))
            panel = try CRSPPanel.load(path: path)
            let table = try RulebookLoader.load()
            self.table = table
            rulebooks = try table.runs(from: 2003, to: 2008).map { run in
                var rulebook = try table.rulebook(for: run)
                rulebook.russell1000Count = 120
                rulebook.microcapStartRank = 240
                rulebook.russell3000Count = 360
                rulebook.russell3000ECount = 420
                return rulebook
            }
        }
    }

    private func fixture() throws -> Fixture { try Self.fixture.get() }

    private func ipoWindows(_ table: RulebookTable) -> (Rulebook) -> [Replay.IPOWindow] {
        { rulebook in table.quarterlyIPODates(after: rulebook.run).map { (rankDay: $0.rankDay, effectiveDate: $0.effectiveDate) } }
    }

    /// Equal arrays, or a failure naming the first element that differs (not the whole arrays).
    private func assertSame<T: Equatable>(_ a: [T], _ b: [T], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard a != b else { return }
        if a.count != b.count { return XCTFail("\(what): \(a.count) vs \(b.count) elements", file: file, line: line) }
        let index = a.indices.first { a[$0] != b[$0] }!
        XCTFail("\(what): element \(index) differs:\n\(a[index])\n\(b[index])", file: file, line: line)
    }

    private func assertSameSteps(_ a: [ReplayStep], _ b: [ReplayStep], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) {
            let run = x.result.rulebook.run
            assertSame(x.universe.company, y.universe.company, "\(run) universe companies", file: file, line: line)
            assertSame(x.universe.marketCap.map(\.bitPattern), y.universe.marketCap.map(\.bitPattern), "\(run) caps", file: file, line: line)
            assertSame(x.result.rows, y.result.rows, "\(run) rows", file: file, line: line)
            assertSame(x.result.companies.lines, y.result.companies.lines, "\(run) companies", file: file, line: line)
            XCTAssertEqual(x.result.breakpoints, y.result.breakpoints, "\(run) breakpoints", file: file, line: line)
            assertSame(x.result.exclusions, y.result.exclusions, "\(run) exclusions", file: file, line: line)
            assertSame(x.eventsBefore, y.eventsBefore, "\(run) events", file: file, line: line)
            assertSame(x.prior.entries, y.prior.entries, "\(run) prior", file: file, line: line)
        }
    }

    // MARK: - The replay engine

    func testCachedHistoryReplaysAsAFreshOne() throws {
        let fixture = try fixture()
        let plain = Replay.run(rulebooks: fixture.rulebooks, history: fixture.panel, ipoWindows: ipoWindows(fixture.table))
        let cached = Replay.run(rulebooks: fixture.rulebooks, history: PanelHistory(panel: fixture.panel),
                                ipoWindows: ipoWindows(fixture.table))
        assertSameSteps(cached, plain)
        let reference = ReferenceReplay.run(rulebooks: fixture.rulebooks, panel: fixture.panel, ipoWindows: ipoWindows(fixture.table))
        XCTAssertEqual(reference.count, cached.count)
        let keys = fixture.panel.keys
        for (expected, step) in zip(reference, cached) {
            let run = step.result.rulebook.run
            assertSame(step.result.rows, expected.result.rows, "\(run) rows")
            XCTAssertEqual(step.result.breakpoints, expected.result.breakpoints, "\(run) breakpoints")
            assertSame(step.eventsBefore.map { ReferenceReplay.Event($0, keys: keys) }, expected.eventsBefore, "\(run) events")
            assertSame(step.prior.entries.map { ReferenceReplay.entry($0, keys: keys) }, expected.prior.entries, "\(run) prior")
        }
        // The fixture is worth testing on: a Russell 2000, banded moves and IPO events.
        XCTAssertTrue(plain.contains { $0.result.rows.contains { $0.index == .r2000 } })
        XCTAssertTrue(plain.contains { $0.result.rows.contains { $0.reason == "band_retained" } }, "the bands retain someone")
        XCTAssertTrue(plain.contains { $0.eventsBefore.contains { $0.kind == .ipoAddition } }, "IPOs are added")
        XCTAssertTrue(plain.contains { $0.eventsBefore.contains { $0.kind == .deletion } }, "members leave between runs")
    }

    func testReplayResumedFromAStepMatchesTheWholeReplay() throws {
        let fixture = try fixture()
        let history = PanelHistory(panel: fixture.panel)
        let whole = Replay.run(rulebooks: fixture.rulebooks, history: history, ipoWindows: ipoWindows(fixture.table))
        for start in [1, 3] {
            let resumed = Replay.run(rulebooks: Array(fixture.rulebooks[start...]), history: PanelHistory(panel: fixture.panel),
                                     from: whole[start].stateBefore, ipoWindows: ipoWindows(fixture.table))
            assertSameSteps(resumed, Array(whole[start...]))
        }
    }

    // MARK: - The run measures

    func testRunMeasuresMatchTheTextbookComputations() throws {
        let fixture = try fixture()
        let history = PanelHistory(panel: fixture.panel)
        let steps = Replay.run(rulebooks: fixture.rulebooks, history: history, ipoWindows: ipoWindows(fixture.table))
        var drags = 0
        let keys = fixture.panel.keys
        for (index, step) in steps.enumerated() {
            let run = step.result.rulebook.run.description
            let listedBefore = index > 0 ? Set(steps[index - 1].universe.company.map { keys.companyKeys[Int($0)] }) : nil
            let isNewListing = { (row: MembershipRow) in listedBefore.map { !$0.contains(row.companyKey) } ?? false }
            let rows = step.result.rows
            let analysis = RunAnalysis(result: step.result) { isNewListing(rows[$0]) }

            // Turnover with string keys, as Turnover(old:new:) takes them.
            for tier in [IndexTier.r1000, .r2000] {
                var old: [String: Double] = [:], new: [String: Double] = [:]
                for (position, row) in rows.enumerated() {
                    let key = "\(row.companyKey)|\(row.symbol)|\(position)"
                    if row.priorIndex == tier { old[key] = row.totalMarketCap ?? 0 }
                    if row.index == tier { new[key] = row.totalMarketCap ?? 0 }
                }
                // No prior member, nothing turned over: no turnover rather than 0 names and half the weight.
                XCTAssertEqual(analysis.turnover[tier], old.isEmpty ? nil : Turnover(old: old, new: new), "\(run) \(tier) turnover")
            }
            // Migration: every row classified, the largest lines by a full sort.
            let classes = rows.map { MigrationClass(row: $0, isNewListing: isNewListing($0)) }
            XCTAssertEqual(analysis.migration.classes, classes, "\(run) classes")
            for entry in analysis.migration.entries {
                let members = rows.indices.filter { classes[$0] == entry.migrationClass }
                var candidates: [(symbol: String, cap: Double)] = []
                for position in members {
                    if let cap = rows[position].totalMarketCap { candidates.append((rows[position].symbol, cap)) }
                }
                candidates.sort { (a: (symbol: String, cap: Double), b: (symbol: String, cap: Double)) -> Bool in
                    a.cap != b.cap ? a.cap > b.cap : a.symbol < b.symbol
                }
                let largest = Array(candidates.prefix(MigrationSummary.largestShown))
                XCTAssertEqual(entry.largest.map { $0.symbol }, largest.map { $0.symbol }, "\(run) \(entry.migrationClass) largest")
                XCTAssertEqual(entry.largest.map { $0.cap }, largest.map { $0.cap }, "\(run) \(entry.migrationClass) largest caps")
                XCTAssertEqual(entry.companies, Set(members.map { rows[$0].companyKey }).count)
            }
            // Summary counts with sets of company keys.
            let summary = RunSummary(result: step.result, input: .init(universe: "u", format: "crsp", priors: [], synthetic: true,
                                                                        rowsRead: 0, rowsDropped: [:]))
            func count(_ include: (MembershipRow) -> Bool) -> RunSummary.Count {
                let lines = rows.filter(include)
                return RunSummary.Count(companies: Set(lines.map(\.companyKey)).count, securities: lines.count)
            }
            XCTAssertEqual(summary.counts["R1000"], count { $0.index == .r1000 }, run)
            XCTAssertEqual(summary.counts["R2000"], count { $0.index == .r2000 }, run)
            XCTAssertEqual(summary.counts["R3000"], count { $0.index == .r1000 || $0.index == .r2000 }, run)
            XCTAssertEqual(summary.counts["R3000E"], count { $0.isRussell3000E }, run)
            XCTAssertEqual(summary.counts["Microcap"], count { $0.isMicrocap }, run)
            XCTAssertEqual(summary.priorCounts["R1000"]?.companies, count { $0.priorIndex == .r1000 }.companies, run)
            XCTAssertEqual(summary.priorCounts["R2000"]?.companies, count { $0.priorIndex == .r2000 }.companies, run)
            for change in MembershipChange.allCases where change != .none {
                XCTAssertEqual(summary.changes[change.rawValue], step.result.companyCount(changed: change), "\(run) \(change)")
            }

            // Drag: each window's holdings built, sorted by their key strings and summed as Drag
            // was written before, with returns from every row of the security in the window.
            let windows = HistoryReplay.dragWindows(step: step, analysis: analysis, history: history)
            let lineRows = try XCTUnwrap(history.section(onOrBefore: step.result.rulebook.rankDay, convention: step.result.rulebook.shareTypeConvention)).rows
            for window in windows {
                let start = step.result.rulebook.effectiveDate, end = start.adding(months: window.months!).endOfMonth
                let windowReturn = { (row: MembershipRow) -> Double? in
                    guard let line = row.universeIndex else { return nil }
                    return self.scannedReturn(fixture.panel, permno: fixture.panel.row(Int(lineRows[line])).permno, after: start, through: end)
                }
                for weighting in DragAnalysis.Weighting.allCases {
                    let holdings = ReferenceDrag.holdings(rows: rows, classes: analysis.migration.classes, weighting: weighting,
                                                          windowReturn: windowReturn)
                    let expected = ReferenceDrag(holdings: holdings)
                    let drag = try XCTUnwrap(window.byWeighting[weighting])
                    XCTAssertEqual(drag.gap.bitPattern, expected.gap.bitPattern, "\(run) \(window.label) \(weighting) gap")
                    XCTAssertEqual(drag.frozenReturn.bitPattern, expected.frozenReturn.bitPattern)
                    XCTAssertEqual(drag.reconstitutedReturn.bitPattern, expected.reconstitutedReturn.bitPattern)
                    XCTAssertEqual(drag.components.map(\.name), expected.components.map(\.name))
                    XCTAssertEqual(drag.components.map(\.value.bitPattern), expected.components.map(\.value.bitPattern))
                    XCTAssertEqual([drag.leftOut, drag.frozenCount, drag.reconstitutedCount],
                                   [expected.leftOut, expected.frozenCount, expected.reconstitutedCount])
                    XCTAssertEqual(drag.leftOutFrozenWeight.bitPattern, expected.leftOutFrozenWeight.bitPattern)
                    drags += 1
                }
            }
        }
        XCTAssertGreaterThan(drags, 8, "drag windows were compared")
    }

    /// The buy-and-hold return over the months after `start` through `end`, from all of the
    /// security's rows filtered by date, as the panel computed it before.
    private func scannedReturn(_ panel: CRSPPanel, permno: Int, after start: CalendarDate, through end: CalendarDate) -> Double? {
        let low = start.year * 12 + start.month - 1, high = end.year * 12 + end.month - 1
        let rows = panel.rows(permno: permno).map(panel.row).filter {
            let key = $0.date.year * 12 + $0.date.month - 1
            return key > low && key <= high
        }
        guard !rows.isEmpty else { return nil }
        var growth = 1.0
        for row in rows {
            let value: Double?
            switch (row.return, row.delistingReturn) {
            case let (r?, d?): value = (1 + Double(Float(r))) * (1 + Double(Float(d))) - 1
            case let (r?, nil): value = Double(Float(r))
            case let (nil, d?): value = Double(Float(d))
            case (nil, nil): value = nil
            }
            if let value { growth *= 1 + value }
        }
        return growth - 1
    }

    // MARK: - A variant alone and inside a sweep

    /// A sweep measures only what variants.csv shows (``HistoryReplay/Measures/headline``): those
    /// figures must be the ones the full measures give.
    func testHeadlineMeasuresGiveTheFiguresOfTheFullMeasures() throws {
        // The published Russell counts need a market of more than 1,000 companies.
        let folder = try TestPaths.temporaryFolder(), path = folder + "/panel.csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 2005, lastYear: 2009, firms: 12_000, seed: 9))
        let table = try RulebookLoader.load()
        let history = PanelHistory(panel: try CRSPPanel.load(path: path))
        let published = try HistoryReplay(history: history, panelPath: path, synthetic: false, table: table,
                                          from: 2006, through: RunID(year: 2009), variant: nil) { _ in }
        let variant = try RuleVariant(parsing: "band=0.05")
        func figures(_ measures: HistoryReplay.Measures) throws -> [String] {
            try HistoryReplay(history: history, panelPath: path, synthetic: false, table: table, from: 2006,
                              through: RunID(year: 2009), variant: variant, base: published, measures: measures) { _ in }
                .runs.map { "\(VariantTable.Figures($0))" }
        }
        let full = try figures(.all), headline = try figures(.headline)
        XCTAssertEqual(full.count, 4)
        XCTAssertTrue(full.contains { $0.contains("dragCap: Optional(") }, "the fixture has drag figures to compare: \(full)")
        assertSame(headline, full, "variant figures")
    }

    func testAVariantInsideASweepIsTheVariantAlone() throws {
        let fixture = try fixture()
        let out = fixture.folder + "/sweep"
        let variants = try ["band=0", "band=0.05", "frequency=semiannual", "rank_shift=-1"].map(RuleVariant.init(parsing:))
        func replay(_ variants: [RuleVariant], into out: String) throws {
            try ReplayRun.run(ReplayRun.Request(from: 2003, to: 2008, market: .panel(fixture.path), variants: variants, out: out,
                                                writesRuns: false, table: fixture.table), console: Console.recording().0)
        }
        try replay(variants, into: out)
        let sweepLines = try String(contentsOfFile: out + "/variants.csv", encoding: .utf8).split(separator: "\n")
        let published = try String(contentsOfFile: out + "/history.csv", encoding: .utf8)
        for variant in variants {
            let alone = fixture.folder + "/alone-\(variant.name)"
            try replay([variant], into: alone)
            let lines = try String(contentsOfFile: alone + "/variants.csv", encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(sweepLines.filter { $0.hasPrefix(variant.name + ",") }, lines.filter { $0.hasPrefix(variant.name + ",") },
                           variant.name)
            XCTAssertEqual(sweepLines.filter { $0.hasPrefix("published,") }, lines.filter { $0.hasPrefix("published,") })
            XCTAssertEqual(try String(contentsOfFile: alone + "/history.csv", encoding: .utf8), published)
        }
    }
}

/// ``Replay`` as it was first written, the reference for the integer-keyed and cached version:
/// every universe built afresh as `Security` values, company keys and tickers as text, every
/// member looked up at every IPO window, new listings screened per replay, the prior membership
/// as lines with text keys (``PriorLines``). Returns each step's result, events and prior.
private enum ReferenceReplay {
    struct Step {
        var result: ReconstitutionResult
        var eventsBefore: [Event]
        var prior: PriorLines
    }

    /// An event with its ticker and company key as text.
    struct Event: Equatable, CustomStringConvertible {
        var kind: ReplayEvent.Kind
        var date: CalendarDate
        var symbol: String
        var companyKey: String
        var tier: IndexTier

        init(kind: ReplayEvent.Kind, date: CalendarDate, symbol: String, companyKey: String, tier: IndexTier) {
            (self.kind, self.date, self.symbol, self.companyKey, self.tier) = (kind, date, Ticker.normalize(symbol), companyKey, tier)
        }

        init(_ event: ReplayEvent, keys: UniverseKeys) {
            self.init(kind: event.kind, date: event.date, symbol: keys.symbols[Int(event.symbol)],
                      companyKey: keys.companyKeys[Int(event.company)], tier: event.tier)
        }

        var description: String { "\(kind) \(date) \(symbol) \(companyKey) \(tier)" }
    }

    /// A prior entry of the engine with its ticker and company key as text.
    static func entry(_ entry: PriorMembership.Entry, keys: UniverseKeys) -> PriorLines.Entry {
        PriorLines.Entry(symbol: keys.symbols[Int(entry.symbol)], name: keys.names[Int(entry.name)], tier: entry.tier,
                         companyKey: keys.companyKeys[Int(entry.company)], isMicrocap: entry.isMicrocap, weight: entry.weight)
    }

    static func run(rulebooks: [Rulebook], panel: CRSPPanel, ipoWindows: (Rulebook) -> [Replay.IPOWindow]) -> [Step] {
        var steps: [Step] = []
        var prior = PriorLines()
        var events: [Event] = []
        for rulebook in rulebooks {
            let universe = panel.snapshot(onOrBefore: rulebook.rankDay, convention: rulebook.shareTypeConvention)
            let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
            steps.append(Step(result: result, eventsBefore: events, prior: prior))
            prior = membership(of: result, universe: universe)
            events = []
            guard rulebook.quarterlyIPOAdditions else { continue }
            let listedAtRankDay = Set(universe.map(\.companyKey))
            var added = Set<String>()
            for window in ipoWindows(rulebook) {
                let now = panel.snapshot(onOrBefore: window.rankDay, convention: rulebook.shareTypeConvention)
                events += removeAbsentMembers(from: &prior, universe: now, date: window.rankDay)
                events += addIPOs(to: &prior, universe: now, listedAtRankDay: listedAtRankDay, alreadyAdded: &added,
                                  last: result, rulebook: rulebook, date: window.rankDay)
            }
        }
        return steps
    }

    static func membership(of result: ReconstitutionResult, universe: [Security]) -> PriorLines {
        var prior = PriorLines()
        for row in result.rows where row.index.isInRussell3000 {
            prior.add(.init(symbol: row.universeIndex.map { universe[$0].symbol } ?? row.symbol, name: row.company, tier: row.index,
                            companyKey: row.companyKey, isMicrocap: row.isMicrocap, weight: row.weight))
        }
        return prior
    }

    static func removeAbsentMembers(from prior: inout PriorLines, universe: [Security], date: CalendarDate) -> [Event] {
        let present = Set(universe.map(\.companyKey))
        var kept = PriorLines()
        var events: [Event] = []
        for entry in prior.entries {
            if let key = entry.companyKey, !present.contains(key) {
                events.append(Event(kind: .deletion, date: date, symbol: entry.symbol, companyKey: key, tier: entry.tier))
            } else {
                kept.add(entry)
            }
        }
        prior = kept
        return events
    }

    static func addIPOs(to prior: inout PriorLines, universe: [Security], listedAtRankDay: Set<String>,
                        alreadyAdded: inout Set<String>, last: ReconstitutionResult, rulebook: Rulebook,
                        date: CalendarDate) -> [Event] {
        guard let cap1000 = last.breakpoints.cap1000, let cap3000 = last.breakpoints.cap3000 else { return [] }
        let factor = marketAdjustment(last: last, now: universe)
        let newLines = universe.indices.filter { index in
            let key = universe[index].companyKey
            return !listedAtRankDay.contains(key) && !alreadyAdded.contains(key)
        }
        guard !newLines.isEmpty else { return [] }
        let screened = Reconstitution.run(universe: newLines.map { universe[$0] }, prior: PriorLines(), rulebook: rulebook)
        var byCompany: [String: [Int]] = [:]
        for (index, row) in screened.rows.enumerated() where row.universeIndex != nil && row.exclusion == nil {
            byCompany[row.companyKey, default: []].append(index)
        }
        var events: [Event] = []
        for key in byCompany.keys.sorted() {
            let lines = byCompany[key]!
            guard let cap = screened.rows[lines[0]].totalMarketCap, cap >= cap3000 * factor else { continue }
            let tier: IndexTier = cap >= cap1000 * factor ? .r1000 : .r2000
            alreadyAdded.insert(key)
            for line in lines {
                let row = screened.rows[line]
                prior.add(.init(symbol: row.symbol, name: row.company, tier: tier, companyKey: key, isMicrocap: false))
                events.append(Event(kind: .ipoAddition, date: date, symbol: row.symbol, companyKey: key, tier: tier))
            }
        }
        return events
    }

    static func marketAdjustment(last: ReconstitutionResult, now: [Security]) -> Double {
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

/// ``Drag`` as it was first written (holdings keyed by `companyKey|symbol|row` text, filters and
/// reductions over them sorted by key), the reference for the portfolios and loops that replaced it.
private struct ReferenceDrag {
    /// The holdings of F and N, keyed as text.
    static func holdings(rows: [MembershipRow], classes: [MigrationClass], weighting: DragAnalysis.Weighting,
                         windowReturn: (MembershipRow) -> Double?) -> [Drag.Holding] {
        var holdings: [Drag.Holding] = []
        for (position, row) in rows.enumerated() {
            let inFrozen = row.priorIndex == .r2000, inReconstituted = row.index == .r2000
            guard inFrozen || inReconstituted else { continue }
            let basis: Double? = weighting == .cap ? row.totalMarketCap.flatMap { $0 > 0 ? $0 : nil } : 1
            holdings.append(Drag.Holding(
                key: "\(row.companyKey)|\(row.symbol)|\(position)",
                frozenWeight: inFrozen ? (basis ?? 0) : nil, reconstitutedWeight: inReconstituted ? (basis ?? 0) : nil,
                component: inFrozen && inReconstituted ? Drag.stayersComponent : DragAnalysis.component(of: classes[position]),
                windowReturn: basis == nil ? nil : windowReturn(row)))
        }
        return holdings
    }

    var frozenReturn, reconstitutedReturn, gap: Double
    var components: [(name: String, value: Double)]
    var leftOut: Int
    var leftOutFrozenWeight, leftOutReconstitutedWeight: Double
    var frozenCount, reconstitutedCount: Int

    init(holdings: [Drag.Holding]) {
        let all = holdings.sorted { $0.key < $1.key }
        let frozenAll = all.reduce(0) { $0 + ($1.frozenWeight ?? 0) }
        let reconstitutedAll = all.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) }
        let used = all.filter { $0.windowReturn != nil }
        let missing = all.filter { $0.windowReturn == nil }
        leftOut = missing.count
        leftOutFrozenWeight = frozenAll > 0 ? missing.reduce(0) { $0 + ($1.frozenWeight ?? 0) } / frozenAll : 0
        leftOutReconstitutedWeight = reconstitutedAll > 0 ? missing.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) } / reconstitutedAll : 0
        let frozenTotal = used.reduce(0) { $0 + ($1.frozenWeight ?? 0) }
        let reconstitutedTotal = used.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) }
        func frozen(_ holding: Drag.Holding) -> Double { frozenTotal > 0 ? (holding.frozenWeight ?? 0) / frozenTotal : 0 }
        func reconstituted(_ holding: Drag.Holding) -> Double {
            reconstitutedTotal > 0 ? (holding.reconstitutedWeight ?? 0) / reconstitutedTotal : 0
        }
        frozenCount = used.filter { $0.frozenWeight != nil }.count
        reconstitutedCount = used.filter { $0.reconstitutedWeight != nil }.count
        frozenReturn = used.reduce(0) { $0 + frozen($1) * $1.windowReturn! }
        reconstitutedReturn = used.reduce(0) { $0 + reconstituted($1) * $1.windowReturn! }
        gap = frozenReturn - reconstitutedReturn
        let stayers = used.filter { $0.frozenWeight != nil && $0.reconstitutedWeight != nil }
        let stayersFrozenWeight = stayers.reduce(0) { $0 + frozen($1) }
        let stayersReconstitutedWeight = stayers.reduce(0) { $0 + reconstituted($1) }
        let stayersFrozenReturn = stayersFrozenWeight > 0
            ? stayers.reduce(0) { $0 + frozen($1) * $1.windowReturn! } / stayersFrozenWeight : 0
        let stayersReturn = stayersReconstitutedWeight > 0
            ? stayers.reduce(0) { $0 + reconstituted($1) * $1.windowReturn! } / stayersReconstitutedWeight : 0
        var values: [String: Double] = [:]
        for holding in used where holding.frozenWeight == nil || holding.reconstitutedWeight == nil {
            if holding.reconstitutedWeight == nil {
                values[holding.component, default: 0] += frozen(holding) * (holding.windowReturn! - stayersReturn)
            } else {
                values[holding.component, default: 0] -= reconstituted(holding) * (holding.windowReturn! - stayersReturn)
            }
        }
        values[Drag.stayersComponent] = stayersFrozenWeight * (stayersFrozenReturn - stayersReturn)
        components = values.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }
}
