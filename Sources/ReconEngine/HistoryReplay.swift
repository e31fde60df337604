import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// Replays every reconstitution of a CRSP-format panel in order (``Replay``) and measures each
/// one: migration, turnover and the drag over 1, 3, 12 and 60 months after the effective date,
/// from the panel's returns (RET, with DLRET at delisting).
struct HistoryReplay: Sendable {
    /// Months after the effective date over which the drag is measured; 12 is the headline.
    static let windowMonths = [1, 3, 12, 60]
    static let headlineWindow = 12

    /// The runs asked for (from the first year on), measured.
    var runs: [RunWriter.Run]
    /// Their steps.
    var steps: [ReplayStep]
    /// Every step replayed, warm-up included, with its rulebook and, from the first year on, its run.
    let allSteps: [ReplayStep]
    let rulebooks: [Rulebook]
    let runOfStep: [Int?]
    /// ``shortHistoryNote(firstRun:table:panelPath:)`` of this replay, a warning of each banded run.
    let shortHistory: String?

    /// What each run measures.
    enum Measures: Sendable {
        /// Every drag window, the rank day → effective date window, the graduates and the rows
        /// the snapshot dropped: what a run's folder holds.
        case all
        /// The counts, turnover and headline drag only: what a sweep's variants.csv holds.
        case headline
    }

    /// - Parameters:
    ///   - base: an earlier replay over the same history (the published rules): the steps whose
    ///     rules agree with it from the start are taken from it, not replayed again.
    ///   - measures: what to measure of the runs replayed (runs taken from `base` keep its measures).
    ///   - facts: a company-facts file laid over `history`'s universes (`--facts`), shared by every
    ///     replay of the command.
    ///   - onMeasured: called with each run asked for (and its position among them) as soon as it
    ///     is measured, on the cores the reconstitutions leave free: a replay's files are made
    ///     and written as it goes.
    init(history: PanelHistory, panelPath: String, synthetic: Bool, table: RulebookTable, from firstYear: Int,
         through last: RunID, variant: RuleVariant?, base: HistoryReplay? = nil, measures: Measures = .all,
         facts: FactsHistory? = nil, onMeasured: (@Sendable (_ position: Int, RunWriter.Run) -> Void)? = nil,
         progress: @escaping (Rulebook) -> Void) throws {
        // Warm up from the panel's first year so that the first run asked for starts from a real
        // prior membership (banding and migration need one); only the runs asked for are kept.
        let panel = history.panel
        let panelStart = panel.months.first?.year ?? firstYear
        let warmUpYear = min(firstYear, max(table.firstRun.year, panelStart))
        let allRulebooks = try HistoryReplay.rulebooks(table: table, from: warmUpYear, through: last, variant: variant)
        guard allRulebooks.contains(where: { $0.run.year >= firstYear }) else {
            throw CommandError("no reconstitution from \(firstYear) to \(last) in the calendar",
                               help: "choose years from \(table.firstRun.year) to \(table.lastRun.year)")
        }
        let rulebooks = try HistoryReplay.coveredRuns(of: allRulebooks, in: panel, from: firstYear, synthetic: synthetic)
        self.rulebooks = rulebooks

        // Steps shared with the base: a replay is a function of its rulebooks, so while they agree
        // the steps are the same (the last shared one is replayed, to have the state after it).
        var shared = 0
        if let base {
            while shared < min(rulebooks.count, base.rulebooks.count) - 1, rulebooks[shared] == base.rulebooks[shared] { shared += 1 }
        }
        let state = base.map { shared > 0 ? $0.allSteps[shared].stateBefore : Replay.State() } ?? Replay.State()
        let ipoWindows = { (rulebook: Rulebook) in
            table.quarterlyIPODates(after: rulebook.run).map { (rankDay: $0.rankDay, effectiveDate: $0.effectiveDate) }
        }
        let toReplay = Array(rulebooks[shared...])
        for convention in Set(toReplay.map(\.shareTypeConvention)).sorted(by: { $0.rawValue < $1.rawValue }) {
            history.prepare(months: HistoryReplay.months(of: toReplay.filter { $0.shareTypeConvention == convention }, panel: panel),
                            convention: convention)
        }
        // With facts the IPO windows are screened on the overlaid universes (FactsHistory).
        if facts == nil { history.prepareIPOWindows(after: toReplay, ipoWindows: ipoWindows) }
        if base == nil { PhaseTimer.mark("replay: cross-sections") }

        // Each run asked for is measured (and handed to `onMeasured`) on the other cores as soon as
        // its step is made, while the next step is reconstituted.
        let input = RunSummary.Input(universe: panelPath, format: "crsp", priors: [], synthetic: synthetic,
                                     rowsRead: 0, rowsDropped: [:], variant: variant?.name)
        let sharesReturns = base != nil
        let shortHistory = HistoryReplay.shortHistoryNote(firstRun: rulebooks.first?.run, table: table, panelPath: panelPath)
        self.shortHistory = shortHistory
        var measuring = StepMeasuring(firstYear: firstYear, base: base, sharedSteps: shared, variant: variant,
                                      measure: { step, previous in
                                          HistoryReplay.measure(step, previousUniverse: previous, history: history, input: input,
                                                                measures: measures, sharesReturns: sharesReturns, facts: facts,
                                                                shortHistory: shortHistory)
                                      }, onMeasured: onMeasured)
        for step in base?.allSteps.prefix(shared) ?? [] { measuring.add(step) }
        let market: any MarketHistory = facts ?? history
        Replay.run(rulebooks: Array(rulebooks[shared...]), history: market, from: state, ipoWindows: ipoWindows,
                   progress: progress) { measuring.add($0) }
        if base == nil { PhaseTimer.mark("replay: reconstitutions") }
        runs = measuring.finish()
        let replayed = measuring.steps
        allSteps = replayed
        var runOfStep = [Int?](repeating: nil, count: replayed.count)
        for (position, index) in measuring.kept.enumerated() { runOfStep[index] = position }
        self.runOfStep = runOfStep
        steps = measuring.kept.map { replayed[$0] }
    }

    /// The run of one step: analysis, summary, drag windows (the months after the effective date
    /// and the rank day → effective date event window), the graduates' share of the prior year's
    /// return, and the rows of the ranked month the snapshot left out.
    /// - Parameters:
    ///   - sharesReturns: take the drag's returns from the history's cache (for the variants of a
    ///     sweep, which meet the same steps' windows again and again).
    ///   - facts: the facts laid over the history: what they gave the run goes to its summary and warnings.
    ///   - shortHistory: ``shortHistoryNote(firstRun:table:panelPath:)``, a warning of every banded run.
    static func measure(_ step: ReplayStep, previousUniverse: Universe?, history: PanelHistory,
                        input: RunSummary.Input, measures: Measures = .all, sharesReturns: Bool = false,
                        facts: FactsHistory? = nil, shortHistory: String? = nil) -> RunWriter.Run {
        let result = step.result
        // New listings are lines whose company had no line in the previous step's universe.
        let listedBefore = previousUniverse.map(IPOWindowUniverse.listed)
        let analysis = RunAnalysis(result: result) { row in
            guard let listedBefore else { return false }
            return !listedBefore[Int(result.company[row])]
        }
        let all = measures == .all
        var windows = dragWindows(step: step, analysis: analysis, history: history,
                                  months: all ? windowMonths : [headlineWindow], sharesReturns: sharesReturns)
        if all, let event = rankToEffectiveWindow(step: step, analysis: analysis, history: history) { windows.append(event) }
        let dropped = all ? history.panel.droppedRows(onOrBefore: result.rulebook.rankDay) : []
        var input = input
        input.rowsRead = result.lineCount + dropped.count
        input.rowsDropped = DroppedRow.counts(dropped)
        var warnings: [String] = []
        if input.synthetic { warnings.append("synthetic: the embedded market is generated, not real data") }
        if let facts {
            input.facts = facts.report(at: result.rulebook.rankDay, convention: result.rulebook.shareTypeConvention)
            warnings += input.facts!.warnings
        }
        if let shortHistory, result.rulebook.band1000 != nil { warnings.append(shortHistory) }
        return RunWriter.Run(
            result: result, summary: RunSummary(result: result, input: input),
            analysis: analysis, dropped: dropped,
            drag: windows.first { $0.months == HistoryReplay.headlineWindow }, dragWindows: windows,
            graduates: all ? graduates(step: step, analysis: analysis, history: history) : nil,
            warnings: warnings)
    }

    /// A replay that starts after the calendar's first run starts with no prior membership, and
    /// the band (from 2007) keeps members by what they were: the members the band would have kept
    /// since before the panel's first run are not known to its banded runs. Said, with the first
    /// run; `nil` when the replay starts with the calendar.
    static func shortHistoryNote(firstRun: RunID?, table: RulebookTable, panelPath: String) -> String? {
        guard let firstRun, firstRun != table.firstRun else { return nil }
        return "the prior membership is the panel's own from \(firstRun), its first run, which had none: members the band would "
            + "have kept since before then are not known; a panel that starts earlier than \(FilePaths.fileName(of: panelPath)) "
            + "gives a prior nearer FTSE Russell's"
    }

    /// The runs to replay, with the variant applied.
    static func rulebooks(table: RulebookTable, from firstYear: Int, through last: RunID, variant: RuleVariant?) throws -> [Rulebook] {
        var runs = table.runs(from: firstYear, to: last.year).filter { $0 <= last }
        switch variant?.semiannual {
        case false?: runs = runs.filter { $0.month == 6 }
        case true?:
            let december = runs.filter { $0.month == 6 }.map { RunID(year: $0.year, month: 12) }
            runs = Array(Set(runs + december)).sorted().filter { $0 <= last }
        case nil: break
        }
        return try runs.map { run in
            let rulebook = try table.reconstitution(for: run) != nil
                ? table.rulebook(for: run)
                : december(after: try table.rulebook(for: RunID(year: run.year, month: 6)))
            return variant?.apply(to: rulebook) ?? rulebook
        }
    }

    /// The runs of a replay whose cross-sections the panel holds: the warm-up starts with the first
    /// run it has data for, and a run asked for, or after the warm-up's start, without its ranked
    /// month (``CRSPPanel/hasRankedMonth(_:)``) is refused. Ranked anyway, it would be another
    /// month's prices as the rank day's, or an empty market before the panel's first month.
    static func coveredRuns(of rulebooks: [Rulebook], in panel: CRSPPanel, from firstYear: Int, synthetic: Bool) throws -> [Rulebook] {
        let covered = Array(rulebooks.drop { $0.run.year < firstYear && !panel.hasRankedMonth($0.rankDay) })
        guard let missing = covered.first(where: { !panel.hasRankedMonth($0.rankDay) }) else { return covered }
        let month = CRSPPanel.rankedMonth(missing.rankDay)
        let monthText = month.monthDescription
        let years = Set(covered.map(\.run.year)).sorted()
        func whole(_ year: Int) -> Bool { covered.allSatisfy { $0.run.year != year || panel.hasRankedMonth($0.rankDay) } }
        let instead: String
        if let first = panel.months.first, month < first {
            instead = years.first { $0 > missing.run.year && whole($0) }.map { "replay from \($0) (--from \($0)), or " } ?? ""
        } else if let last = panel.months.last, month > last {
            instead = years.last { $0 < missing.run.year && whole($0) }.map { "replay up to \($0) (--to \($0)), or " } ?? ""
        } else {
            instead = ""
        }
        throw CommandError(
            "\(synthetic ? "the embedded market" : "the panel") has no month-end in \(monthText), which the run \(missing.run) ranks on "
                + "\(missing.rankDay) (its data runs from \(panel.monthRange)): another month's prices would stand for the rank day's",
            help: instead + "give a panel with the month-end of \(monthText)",
            exitCode: 1)
    }

    /// The months whose cross-sections these runs rank.
    static func months(of rulebooks: [Rulebook], panel: CRSPPanel) -> Set<Int> {
        Set(rulebooks.compactMap { panel.monthIndex(onOrBefore: $0.rankDay) })
    }

    /// A December run the calendar does not have (the semi-annual variant before 2026), by the
    /// v7.0 rule (M7 §5.14, App. F): rank day the last business day of October, effective after the
    /// close of the second Friday of December.
    static func december(after june: Rulebook) -> Rulebook {
        var rulebook = june
        let year = june.run.year
        rulebook.run = RunID(year: year, month: 12)
        rulebook.rankDay = TradingCalendar.lastBusinessDay(of: CalendarDate(year: year, month: 10, day: 1))
        rulebook.effectiveDate = TradingCalendar.nthWeekday(2, .friday, of: CalendarDate(year: year, month: 12, day: 1))
        rulebook.source = "derived December run (semi-annual variant)"
        return rulebook
    }

    /// The drag windows the panel covers.
    static func dragWindows(step: ReplayStep, analysis: RunAnalysis, history: PanelHistory, months: [Int] = windowMonths,
                            sharesReturns: Bool = false) -> [RunWriter.DragWindow] {
        let panel = history.panel
        let start = step.result.rulebook.effectiveDate
        // With no prior Russell 2000 there is no frozen portfolio to compare with.
        guard let lastMonth = panel.months.last, step.prior.count(.r2000) > 0,
              let section = history.section(onOrBefore: step.result.rulebook.rankDay, convention: step.result.rulebook.shareTypeConvention) else { return [] }
        let result = step.result, lineRows = section.rows
        let portfolios = DragAnalysis.Portfolios(result: result, classes: analysis.migration.classes)
        let windows = months.map { (months: $0, end: start.adding(months: $0).endOfMonth) }.filter { $0.end <= lastMonth }
        guard !windows.isEmpty else { return [] }
        // The buy-and-hold return of the security behind each holding's line (its PERMNO), every
        // window in one pass over its rows.
        let ends = windows.map(\.end)
        let none = [Double?](repeating: nil, count: ends.count)
        let returns: [[Double?]]
        if sharesReturns {
            let lineReturns = history.windowReturns(month: section.month, after: start, through: ends)
            returns = portfolios.rows.map { result.isLine($0) ? lineReturns[$0] : none }
        } else {
            let holdings = portfolios.rows.filter(result.isLine)
            var computed = panel.windowReturns(ofRows: holdings.map { lineRows[$0] }, after: start, through: ends).makeIterator()
            returns = portfolios.rows.map { result.isLine($0) ? computed.next()! : none }
        }
        return windows.enumerated().map { index, window in
            RunWriter.DragWindow(label: "\(window.months)m", source: "crsp", from: start.description, to: window.end.description,
                                 months: window.months, byWeighting: portfolios.measure(holdingReturns: returns.map { $0[index] }))
        }
    }
}
