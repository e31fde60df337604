/// Members per index before and after, the breakpoints and the band.
enum RunMembersSection {
    static func section(_ summary: RunReportSummary) -> ReportSection {
        var blocks: [ReportBlock] = [.table(members(summary))]
        if let eligible = summary.eligibleCompanies {
            blocks.append(.paragraph("\(ReportNumber.count(eligible)) companies were eligible and ranked by total market cap."))
        }
        blocks.append(.table(breakpoints(summary.breakpoints)))
        return ReportSection(id: "members", title: "Members and breakpoints", blocks: blocks)
    }

    private static func members(_ summary: RunReportSummary) -> ReportTable {
        var table = ReportTable(
            caption: "Members per index",
            columns: [.text("Index"), .number("Companies"), .number("Securities"), .number("Prior companies"),
                      .number("Prior securities")],
            note: "Prior counts are the prior membership's; the Russell 3000 is the Russell 1000 and 2000 together.")
        let keys = IndexNames.countKeys + summary.counts.keys.filter { !IndexNames.countKeys.contains($0) }.sorted()
        for key in keys where summary.counts[key] != nil || summary.priorCounts[key] != nil {
            let count = summary.counts[key], prior = summary.priorCounts[key]
            table.append([
                IndexNames.display(key), ReportNumber.count(count?.companies), ReportNumber.count(count?.securities),
                ReportNumber.count(prior?.companies), ReportNumber.count(prior?.securities),
            ])
        }
        return table
    }

    private static func breakpoints(_ breakpoints: RunReportSummary.Breakpoints) -> ReportTable {
        var table = ReportTable(caption: "Breakpoints and band", columns: [.text("Measure"), .number("Value"), .number("Exact")])
        func dollars(_ label: String, _ value: Double?) {
            table.append([label, ReportNumber.dollars(value), ReportNumber.wholeDollars(value)])
        }
        dollars("Total cap of #1,000", breakpoints.cap1000)
        dollars("Total cap of #2,000", breakpoints.cap2000)
        dollars("Total cap of #3,000", breakpoints.cap3000)
        dollars("Smallest Russell 3000E company", breakpoints.smallestRussell3000E)
        dollars("Russell 3000E total", breakpoints.russell3000ETotal)
        guard breakpoints.hasBand else {
            table.note = "No band at #1,000 this year: the first 1,000 companies form the Russell 1000."
            return table
        }
        table.append(["Band half-width", "±" + ReportNumber.percent(breakpoints.bandHalfWidth, decimals: 1), ""])
        table.append(["Cumulative share at the band's top", ReportNumber.percentage(breakpoints.bandLowPercent), ""])
        table.append(["Cumulative share at #1,000", ReportNumber.percentage(breakpoints.breakpointPercent), ""])
        table.append(["Cumulative share at the band's bottom", ReportNumber.percentage(breakpoints.bandHighPercent), ""])
        dollars("Cap just inside the band's top", breakpoints.bandCapHigh)
        dollars("Cap just inside the band's bottom", breakpoints.bandCapLow)
        table.note = "Cumulative shares are of the Russell 3000E's total cap. Inside the band, members keep their index."
        return table
    }
}
