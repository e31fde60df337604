import ReconCore
import ReconData

/// Replays every reconstitution of a CRSP-format panel in order (``Replay``) and measures each
/// one: migration, turnover and the drag over 1, 3, 12 and 60 months after the effective date,
/// from the panel's returns (RET, with DLRET at delisting).
struct HistoryReplay {
    /// Months after the effective date over which the drag is measured; 12 is the headline.
    static let windowMonths = [1, 3, 12, 60]
    static let headlineWindow = 12

    var runs: [RunWriter.Run]
    var steps: [ReplayStep]

    init(panel: CRSPPanel, panelPath: String, synthetic: Bool, table: RulebookTable, from firstYear: Int, through last: RunID,
         variant: RuleVariant?, console: Console) throws {
        // Warm up from the panel's first year so that the first run asked for starts from a real
        // prior membership (banding and migration need one); only the runs asked for are kept.
        let panelStart = panel.months.first?.year ?? firstYear
        let warmUpYear = min(firstYear, max(table.firstRun.year, panelStart))
        let rulebooks = try HistoryReplay.rulebooks(table: table, from: warmUpYear, through: last, variant: variant)
        guard rulebooks.contains(where: { $0.run.year >= firstYear }) else {
            throw CommandError("no reconstitution from \(firstYear) to \(last) in the calendar",
                               help: "choose years from \(table.firstRun.year) to \(table.lastRun.year)")
        }
        let label = variant.map { " [\($0.name)]" } ?? ""
        steps = Replay.run(rulebooks: rulebooks, history: panel, ipoWindows: { rulebook in
            table.quarterlyIPODates(after: rulebook.run).map { (rankDay: $0.rankDay, effectiveDate: $0.effectiveDate) }
        }, progress: { rulebook in
            console.progress("reconstituting \(rulebook.run)\(label)\(rulebook.run.year < firstYear ? " (warm-up)" : "")")
        })
        let allSteps = steps
        steps = allSteps.filter { $0.result.rulebook.run.year >= firstYear }
        let warmUp = allSteps.count - steps.count

        var runs: [RunWriter.Run] = []
        var previousCompanies: Set<String>? = warmUp > 0 ? Set(allSteps[warmUp - 1].universe.map(\.companyKey)) : nil
        for step in steps {
            let listedBefore = previousCompanies
            let isNewListing: (MembershipRow) -> Bool = { row in
                guard let listedBefore else { return false }
                return !listedBefore.contains(row.companyKey)
            }
            let analysis = RunAnalysis(result: step.result, isNewListing: isNewListing)
            var windows = HistoryReplay.dragWindows(step: step, analysis: analysis, panel: panel)
            if let event = HistoryReplay.rankToEffectiveWindow(step: step, analysis: analysis, panel: panel) { windows.append(event) }
            let dropped = panel.droppedRows(onOrBefore: step.result.rulebook.rankDay)
            let input = RunSummary.Input(universe: panelPath, format: "crsp", priors: [], synthetic: synthetic,
                                         rowsRead: step.universe.count + dropped.count, rowsDropped: DroppedRow.counts(dropped),
                                         variant: variant?.name)
            var warnings: [String] = []
            if synthetic { warnings.append("synthetic: the embedded market is generated, not real data") }
            runs.append(RunWriter.Run(
                result: step.result, universe: step.universe,
                summary: RunSummary(result: step.result, input: input, prior: step.prior),
                analysis: analysis, dropped: dropped,
                drag: windows.first { $0.months == HistoryReplay.headlineWindow }, dragWindows: windows,
                graduates: HistoryReplay.graduates(step: step, analysis: analysis, panel: panel),
                warnings: warnings))
            previousCompanies = Set(step.universe.map(\.companyKey))
        }
        self.runs = runs
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
    static func dragWindows(step: ReplayStep, analysis: RunAnalysis, panel: CRSPPanel) -> [RunWriter.DragWindow] {
        let start = step.result.rulebook.effectiveDate
        // With no prior Russell 2000 there is no frozen portfolio to compare with.
        guard let lastMonth = panel.months.last, step.prior.count(.r2000) > 0 else { return [] }
        return windowMonths.compactMap { months in
            let end = start.adding(months: months).endOfMonth
            guard end <= lastMonth else { return nil }
            let byWeighting = analysis.drag(rows: step.result.rows) { row in
                guard let line = row.universeIndex, let permno = Int(step.universe[line].id) else { return nil }
                return panel.compoundReturn(permno: permno, after: start, through: end)?.value
            }
            return RunWriter.DragWindow(label: "\(months)m", source: "crsp", from: start.description, to: end.description,
                                        months: months, byWeighting: byWeighting)
        }
    }
}
