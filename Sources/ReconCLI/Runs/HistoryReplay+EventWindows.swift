import ReconCore
import ReconData

extension HistoryReplay {
    /// The event window from the rank day to the effective date (prior-art.md §C2.5): the frozen and
    /// reconstituted Russell 2000 over the months after the rank day's month through the effective
    /// date's month, the run-up that index funds trade into.
    static func rankToEffectiveWindow(step: ReplayStep, analysis: RunAnalysis, panel: CRSPPanel) -> RunWriter.DragWindow? {
        let rankDay = step.result.rulebook.rankDay, effective = step.result.rulebook.effectiveDate
        guard step.prior.count(.r2000) > 0, rankDay.months(to: effective) > 0,
              let lastMonth = panel.months.last, effective.endOfMonth <= lastMonth else { return nil }
        let byWeighting = analysis.drag(rows: step.result.rows) { row in
            guard let line = row.universeIndex, let permno = Int(step.universe[line].id) else { return nil }
            return panel.compoundReturn(permno: permno, after: rankDay, through: effective)?.value
        }
        return RunWriter.DragWindow(label: "rank_to_effective", source: "crsp", from: rankDay.description,
                                    to: effective.description, months: nil, byWeighting: byWeighting)
    }

    /// The upward migrants' share of the prior Russell 2000's return over the twelve months to the
    /// rank day (``GraduateContribution``).
    static func graduates(step: ReplayStep, analysis: RunAnalysis, panel: CRSPPanel) -> GraduateContribution? {
        let rankDay = step.result.rulebook.rankDay
        guard step.prior.count(.r2000) > 0 else { return nil }
        return GraduateContribution(rows: step.result.rows, isGraduate: { analysis.migration.classes[$0] == .upward }) { row in
            guard let line = row.universeIndex, let permno = Int(step.universe[line].id) else { return nil }
            return panel.compoundReturn(permno: permno, after: rankDay.adding(months: -12), through: rankDay)?.value
        }
    }
}
