/// Turnover and drag by year as bar charts, and the breakpoints over time, with the start of
/// banding marked.
enum HistoryTrendSection {
    static func section(_ runs: [HistoryReportRun]) -> ReportSection {
        let labels = RunCalendar.labels(runs.map(\.run))
        let banding = BandingStart.index(in: runs)
        let marker = banding.map { CategoryMarker(before: labels[$0], label: BandingStart.label(for: runs[$0])) }
        let turnover = BarChart(
            title: "Russell 2000 turnover", categories: labels,
            series: [.init(name: "Names", values: runs.map { $0.turnoverNames ?? .nan }, color: "#0072B2"),
                     .init(name: "Weight", values: runs.map { $0.turnoverWeight ?? .nan }, color: "#E69F00")],
            marker: marker, yAxisTitle: "Turnover", valueFormat: .percent, size: ReportChartSize.wide)
        let drag = BarChart(
            title: "12-month drag (frozen − reconstituted)", categories: labels,
            series: [.init(name: "Cap-weighted", values: runs.map { $0.drag12mCap ?? .nan }, color: "#D55E00"),
                     .init(name: "Equal-weighted", values: runs.map { $0.drag12mEqual ?? .nan }, color: "#009E73")],
            marker: marker, yAxisTitle: "Gap", valueFormat: .percent, size: ReportChartSize.wide)
        var blocks: [ReportBlock] = [
            .charts([ReportChart(id: "turnover", title: "Russell 2000 turnover by year", chart: turnover,
                                 caption: "Names: (additions + deletions) ÷ (2 × prior members). Weight: one-way.")]),
            .charts([ReportChart(id: "drag", title: "12-month drag by year", chart: drag,
                                 caption: "Positive: the frozen prior index beat the reconstituted one. No bar where the return data end.")]),
        ]
        blocks.append(.charts([ReportChart(
            id: "breakpoints", title: "Breakpoints over time", chart: breakpoints(runs, banding: banding),
            caption: "Total cap of the company ranked #1,000 and #3,000 at each rank day, log scale.")]))
        if banding == nil {
            blocks.append(.paragraph("The band at #1,000 does not start within these years, so no banding change is marked."))
        }
        return ReportSection(id: "trends", title: "Turnover, drag and breakpoints by year", blocks: blocks)
    }

    private static func breakpoints(_ runs: [HistoryReportRun], banding: Int?) -> LineChart {
        func points(_ value: (HistoryReportRun) -> Double?) -> [ChartPoint] {
            runs.compactMap { run in
                guard let x = RunCalendar.time(of: run.run), let y = value(run) else { return nil }
                return ChartPoint(x: x, y: y)
            }
        }
        let marker = banding.flatMap { index in
            RunCalendar.time(of: runs[index].run).map { VerticalMarker(x: $0, label: BandingStart.label(for: runs[index])) }
        }
        return LineChart(
            title: "Breakpoints", series: [.init(name: "#1,000", points: points(\.breakpoint1000), color: "#0072B2"),
                                           .init(name: "#3,000", points: points(\.breakpoint3000), color: "#D55E00")],
            marker: marker, xFormat: .year, yFormat: .currency, yScale: .logarithmic, size: ReportChartSize.wide)
    }
}
