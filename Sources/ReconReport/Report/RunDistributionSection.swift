/// Total cap against rank near the #1,000 and #3,000 cuts, each company marked by its change.
enum RunDistributionSection {
    static func section(_ input: RunReportInput) -> ReportSection {
        let title = "Caps around the cuts"
        guard let members = input.members else {
            return ReportSection(id: "distribution", title: title, blocks: [.notice(.missing(
                "membership.csv", consequence: "The cap distributions around #1,000 and #3,000 need it and are left out."))])
        }
        let breakpoints = input.summary.breakpoints
        let band = breakpoints.hasBand
            ? CapDistribution.bandRanks(members: members, capHigh: breakpoints.bandCapHigh, capLow: breakpoints.bandCapLow) : nil
        let near1000 = CapDistribution(members: members, cut: 1000, band: band)
        let near3000 = CapDistribution(members: members, cut: 3000, band: nil)
        let bandLabel = "band ±" + ReportNumber.percent(breakpoints.bandHalfWidth, decimals: 1)
        let charts = [
            ReportChart(id: "caps-1000", title: "Around the #1,000 cut",
                        chart: near1000.chart(title: "Around the #1,000 cut", bandLabel: bandLabel, size: ReportChartSize.half)),
            ReportChart(id: "caps-3000", title: "Around the #3,000 cut",
                        chart: near3000.chart(title: "Around the #3,000 cut", size: ReportChartSize.half)),
        ]
        var blocks: [ReportBlock] = [
            .paragraph(explanation(band: band, near1000: near1000, near3000: near3000)),
            .charts(charts),
            .table(counts(near1000, near3000)),
        ]
        if breakpoints.hasBand && band == nil {
            blocks.append(.notice(ReportNotice(kind: .note, title: "Band not drawn.",
                text: "No ranked company in membership.csv has a cap between the band's edge caps of summary.json.")))
        }
        return ReportSection(id: "distribution", title: title, blocks: blocks)
    }

    private static func explanation(band: ClosedRange<Int>?, near1000: CapDistribution, near3000: CapDistribution) -> String {
        var text = "Each mark is a company: x is its rank, y its total market cap (log scale). "
        if let band {
            text += "The shaded band covers ranks \(ReportNumber.count(band.lowerBound))–\(ReportNumber.count(band.upperBound)), "
                + "where members keep their index. "
        }
        text += "Shown: ranks \(range(near1000.window)) and \(range(near3000.window))."
        return text
    }

    private static func counts(_ near1000: CapDistribution, _ near3000: CapDistribution) -> ReportTable {
        var table = ReportTable(
            caption: "Companies near the cuts by change",
            columns: [.text("Change"), .number("Ranks \(range(near1000.window))"), .number("Ranks \(range(near3000.window))")])
        for moverClass in CapDistribution.classes
        where near1000.groups.contains(where: { $0.moverClass == moverClass }) || near3000.groups.contains(where: { $0.moverClass == moverClass }) {
            table.append([moverClass.name, ReportNumber.count(near1000.count(moverClass.name)),
                          ReportNumber.count(near3000.count(moverClass.name))])
        }
        return table
    }

    private static func range(_ ranks: ClosedRange<Int>) -> String {
        "\(ReportNumber.count(ranks.lowerBound))–\(ReportNumber.count(ranks.upperBound))"
    }
}
