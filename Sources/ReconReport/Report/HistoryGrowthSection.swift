/// Cumulative growth of $1 in the frozen and the reconstituted Russell 2000.
enum HistoryGrowthSection {
    static func section(_ input: HistoryReportInput) -> ReportSection {
        let title = "Growth of $1: frozen against reconstituted"
        let growth = GrowthOfOneDollar(input.returns)
        guard !growth.steps.isEmpty else {
            return ReportSection(id: "growth", title: title, blocks: [.notice(.missing(
                "drag.json in the run folders", consequence: "The growth of $1 needs the runs' 12-month returns and is left out."))])
        }
        let chart = LineChart(
            title: "Growth of $1", series: growth.series, xFormat: .year, yFormat: .currency, yScale: .logarithmic,
            size: ReportChartSize.wide)
        var table = ReportTable(
            caption: "Chained 12-month returns (cap-weighted)",
            columns: [.text("Run"), .number("Frozen return"), .number("Reconstituted return"), .number("Gap"),
                      .number("$1 frozen"), .number("$1 reconstituted")],
            note: "Each run's cap.frozen_return and cap.reconstituted_return from its drag.json, chained; runs without one are skipped.")
        for step in growth.steps {
            table.append([
                step.run, ReportNumber.signedPercent(step.frozenReturn), ReportNumber.signedPercent(step.reconstitutedReturn),
                ReportNumber.signedPercent(step.frozenReturn - step.reconstitutedReturn),
                ReportNumber.growth(step.frozenValue), ReportNumber.growth(step.reconstitutedValue),
            ])
        }
        let skipped = input.runs.count - growth.steps.count
        var blocks: [ReportBlock] = [
            .charts([ReportChart(id: "growth", title: "Growth of $1", chart: chart,
                                 caption: "Each year, $1 held for 12 months from the effective date in either portfolio, chained.")]),
            .table(table),
        ]
        if skipped > 0 {
            blocks.append(.paragraph("\(ReportNumber.count(skipped)) of \(ReportNumber.count(input.runs.count)) runs have no "
                + "12-month returns (no drag.json, or the data end) and are skipped."))
        }
        return ReportSection(id: "growth", title: title, blocks: blocks)
    }
}
