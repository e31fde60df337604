/// The headline numbers of a history report: the span, average turnover and drag, the latest
/// breakpoints and where $1 ends up.
enum HistoryHeadline {
    static func metrics(_ input: HistoryReportInput) -> [ReportMetric] {
        let runs = input.runs
        var metrics = [ReportMetric(
            label: "Reconstitutions", value: ReportNumber.count(runs.count),
            detail: runs.isEmpty ? nil : "\(runs[0].run) to \(runs[runs.count - 1].run)")]
        metrics.append(ReportMetric(
            label: "Mean turnover", value: ReportNumber.percent(VariantComparison.mean(runs.compactMap(\.turnoverNames))),
            detail: "names · weight \(ReportNumber.percent(VariantComparison.mean(runs.compactMap(\.turnoverWeight))))"))
        let dragged = runs.compactMap(\.drag12mCap)
        metrics.append(ReportMetric(
            label: "Mean 12-month drag", value: ReportNumber.signedPercent(VariantComparison.mean(dragged)),
            detail: "cap-weighted, \(ReportNumber.count(dragged.count)) years · equal "
                + ReportNumber.signedPercent(VariantComparison.mean(runs.compactMap(\.drag12mEqual)))))
        if let last = runs.last {
            metrics.append(ReportMetric(label: "Breakpoint #1,000", value: ReportNumber.dollars(last.breakpoint1000),
                                        detail: "in \(last.run)"))
            metrics.append(ReportMetric(label: "Breakpoint #3,000", value: ReportNumber.dollars(last.breakpoint3000),
                                        detail: "in \(last.run)"))
        }
        metrics.append(ReportMetric(
            label: "Moved up", value: ReportNumber.count(runs.compactMap(\.movedUp).reduce(0, +)),
            detail: "down \(ReportNumber.count(runs.compactMap(\.movedDown).reduce(0, +))), all runs"))
        if let ending = GrowthOfOneDollar(input.returns).ending {
            metrics.append(ReportMetric(
                label: "$1 reconstituted", value: ReportNumber.growth(ending.reconstituted),
                detail: "frozen \(ReportNumber.growth(ending.frozen))"))
        }
        return metrics
    }
}
