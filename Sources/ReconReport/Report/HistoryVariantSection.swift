/// The rule variants compared: mean turnover, moves and drag per variant.
enum HistoryVariantSection {
    static func section(_ variants: [HistoryReportVariantRun]?) -> ReportSection {
        let title = "Rule variants"
        guard let variants, !variants.isEmpty else {
            return ReportSection(id: "variants", title: title, blocks: [.notice(.missing(
                "variants.csv", consequence: "Replay with --variant (for example --variant band=0) to compare rule variants."))])
        }
        let comparison = VariantComparison(variants)
        var table = ReportTable(
            caption: "Means over each variant's runs",
            columns: [.text("Variant"), .number("Runs"), .number("Moved up"), .number("Moved down"),
                      .number("Turnover (names)"), .number("Turnover a year (names)"), .number("Turnover (weight)"),
                      .number("Drag 12m (cap)"), .number("Drag 12m (equal)")],
            note: "Each mean is over the runs that have the measure; drag is frozen − reconstituted. Turnover a year: "
                + "each calendar year's runs summed, averaged over the years (twice a year under a semi-annual schedule).")
        for variant in comparison.variants {
            table.append([
                variant.name, ReportNumber.count(variant.runs), ReportNumber.decimal(variant.meanMovedUp),
                ReportNumber.decimal(variant.meanMovedDown), ReportNumber.percent(variant.meanTurnoverNames),
                ReportNumber.percent(variant.turnoverNamesPerYear), ReportNumber.percent(variant.meanTurnoverWeight),
                ReportNumber.signedPercent(variant.meanDrag12mCap),
                ReportNumber.signedPercent(variant.meanDrag12mEqual),
            ])
        }
        let names = comparison.variants.map(\.name)
        let chart = BarChart(
            title: "Turnover and drag by rule variant", categories: names,
            series: [
                .init(name: "Turnover (names)", values: comparison.variants.map { $0.meanTurnoverNames ?? .nan }, color: "#0072B2"),
                .init(name: "Turnover (weight)", values: comparison.variants.map { $0.meanTurnoverWeight ?? .nan }, color: "#E69F00"),
                .init(name: "Drag 12m (cap)", values: comparison.variants.map { $0.meanDrag12mCap ?? .nan }, color: "#D55E00"),
            ],
            xAxisTitle: "Variant", yAxisTitle: "Mean per run", valueFormat: .percent, size: ReportChartSize.wide)
        return ReportSection(id: "variants", title: title, blocks: [
            .table(table),
            .charts([ReportChart(id: "variants", title: "Turnover and drag by rule variant", chart: chart)]),
        ])
    }
}
