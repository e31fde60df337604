/// The headline numbers of a run report: members, breakpoints, the band, changes, turnover and
/// (when measured) the drag.
enum RunHeadline {
    static func metrics(_ input: RunReportInput) -> [ReportMetric] {
        let summary = input.summary
        var metrics = ["R1000", "R2000", "Microcap"].map { members(of: $0, summary) }
        metrics += breakpoints(summary.breakpoints)
        metrics += changes(summary.changes)
        let turnover = summary.turnover["R2000"]
        metrics.append(ReportMetric(
            label: "Russell 2000 turnover", value: ReportNumber.percent(turnover?.name),
            detail: "names · weight \(ReportNumber.percent(turnover?.weight))"))
        if let drag = input.drag {
            metrics.append(ReportMetric(
                label: "Russell 2000 drag", value: ReportNumber.signedPercent(drag.cap?.gap),
                detail: "cap-weighted · equal \(ReportNumber.signedPercent(drag.equal?.gap))"))
        }
        return metrics
    }

    private static func members(of key: String, _ summary: RunReportSummary) -> ReportMetric {
        let count = summary.counts[key]
        var detail = "\(ReportNumber.count(count?.securities)) securities"
        if let prior = summary.priorCounts[key]?.companies { detail += " · prior \(ReportNumber.count(prior))" }
        return ReportMetric(label: IndexNames.display(key), value: ReportNumber.count(count?.companies), detail: detail)
    }

    private static func breakpoints(_ breakpoints: RunReportSummary.Breakpoints) -> [ReportMetric] {
        var metrics = [
            ReportMetric(label: "Breakpoint #1,000", value: ReportNumber.dollars(breakpoints.cap1000),
                         detail: "#2,000 at \(ReportNumber.dollars(breakpoints.cap2000))"),
            ReportMetric(label: "Breakpoint #3,000", value: ReportNumber.dollars(breakpoints.cap3000),
                         detail: "smallest 3000E \(ReportNumber.dollars(breakpoints.smallestRussell3000E))"),
        ]
        if breakpoints.hasBand {
            metrics.append(ReportMetric(
                label: "Band at #1,000",
                value: "\(ReportNumber.dollars(breakpoints.bandCapLow))–\(ReportNumber.dollars(breakpoints.bandCapHigh))",
                detail: "cumulative \(ReportNumber.percentage(breakpoints.bandLowPercent, decimals: 1))–"
                    + ReportNumber.percentage(breakpoints.bandHighPercent, decimals: 1)))
        } else {
            metrics.append(ReportMetric(label: "Band at #1,000", value: "none", detail: "ranks alone decide"))
        }
        return metrics
    }

    private static func changes(_ changes: [String: Int]) -> [ReportMetric] {
        [
            ReportMetric(label: "Additions", value: ReportNumber.count(changes["addition"]), detail: "into the Russell 3000"),
            ReportMetric(label: "Deletions", value: ReportNumber.count(changes["deletion"]), detail: "out of the Russell 3000"),
            ReportMetric(label: "Moved up", value: ReportNumber.count(changes["upward"]), detail: "Russell 2000 → 1000"),
            ReportMetric(label: "Moved down", value: ReportNumber.count(changes["downward"]), detail: "Russell 1000 → 2000"),
        ]
    }
}
