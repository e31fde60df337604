import ReconCore
import ReconFormats

/// The event windows are measured on the lines of the rank day's cross-section, through the
/// panel rows behind them (each line's security, as `dragWindows` does).
extension HistoryReplay {
    /// The event window from the rank day to the effective date (prior-art.md §C2.5): the frozen and
    /// reconstituted Russell 2000 over the months after the rank day's month through the effective
    /// date's month, the run-up that index funds trade into.
    static func rankToEffectiveWindow(step: ReplayStep, analysis: RunAnalysis, history: PanelHistory) -> RunWriter.DragWindow? {
        let panel = history.panel
        let rankDay = step.result.rulebook.rankDay, effective = step.result.rulebook.effectiveDate
        guard step.prior.count(.r2000) > 0, rankDay.months(to: effective) > 0,
              let lastMonth = panel.months.last, effective.endOfMonth <= lastMonth,
              let lineRows = history.section(onOrBefore: rankDay, convention: step.result.rulebook.shareTypeConvention)?.rows else { return nil }
        let result = step.result
        let byWeighting = analysis.drag(result) { row in
            result.isLine(row) ? panel.windowReturn(row: lineRows[row], after: rankDay, through: effective) : nil
        }
        return RunWriter.DragWindow(label: "rank_to_effective", source: "crsp", from: rankDay.description,
                                    to: effective.description, months: nil, byWeighting: byWeighting)
    }

    /// The upward migrants' share of the prior Russell 2000's return over the twelve months to the
    /// rank day (``GraduateContribution``).
    static func graduates(step: ReplayStep, analysis: RunAnalysis, history: PanelHistory) -> GraduateContribution? {
        let rankDay = step.result.rulebook.rankDay, yearBefore = rankDay.adding(months: -12)
        guard step.prior.count(.r2000) > 0, let lineRows = history.section(onOrBefore: rankDay, convention: step.result.rulebook.shareTypeConvention)?.rows else { return nil }
        let result = step.result
        return GraduateContribution(result: result, isGraduate: { analysis.migration.classes[$0] == .upward }) { row in
            result.isLine(row) ? history.panel.windowReturn(row: lineRows[row], after: yearBefore, through: rankDay) : nil
        }
    }
}
